import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** Configuration of the Domain Atlas plugins. */
  domainAtlas?: {
    /**
     * When the backend re-reads the catalog and recomputes the report.
     * Default: every 30 minutes, timeout 10 minutes, first run 15 seconds
     * after start-up. Runs on one backend instance at a time.
     */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;

    /** How long history is kept. */
    history?: {
      /**
       * Days of per-domain history (phase, score, finding counts) kept for
       * trends and the migration burn-up. Default 730 (two years).
       */
      retentionDays?: number;
      /** Full reports kept besides the newest. Default 10. */
      snapshotsToKeep?: number;
    };

    /** The recorded history of API definitions. */
    contractHistory?: {
      /**
       * Earlier definitions that start an API's history when it has none
       * yet, e.g. the last release before Domain Atlas was installed. The
       * current definition is then compared with it at the first refresh.
       */
      backfill?: Array<{
        /** The API entity, e.g. `api:default/orders-api-v2` or `orders-api-v2`. */
        api: string;
        /** The definition text; `$file: path` reads it from a file. */
        definition: string;
        /** When this definition was live, e.g. `2026-09-01`. */
        seenAt: string;
        /** Its version, when the definition does not say. */
        version?: string;
      }>;
    };

    /**
     * Rule overrides by rule id, e.g. `own-datastore: { severity: warning }`
     * or `repo-per-service: { enabled: false }`.
     */
    rules?: {
      [ruleId: string]: {
        enabled?: boolean;
        /** One of `error`, `warning`, `info`. */
        severity?: string;
      };
    };

    /** Component `spec.type`s that are deployed. Default `service`, `website`. */
    deployableTypes?: string[];
    /** Resource `spec.type`s that are datastores. Default `database`. */
    datastoreTypes?: string[];
    /** Resource `spec.type`s that are caches. Default `cache`. */
    cacheTypes?: string[];
    /**
     * API `spec.type`s that are synchronous. Default `openapi`, `grpc`,
     * `graphql`, `trpc`.
     */
    syncApiTypes?: string[];
    /** API `spec.type`s that are events. Default `asyncapi`. */
    asyncApiTypes?: string[];
    /**
     * Component `spec.type`s that are gateways (as is any component with
     * annotation `domain-atlas.io/role: gateway`). Default `gateway`.
     */
    gatewayTypes?: string[];
    /** Component `spec.type`s that are shared code. Default `library`. */
    libraryTypes?: string[];
    /**
     * Component `spec.type`s that are contract/schema packages, which other
     * domains may depend on. Default `contract`.
     */
    contractLibraryTypes?: string[];
  };
}
