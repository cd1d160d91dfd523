export { CatalogReader, ANALYSIS_FIELDS } from './CatalogReader';
