import type { ResolvedAnalysisOptions } from '../options';
import type { CatalogEntity } from './catalog';
import { SHARED_CONTRACT_LABEL } from './annotations';

/**
 * What an entity is for the analysis, by kind, `spec.type` (configurable
 * sets, see {@link AnalysisOptions}) and annotations.
 *
 * @public
 */
export interface EntityRoles {
  /** A Component deployed on its own (`deployableTypes`). */
  isDeployable(entity: CatalogEntity): boolean;
  /** A Resource that is a datastore (`datastoreTypes`). */
  isDatastore(entity: CatalogEntity): boolean;
  /** A Resource that is a cache (`cacheTypes`). */
  isCache(entity: CatalogEntity): boolean;
  /** A Component of a gateway type, or annotated `domain-atlas.io/role: gateway`. */
  isGateway(entity: CatalogEntity): boolean;
  /** A Component of a library type that is not a shared contract package. */
  isBusinessLibrary(entity: CatalogEntity): boolean;
  /** A Component of a contract type, or a library labelled `domain-atlas.io/shared-contract`. */
  isContractLibrary(entity: CatalogEntity): boolean;
  /** `sync` or `async` for an API by its type; null for other types. */
  apiStyle(entity: CatalogEntity): 'sync' | 'async' | null;
}

/** Builds the role checks for the resolved options. */
export function entityRoles(options: ResolvedAnalysisOptions): EntityRoles {
  const typed =
    (kind: string, types: ReadonlySet<string>) => (e: CatalogEntity) =>
      e.kind === kind && e.type !== null && types.has(e.type);
  const isContractLibrary = (e: CatalogEntity) =>
    e.kind === 'component' &&
    ((e.type !== null && options.contractLibraryTypes.has(e.type)) ||
      (e.type !== null &&
        options.libraryTypes.has(e.type) &&
        (e.labels[SHARED_CONTRACT_LABEL] ?? '').trim().toLowerCase() ===
          'true'));
  return {
    isDeployable: typed('component', options.deployableTypes),
    isDatastore: typed('resource', options.datastoreTypes),
    isCache: typed('resource', options.cacheTypes),
    isGateway: e =>
      e.kind === 'component' &&
      ((e.type !== null && options.gatewayTypes.has(e.type)) ||
        e.atlas.gatewayRole),
    isBusinessLibrary: e =>
      typed('component', options.libraryTypes)(e) && !isContractLibrary(e),
    isContractLibrary,
    apiStyle: e => {
      if (e.kind !== 'api' || e.type === null) {
        return null;
      }
      if (options.syncApiTypes.has(e.type)) {
        return 'sync';
      }
      return options.asyncApiTypes.has(e.type) ? 'async' : null;
    },
  };
}
