export { readAnalysisConfig } from './readAnalysisConfig';
export type { AnalysisConfig } from './readAnalysisConfig';
