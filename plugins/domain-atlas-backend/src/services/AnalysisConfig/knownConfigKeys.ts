/**
 * A key whose value its reader checks: a scalar, a list of scalars, or a
 * small shape of its own such as a schedule's duration.
 */
export const VALUE = 'value';

/** A list whose entries are blocks, e.g. `contractHistory.backfill`. */
export class ListOf {
  constructor(readonly entry: KeyTree) {}
}

/**
 * A block whose keys are names the user chooses, e.g. the rule ids of
 * `rules`, each with a value or a block of known keys.
 */
export class ByName {
  constructor(readonly entry: KeyTree | typeof VALUE) {}
}

/** The keys a block accepts. */
export interface KeyTree {
  readonly [key: string]: typeof VALUE | KeyTree | ListOf | ByName;
}

const listOf = (entry: KeyTree) => new ListOf(entry);
const byName = (entry: KeyTree | typeof VALUE) => new ByName(entry);

/**
 * Every key the backend accepts under `domainAtlas`, mirroring config.d.ts.
 * Start-up fails on any other key (see checkConfigKeys).
 *
 * Adding a key to config.d.ts? Add the same key here, one line: `key: VALUE`
 * for a value, or a nested block. knownConfigKeys.test.ts fails until
 * config.d.ts and this tree agree.
 */
export const DOMAIN_ATLAS_CONFIG_KEYS: KeyTree = {
  // Backstage's SchedulerServiceTaskScheduleDefinitionConfig; readSchedule
  // checks the shapes inside each value.
  schedule: {
    frequency: VALUE,
    timeout: VALUE,
    initialDelay: VALUE,
    scope: VALUE,
  },
  history: {
    retentionDays: VALUE,
    snapshotsToKeep: VALUE,
  },
  // services/AnalysisConfig/readAnalysisConfig.ts
  refresh: {
    maxMemoryMb: VALUE,
  },
  // services/CatalogReader/readCatalogConfig.ts
  catalog: {
    readTimeout: VALUE,
  },
  // services/ContractService/readContractCheckConfig.ts
  contractCheck: {
    maxConcurrent: VALUE,
    maxDefinitionBytes: VALUE,
    timeout: VALUE,
    maxMemoryMb: VALUE,
  },
  // services/Notifications/readNotificationsConfig.ts
  notifications: {
    enabled: VALUE,
    minimumSeverity: VALUE,
    newErrors: { enabled: VALUE, severity: VALUE },
    breakingChanges: { enabled: VALUE, severity: VALUE },
    overdueTargets: { enabled: VALUE, severity: VALUE },
    expiringWaivers: { enabled: VALUE, severity: VALUE, days: VALUE },
  },
  contractHistory: {
    backfill: listOf({
      api: VALUE,
      definition: VALUE,
      seenAt: VALUE,
      version: VALUE,
    }),
  },
  // The rule ids themselves are checked by readAnalysisOptionsFromConfig,
  // which also knows the rules that backend modules add.
  rules: byName({
    enabled: VALUE,
    severity: VALUE,
  }),
  // readConfigRules of the common package checks the values, and that a
  // rule gives exactly one requirement.
  customRules: listOf({
    id: VALUE,
    principle: VALUE,
    description: VALUE,
    severity: VALUE,
    filter: {
      kind: VALUE,
      type: VALUE,
      lifecycle: VALUE,
      namespace: VALUE,
      phase: {
        evidence: VALUE,
        declared: VALUE,
      },
      hasAnnotation: VALUE,
      hasLabel: VALUE,
    },
    require: {
      annotation: {
        key: VALUE,
        pattern: VALUE,
      },
      label: {
        key: VALUE,
        pattern: VALUE,
      },
      spec: {
        field: VALUE,
        equals: VALUE,
      },
      link: {
        type: VALUE,
        title: VALUE,
      },
      description: VALUE,
      tag: VALUE,
    },
  }),
  deployableTypes: VALUE,
  datastoreTypes: VALUE,
  cacheTypes: VALUE,
  syncApiTypes: VALUE,
  asyncApiTypes: VALUE,
  gatewayTypes: VALUE,
  libraryTypes: VALUE,
  contractLibraryTypes: VALUE,
};

/**
 * Every key of a tree as a path: `rules.*.enabled` for a key under a name
 * the user chooses, `contractHistory.backfill[].api` for a key of a list
 * entry.
 */
export function keyPaths(tree: KeyTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, node]) => {
    const path = `${prefix}${key}`;
    if (node === VALUE) {
      return [path];
    }
    if (node instanceof ListOf) {
      return [path, ...keyPaths(node.entry, `${path}[].`)];
    }
    if (node instanceof ByName) {
      return [
        path,
        `${path}.*`,
        ...(node.entry === VALUE ? [] : keyPaths(node.entry, `${path}.*.`)),
      ];
    }
    return [path, ...keyPaths(node, `${path}.`)];
  });
}
