import { RootConfigService } from '@backstage/backend-plugin-api';
import { readDurationFromConfig } from '@backstage/config';
import { stringifyError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';

/** How the backend reads the catalog: `domainAtlas.catalog` of app-config. */
export interface CatalogConfig {
  /** How long one whole read of the catalog may take. */
  readTimeoutMs: number;
}

const READ_TIMEOUT_KEY = 'domainAtlas.catalog.readTimeout';

/** Long enough for a large catalog (10,000 entities read in seconds). */
const DEFAULT_READ_TIMEOUT_MS = 3 * 60 * 1000;

/**
 * Reads and checks `domainAtlas.catalog`. The read timeout is a duration
 * written as the schedule's are: `{ minutes: 3 }`, `'3m'` or `'PT3M'`.
 * Throws at start-up, naming the key, on anything else.
 */
export function readCatalogConfig(
  rootConfig: RootConfigService,
): CatalogConfig {
  if (!rootConfig.has(READ_TIMEOUT_KEY)) {
    return { readTimeoutMs: DEFAULT_READ_TIMEOUT_MS };
  }
  let readTimeoutMs: number;
  try {
    readTimeoutMs = durationToMilliseconds(
      readDurationFromConfig(rootConfig, { key: READ_TIMEOUT_KEY }),
    );
  } catch (error) {
    throw new Error(
      `Invalid Domain Atlas configuration at '${READ_TIMEOUT_KEY}': not a duration such as { minutes: 3 }, '3m' or 'PT3M' (${stringifyError(
        error,
      )})`,
    );
  }
  if (!(readTimeoutMs > 0)) {
    throw new Error(
      `Invalid Domain Atlas configuration at '${READ_TIMEOUT_KEY}': the timeout must be longer than zero, e.g. { minutes: 3 }`,
    );
  }
  return { readTimeoutMs };
}
