export { ReportService } from './ReportService';
