import { AuthService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * The entity fields the analysis reads. Asking for these only keeps a large
 * catalog's transfer and memory small (no relations, no status, no labels
 * other than the ones the analysis uses live in metadata).
 */
export const ANALYSIS_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.description',
  'metadata.annotations',
  'metadata.labels',
  'spec',
];

/** How many entities one catalog page holds. */
const PAGE_SIZE = 500;

/**
 * Reads the whole catalog, page by page, with the plugin's own service
 * credentials.
 */
export class CatalogReader {
  private readonly catalog: CatalogService;
  private readonly auth: AuthService;

  constructor(options: { catalog: CatalogService; auth: AuthService }) {
    this.catalog = options.catalog;
    this.auth = options.auth;
  }

  async readAll(): Promise<Entity[]> {
    const credentials = await this.auth.getOwnServiceCredentials();
    const entities: Entity[] = [];
    for await (const page of this.catalog.streamEntities(
      { fields: ANALYSIS_FIELDS, pageSize: PAGE_SIZE },
      { credentials },
    )) {
      for (const entity of page) {
        entities.push(entity);
      }
    }
    return entities;
  }
}
