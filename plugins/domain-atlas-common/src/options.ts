import type { Severity } from './report';
import type { DomainAtlasRule } from './rules/types';
import type { DefinitionCache } from './contractDefinitions';
import { isoDateToDay } from './model/dates';
import { valueText } from './model/valueText';

/**
 * Per-rule configuration: switch a rule off or re-level it.
 *
 * @public
 */
export interface RuleConfig {
  enabled?: boolean;
  severity?: Severity;
}

/**
 * A recorded change of an API definition (from the backend's history).
 *
 * @public
 */
export interface ContractChange {
  /** Ref of the API entity; kind defaults to `api`, namespace to `default`. */
  api: string;
  fromVersion: string | null;
  toVersion: string | null;
  breaking: boolean;
}

/**
 * Options of {@link analyze}. Every field is optional.
 *
 * @public
 */
export interface AnalysisOptions {
  /** Component `spec.type`s that are deployed on their own. Default `service`, `website`. */
  deployableTypes?: string[];
  /** Resource `spec.type`s that are datastores. Default `database`. */
  datastoreTypes?: string[];
  /** Resource `spec.type`s that are caches. Default `cache`. */
  cacheTypes?: string[];
  /** API `spec.type`s called synchronously. Default `openapi`, `grpc`, `graphql`, `trpc`. */
  syncApiTypes?: string[];
  /** API `spec.type`s consumed through events. Default `asyncapi`. */
  asyncApiTypes?: string[];
  /** Component `spec.type`s that are gateways. Default `gateway`. */
  gatewayTypes?: string[];
  /** Component `spec.type`s that are shared code. Default `library`. */
  libraryTypes?: string[];
  /** Component `spec.type`s that are contract/schema packages (may be shared). Default `contract`. */
  contractLibraryTypes?: string[];
  /** Per-rule configuration by rule id. */
  rules?: Record<string, RuleConfig>;
  /** Rules added by backend modules, evaluated after the built-in ones. */
  extraRules?: DomainAtlasRule[];
  /**
   * Today, as an ISO date (`YYYY-MM-DD` or a full ISO timestamp), for target
   * dates and the end of waivers. `analyze` never reads the clock; without
   * `now`, a target that is not reached yet is reported `at-risk`, and no
   * waiver expires.
   */
  now?: string;
  /** Recorded definition changes, for `breaking-change-needs-major`. */
  contractChanges?: ContractChange[];
  /** Definitions longer than this many characters are not parsed. Default 1 MiB. */
  maxDefinitionSize?: number;
  /**
   * Parse every OpenAPI/AsyncAPI definition in full, so that any that does
   * not parse is a `malformed-definition` finding. Default false: the
   * version is read by a fast scan of the `info` block, and a definition is
   * parsed in full only when the scan cannot tell (much faster on large
   * catalogs).
   */
  strictDefinitions?: boolean;
  /**
   * Remembers what parsing each definition in full gave, across analyses
   * (see {@link DefinitionCache}); `analyze` reads and fills it. Without
   * one, every definition parsed is parsed again in the next analysis.
   */
  definitionCache?: DefinitionCache;
}

/**
 * {@link AnalysisOptions} with every default applied and validated.
 *
 * @public
 */
export interface ResolvedAnalysisOptions {
  deployableTypes: ReadonlySet<string>;
  datastoreTypes: ReadonlySet<string>;
  cacheTypes: ReadonlySet<string>;
  syncApiTypes: ReadonlySet<string>;
  asyncApiTypes: ReadonlySet<string>;
  gatewayTypes: ReadonlySet<string>;
  libraryTypes: ReadonlySet<string>;
  contractLibraryTypes: ReadonlySet<string>;
  rules: ReadonlyArray<DomainAtlasRule>;
  ruleConfig: ReadonlyMap<string, { enabled: boolean; severity: Severity }>;
  /** `now` as days since the epoch (UTC), or null. */
  today: number | null;
  now: string | null;
  contractChanges: ReadonlyArray<ContractChange>;
  maxDefinitionSize: number;
  strictDefinitions: boolean;
  definitionCache: DefinitionCache | undefined;
}

