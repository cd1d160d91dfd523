export { CatalogVisibility } from './CatalogVisibility';
export type { Visibility } from './CatalogVisibility';
export { VisibleReports } from './VisibleReports';
export type { VisibleReport } from './VisibleReports';
export { redactReport } from './redactReport';
