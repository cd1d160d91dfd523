export { readAnalysisConfig } from './readAnalysisConfig';
export type { AnalysisConfig, BackfillEntry } from './readAnalysisConfig';
export { checkAnalysisOptions } from './checkAnalysisOptions';