/** Default type sets, as documented on {@link AnalysisOptions}. */
export const DEFAULT_TYPES = {
  deployableTypes: ['service', 'website'],
  datastoreTypes: ['database'],
  cacheTypes: ['cache'],
  syncApiTypes: ['openapi', 'grpc', 'graphql', 'trpc'],
  asyncApiTypes: ['asyncapi'],
  gatewayTypes: ['gateway'],
  libraryTypes: ['library'],
  contractLibraryTypes: ['contract'],
} as const;

/**
 * The largest API definition read or compared, in characters (1 MiB).
 *
 * @public
 */
export const DEFAULT_MAX_DEFINITION_SIZE = 1024 * 1024;

const SEVERITIES: ReadonlyArray<Severity> = ['error', 'warning', 'info'];
function typeSet(
  name: keyof typeof DEFAULT_TYPES,
  value: unknown,
): ReadonlySet<string> {
  if (value === undefined) {
    return new Set(DEFAULT_TYPES[name]);
  }
  if (!Array.isArray(value) || value.some(v => typeof v !== 'string')) {
    throw new Error(
      `Domain Atlas option '${name}' must be an array of strings, got ${valueText(
        value,
      )}`,
    );
  }
  return new Set(value.map(v => v.toLocaleLowerCase('en-US')));
}

function resolveRules(
  builtIn: ReadonlyArray<DomainAtlasRule>,
  options: AnalysisOptions,
): ReadonlyArray<DomainAtlasRule> {
  const extra = options.extraRules ?? [];
  if (!Array.isArray(extra)) {
    throw new Error("Domain Atlas option 'extraRules' must be an array");
  }
  const rules = [...builtIn, ...extra];
  const seen = new Set<string>();
  for (const rule of rules) {
    if (
      !rule ||
      typeof rule.id !== 'string' ||
      !/^[a-z0-9][a-z0-9-]*$/.test(rule.id) ||
      typeof rule.evaluate !== 'function' ||
      !SEVERITIES.includes(rule.defaultSeverity)
    ) {
      throw new Error(
        `Domain Atlas rule ${valueText(
          rule?.id,
        )} needs a kebab-case id, a defaultSeverity (error, warning or info) and an evaluate function`,
      );
    }
    if (seen.has(rule.id)) {
      throw new Error(`Domain Atlas rule '${rule.id}' is defined twice`);
    }
    seen.add(rule.id);
  }
  return rules;
}

function resolveRuleConfig(
  rules: ReadonlyArray<DomainAtlasRule>,
  config: unknown,
): Map<string, { enabled: boolean; severity: Severity }> {
  if (config !== undefined && (typeof config !== 'object' || config === null)) {
    throw new Error("Domain Atlas option 'rules' must be an object");
  }
  const entries = (config ?? {}) as Record<string, unknown>;
  const known = new Set(rules.map(rule => rule.id));
  for (const id of Object.keys(entries)) {
    if (!known.has(id)) {
      throw new Error(
        `Domain Atlas option 'rules' configures unknown rule '${id}'; known rules: ${[
          ...known,
        ].join(', ')}`,
      );
    }
  }
  const resolved = new Map<string, { enabled: boolean; severity: Severity }>();
  for (const rule of rules) {
    const entry = (entries[rule.id] ?? {}) as RuleConfig;
    if (typeof entry !== 'object' || entry === null) {
      throw new Error(
        `Domain Atlas rule config '${rule.id}' must be an object`,
      );
    }
    if (entry.enabled !== undefined && typeof entry.enabled !== 'boolean') {
      throw new Error(
        `Domain Atlas rule config '${rule.id}.enabled' must be a boolean`,
      );
    }
    if (entry.severity !== undefined && !SEVERITIES.includes(entry.severity)) {
      throw new Error(
        `Domain Atlas rule config '${
          rule.id
        }.severity' must be one of ${SEVERITIES.join(', ')}, got ${valueText(
          entry.severity,
        )}`,
      );
    }
    resolved.set(rule.id, {
      enabled: entry.enabled ?? true,
      severity: entry.severity ?? rule.defaultSeverity,
    });
  }
  return resolved;
}

