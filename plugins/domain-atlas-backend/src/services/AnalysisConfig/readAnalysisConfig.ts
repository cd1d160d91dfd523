import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  ConfiguredAnalysisOptions,
  readAnalysisOptionsFromConfig,
} from '@domain-atlas/plugin-domain-atlas-common';

/** What the backend reads from the `domainAtlas` block of app-config. */
export interface AnalysisConfig {
  schedule: SchedulerServiceTaskScheduleDefinition;
  retentionDays: number;
  snapshotsToKeep: number;
  analysis: ConfiguredAnalysisOptions;
}

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 15 },
};

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
 * configuration. The analysis options are read as the command line reads
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
  return {
    schedule: config?.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          config.getConfig('schedule'),
        )
      : DEFAULT_SCHEDULE,
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
  };
}
