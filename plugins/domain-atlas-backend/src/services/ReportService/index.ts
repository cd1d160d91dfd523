export { ReportService } from './ReportService';
export type { ReportStatus } from './ReportService';
