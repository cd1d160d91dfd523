import { AuthService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { stringifyError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * The entity fields the analysis and its rules read. Asking for these only
 * keeps a large catalog's transfer and memory small (no relations, no
 * status).
 */
export const ANALYSIS_FIELDS = [
  // The analysis checks entities the way the catalog does, apiVersion too.
  'apiVersion',
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.description',
  'metadata.annotations',
  'metadata.labels',
  'metadata.tags',
  'metadata.links',
  'spec',
];

/** How many entities one catalog page holds. */
const PAGE_SIZE = 500;

/**
 * The catalog could not be read: it failed, or did not finish within the
 * read timeout. The message says which, fit to show to users.
 */
export class CatalogReadError extends Error {
  name = 'CatalogReadError';
}

/** A timeout as people say it: `3 minutes`, `90 seconds`, `250 ms`. */
export function describeDuration(ms: number): string {
  const plural = (n: number, unit: string) =>
    `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (ms >= 60_000 && ms % 60_000 === 0) {
    return plural(ms / 60_000, 'minute');
  }
  if (ms >= 1000 && ms % 1000 === 0) {
    return plural(ms / 1000, 'second');
  }
  return `${ms} ms`;
}

/**
 * Reads the whole catalog, page by page, with the plugin's own service
 * credentials, and gives up when the read takes longer than its timeout.
 */
export class CatalogReader {
  private readonly catalog: CatalogService;
  private readonly auth: AuthService;
  /** How long one whole read may take. */
  readonly timeoutMs: number;

  constructor(options: {
    catalog: CatalogService;
    auth: AuthService;
    timeoutMs: number;
  }) {
    this.catalog = options.catalog;
    this.auth = options.auth;
    this.timeoutMs = options.timeoutMs;
  }

  /** Reads the whole catalog into one list (tests, small catalogs). */
  async readAll(): Promise<Entity[]> {
    const entities: Entity[] = [];
    await this.read(page => {
      for (const entity of page) {
        entities.push(entity);
      }
    });
    return entities;
  }

  /**
   * Reads the whole catalog, handing each page to `onPage` as it arrives,
   * so that no one list of all entities needs to be held here. Resolves to
   * the number of entities read.
   */
  async read(onPage: (page: Entity[]) => void): Promise<number> {
    let count = 0;
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new CatalogReadError(
              `The catalog did not answer within ${describeDuration(
                this.timeoutMs,
              )} (${count} entities read); the read was abandoned`,
            ),
          ),
        this.timeoutMs,
      );
    });
    let iterator: AsyncIterator<Entity[]> | undefined;
    try {
      const credentials = await Promise.race([
        this.auth.getOwnServiceCredentials(),
        expired,
      ]);
      iterator = this.catalog
        .streamEntities(
          { fields: ANALYSIS_FIELDS, pageSize: PAGE_SIZE },
          { credentials },
        )
        [Symbol.asyncIterator]();
      for (;;) {
        const pending = iterator.next();
        // Should a page arrive, or fail, after the read was abandoned,
        // nobody is waiting for it any more.
        pending.catch(() => undefined);
        const page = await Promise.race([pending, expired]);
        if (page.done) {
          return count;
        }
        count += page.value.length;
        onPage(page.value);
      }
    } catch (error) {
      if (error instanceof CatalogReadError) {
        // The catalog service takes no AbortSignal: abandon the stream.
        // return() ends it once its pending page settles (a hung one never
        // does), so it is not awaited.
        iterator?.return?.().catch(() => undefined);
        throw error;
      }
      throw new CatalogReadError(
        `The catalog could not be read: ${stringifyError(error)}`,
      );
    } finally {
      clearTimeout(timer);
    }
  }
}