function resolveContractChanges(value: unknown): ContractChange[] {
  if (value === undefined) {
    return [];
  }
  if (!Array.isArray(value)) {
    throw new Error("Domain Atlas option 'contractChanges' must be an array");
  }
  for (const change of value) {
    const valid =
      change &&
      typeof change.api === 'string' &&
      (change.fromVersion === null || typeof change.fromVersion === 'string') &&
      (change.toVersion === null || typeof change.toVersion === 'string') &&
      typeof change.breaking === 'boolean';
    if (!valid) {
      throw new Error(
        `Domain Atlas option 'contractChanges' has an invalid entry ${valueText(
          change,
        )}; expected { api, fromVersion, toVersion, breaking }`,
      );
    }
  }
  return value;
}

/**
 * Applies defaults to the options and validates them. Bad options are a
 * programming or configuration error and throw a descriptive `Error`; bad
 * catalog data never throws.
 */
export function resolveOptions(
  options: AnalysisOptions,
  builtInRules: ReadonlyArray<DomainAtlasRule>,
): ResolvedAnalysisOptions {
  const rules = resolveRules(builtInRules, options);
  let today: number | null = null;
  if (options.now !== undefined) {
    const day =
      typeof options.now === 'string' ? isoDateToDay(options.now) : undefined;
    if (day === undefined) {
      throw new Error(
        `Domain Atlas option 'now' must be an ISO date, got ${valueText(
          options.now,
        )}`,
      );
    }
    today = day;
  }
  const maxDefinitionSize =
    options.maxDefinitionSize ?? DEFAULT_MAX_DEFINITION_SIZE;
  if (!Number.isFinite(maxDefinitionSize) || maxDefinitionSize < 0) {
    throw new Error(
      "Domain Atlas option 'maxDefinitionSize' must be a non-negative number",
    );
  }
  return {
    deployableTypes: typeSet('deployableTypes', options.deployableTypes),
    datastoreTypes: typeSet('datastoreTypes', options.datastoreTypes),
    cacheTypes: typeSet('cacheTypes', options.cacheTypes),
    syncApiTypes: typeSet('syncApiTypes', options.syncApiTypes),
    asyncApiTypes: typeSet('asyncApiTypes', options.asyncApiTypes),
    gatewayTypes: typeSet('gatewayTypes', options.gatewayTypes),
    libraryTypes: typeSet('libraryTypes', options.libraryTypes),
    contractLibraryTypes: typeSet(
      'contractLibraryTypes',
      options.contractLibraryTypes,
    ),
    rules,
    ruleConfig: resolveRuleConfig(rules, options.rules),
    today,
    now: today === null ? null : options.now!.slice(0, 10),
    contractChanges: resolveContractChanges(options.contractChanges),
    maxDefinitionSize,
    strictDefinitions: options.strictDefinitions === true,
    definitionCache: resolveDefinitionCache(options.definitionCache),
  };
}

function resolveDefinitionCache(value: unknown): DefinitionCache | undefined {
  if (value === undefined) {
    return undefined;
  }
  const cache = value as Partial<DefinitionCache> | null;
  if (typeof cache?.get !== 'function' || typeof cache?.set !== 'function') {
    throw new Error(
      `Domain Atlas option 'definitionCache' must have get and set methods (a Map will do), got ${valueText(
        value,
      )}`,
    );
  }
  return cache as DefinitionCache;
}
