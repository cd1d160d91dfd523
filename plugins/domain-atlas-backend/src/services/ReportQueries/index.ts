export * from './ReportQueries';
