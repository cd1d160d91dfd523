export {
  CatalogReader,
  CatalogReadError,
  ANALYSIS_FIELDS,
  describeDuration,
} from './CatalogReader';
export { readCatalogConfig } from './readCatalogConfig';
export type { CatalogConfig } from './readCatalogConfig';
