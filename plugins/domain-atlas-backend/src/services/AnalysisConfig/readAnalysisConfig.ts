import {
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  AnalysisOptions,
  ConfiguredAnalysisOptions,
  readAnalysisOptionsFromConfig,
} from '@domain-atlas/plugin-domain-atlas-common';
import { checkConfigKeys } from './checkConfigKeys';
import { readSchedule } from './readSchedule';

/** An earlier API definition that starts the API's recorded history. */
export interface BackfillEntry {
  /** Full lowercase ref, e.g. `api:default/orders-api-v2`. */
  api: string;
  definition: string;
  seenAt: Date;
  version?: string;
}

/** What the backend reads from the `domainAtlas` block of app-config. */
export interface AnalysisConfig {
  schedule: SchedulerServiceTaskScheduleDefinition;
  retentionDays: number;
  snapshotsToKeep: number;
  /** What app-config sets, plus the rules of backend modules. */
  analysis: ConfiguredAnalysisOptions & Pick<AnalysisOptions, 'extraRules'>;
  contractBackfill: BackfillEntry[];
  /** The heap of a refresh's worker thread, in MB. */
  refreshMaxMemoryMb: number;
}

/**
 * The default heap of a refresh's worker: a 100,000-entity catalog needs
 * about a third of it (see the README's benchmarks).
 */
export const DEFAULT_REFRESH_MAX_MEMORY_MB = 2048;

function apiRefOf(value: string, key: string): string {
  const trimmed = value.trim().toLocaleLowerCase('en-US');
  const withKind = trimmed.startsWith('api:') ? trimmed : `api:${trimmed}`;
  const ref = withKind.includes('/')
    ? withKind
    : withKind.replace(/^api:/, 'api:default/');
  if (!/^api:[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*$/.test(ref)) {
    throw new Error(
      `Invalid Domain Atlas configuration at '${key}': '${value}' is not an API entity ref such as api:default/orders-api`,
    );
  }
  return ref;
}

function readBackfill(config: RootConfigService | undefined): BackfillEntry[] {
  const entries = config?.getOptionalConfigArray('contractHistory.backfill');
  return (entries ?? []).map((entry, index) => {
    const key = `domainAtlas.contractHistory.backfill[${index}]`;
    const seenAt = new Date(entry.getString('seenAt'));
    if (Number.isNaN(seenAt.getTime())) {
      throw new Error(
        `Invalid Domain Atlas configuration at '${key}.seenAt': '${entry.getString(
          'seenAt',
        )}' is not a date such as 2026-09-01`,
      );
    }
    return {
      api: apiRefOf(entry.getString('api'), `${key}.api`),
      definition: entry.getString('definition'),
      seenAt,
      version: entry.getOptionalString('version'),
    };
  });
}

function positiveWholeNumber(
  value: number | undefined,
  key: string,
  fallback: number,
): number {
  if (value === undefined) {
    return fallback;
  }
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(
      `Invalid Domain Atlas configuration at '${key}': ${value} is not a whole number ≥ 1`,
    );
  }
  return value;
}

/**
 * Reads and validates the `domainAtlas` configuration. Throws at start-up,
 * naming the offending key, rather than running with a half-understood
 * configuration: an unknown key (see knownConfigKeys.ts) or a bad schedule
 * fails too. The analysis options are read as the command line reads
 * them (`readAnalysisOptionsFromConfig` of the common package).
 *
 * @param extraRuleIds - ids of rules added by backend modules, which may be
 *   configured like the built-in ones
 */
export function readAnalysisConfig(
  rootConfig: RootConfigService,
  extraRuleIds: string[] = [],
): AnalysisConfig {
  const config = rootConfig.getOptionalConfig('domainAtlas');
  if (config) {
    checkConfigKeys(config);
  }
  return {
    schedule: readSchedule(config?.getOptionalConfig('schedule')),
    retentionDays: positiveWholeNumber(
      config?.getOptionalNumber('history.retentionDays'),
      'domainAtlas.history.retentionDays',
      730,
    ),
    snapshotsToKeep: positiveWholeNumber(
      config?.getOptionalNumber('history.snapshotsToKeep'),
      'domainAtlas.history.snapshotsToKeep',
      10,
    ),
    analysis: readAnalysisOptionsFromConfig(rootConfig, extraRuleIds),
    contractBackfill: readBackfill(config),
    refreshMaxMemoryMb: positiveWholeNumber(
      config?.getOptionalNumber('refresh.maxMemoryMb'),
      'domainAtlas.refresh.maxMemoryMb',
      DEFAULT_REFRESH_MAX_MEMORY_MB,
    ),
  };
}
