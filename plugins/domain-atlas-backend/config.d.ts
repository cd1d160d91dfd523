import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Configuration of the Domain Atlas plugins. */
  domainAtlas?: {
    /**
     * When the backend re-reads the catalog and recomputes the report.
     * Default: every 30 minutes, timeout 10 minutes, first run 15 seconds
     * after start-up. Runs on one backend instance at a time.
     */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;

    /** How the backend reads the catalog. */
    catalog?: {
      /**
       * How long one whole read of the catalog may take, written as the
       * schedule's durations are: `{ minutes: 3 }`, `3m` or `PT3M`. A read
       * that takes longer is abandoned and the refresh recorded as failed;
       * the last good report stays in use. Default 3 minutes.
       */
      readTimeout?: string | HumanDuration;
    };

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

    /**
     * Each refresh analyses the catalog in a worker thread of its own, so
     * that a large catalog never holds up the backend.
     */
    refresh?: {
      /**
       * The heap of a refresh's worker thread in MB (V8's old generation).
       * A refresh that needs more is stopped and recorded as failed; the
       * last good report stays in use. Default 2048; a catalog of 100,000
       * entities needs about a third of it.
       */
      maxMemoryMb?: number;
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
     * Limits of "what breaks if this definition ships" checks
     * (`POST /contracts/:namespace/:name/check` and the
     * `check-contract-change` action). Each check parses and compares the
     * candidate in a worker thread of its own, so a large or pathological
     * candidate never holds up the other routes.
     */
    contractCheck?: {
      /**
       * Checks running at once on this backend instance; more callers get
       * 503 with a `Retry-After` header. Default 2.
       */
      maxConcurrent?: number;
      /**
       * The largest candidate definition, in UTF-8 bytes; a larger one gets
       * 413. At most 2 MiB (2097152), as the router reads request bodies
       * of up to 4 MB. Default 1 MiB (1048576).
       */
      maxDefinitionBytes?: number;
      /**
       * How long one check may take, worker start included: a number of
       * milliseconds or a duration such as `{ seconds: 30 }`, `30s` or
       * `PT30S`. A slower check is stopped and answered with 503. Default
       * 30 seconds.
       */
      timeout?: number | string | HumanDuration;
      /**
       * The heap of one check's worker thread in MB (V8's old generation,
       * at least 16); a check that needs more is stopped and answered with
       * 503. Default 256.
       */
      maxMemoryMb?: number;
    };

    /**
     * Notifications to the owners who can act, through Backstage's
     * notifications (install `@backstage/plugin-notifications-backend`).
     * After each refresh the new report is compared with the one before;
     * the first refresh is the baseline and sends nothing, and one subject
     * notifies at most once a day. Severities are those of Backstage
     * notifications: `critical`, `high`, `normal`, `low`.
     */
    notifications?: {
      /** Whether Domain Atlas sends notifications at all. Default true. */
      enabled?: boolean;
      /**
       * Notifications less severe than this are not sent. Default `low`
       * (all).
       */
      minimumSeverity?: string;
      /**
       * A domain has an unwaived error finding it did not have: to the
       * domain's owner. Default severity `high`.
       */
      newErrors?: {
        /** Default true. */
        enabled?: boolean;
        /** `critical`, `high`, `normal` or `low`. */
        severity?: string;
      };
      /**
       * A breaking API change was recorded without a new major version: to
       * the API's owner and the owners of its consumers. Default severity
       * `critical`.
       */
      breakingChanges?: {
        /** Default true. */
        enabled?: boolean;
        /** `critical`, `high`, `normal` or `low`. */
        severity?: string;
      };
      /**
       * A domain's target date passed before it reached its target phase:
       * to the domain's owner. Default severity `normal`.
       */
      overdueTargets?: {
        /** Default true. */
        enabled?: boolean;
        /** `critical`, `high`, `normal` or `low`. */
        severity?: string;
      };
      /**
       * A waiver (`domain-atlas.io/exemptions` with `until`) ends within
       * `days`: to the owner of the waived entity. Default severity `low`.
       */
      expiringWaivers?: {
        /** Default true. */
        enabled?: boolean;
        /** `critical`, `high`, `normal` or `low`. */
        severity?: string;
        /** How many days before its last day a waiver is announced. Default 14. */
        days?: number;
      };
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

    /**
     * Rules declared in config, without code. Each finds the entities its
     * `filter` selects that do not meet its one requirement, one finding
     * per entity, saying what is missing. They are rules like the built-in
     * ones: listed by `GET /rules`, configurable in `rules`, waivable with
     * `domain-atlas.io/exemptions`, counted in the score. They do not count
     * towards the phase criteria. Values compare as the catalog's filters
     * do: case-insensitive.
     */
    customRules?: Array<{
      /**
       * Kebab-case id, e.g. `apis-have-lifecycle-label`: no built-in rule,
       * module rule or other config rule may have it.
       */
      id: string;
      /** The principle the rule protects. */
      principle: string;
      /** When the rule is violated. */
      description: string;
      /**
       * One of `error`, `warning`, `info`. Default `warning`;
       * `rules.<id>.severity` overrides it.
       */
      severity?: string;
      /**
       * Which entities the rule looks at: all when left out. Every key
       * given must hold; a list holds when any of its values does.
       */
      filter?: {
        /** Entity kind, e.g. `Component` or `[Component, API]`. */
        kind?: string | string[];
        /** `spec.type`, e.g. `[service, website]`. */
        type?: string | string[];
        /** `spec.lifecycle`, e.g. `production`. */
        lifecycle?: string | string[];
        /** `metadata.namespace` (`default` when left out on the entity). */
        namespace?: string | string[];
        /**
         * The phase (0–3) of the entity's domain is at least this; an
         * entity in no domain never matches. `evidence` is computed from
         * the other rules' findings.
         */
        phase?: {
          evidence?: number;
          declared?: number;
        };
        /** The entity has one of these annotations. */
        hasAnnotation?: string | string[];
        /** The entity has one of these labels. */
        hasLabel?: string | string[];
      };
      /** What each selected entity must have: exactly one of these keys. */
      require: {
        /**
         * An annotation; with `pattern` (a JavaScript regular expression),
         * one whose value matches it.
         */
        annotation?: {
          key: string;
          pattern?: string;
        };
        /** A label; with `pattern`, one whose value matches it. */
        label?: {
          key: string;
          pattern?: string;
        };
        /**
         * A `spec` field (`field` is its path below `spec`, e.g. `system`
         * or `profile.email`); with `equals`, equal to the value or to one
         * of the list.
         */
        spec?: {
          field: string;
          equals?: string | number | boolean | Array<string | number | boolean>;
        };
        /** A link in `metadata.links` with this type, title or both. */
        link?: {
          type?: string;
          title?: string;
        };
        /** `true`: a `metadata.description` that is not empty. */
        description?: boolean;
        /** A tag in `metadata.tags`: this one, or one of the list. */
        tag?: string | string[];
      };
    }>;

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
