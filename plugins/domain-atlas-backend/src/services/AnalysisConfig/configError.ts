import { RootConfigService } from '@backstage/backend-plugin-api';

/** A block of app-config, e.g. `domainAtlas.schedule`. */
export type ConfigBlock = ReturnType<RootConfigService['getConfig']>;

/** The start-up error for a configuration mistake, naming its full key. */
export function configError(key: string, problem: string): Error {
  return new Error(
    `Invalid Domain Atlas configuration at '${key}': ${problem}`,
  );
}
