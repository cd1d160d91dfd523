export { ReportService } from './ReportService';
export type { ReportStatus } from './ReportService';
export { retryAfterOf, unavailable } from './unavailable';
