import {
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import {
  AnalysisOptions,
  BUILT_IN_RULES,
  RuleConfig,
  Severity,
} from '@domain-atlas/plugin-domain-atlas-common';

/** What the backend reads from the `domainAtlas` block of app-config. */
export interface AnalysisConfig {
  schedule: SchedulerServiceTaskScheduleDefinition;
  retentionDays: number;
  snapshotsToKeep: number;
  analysis: Omit<AnalysisOptions, 'now' | 'contractChanges' | 'extraRules'>;
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

const TYPE_LIST_KEYS = [
  'deployableTypes',
  'datastoreTypes',
  'cacheTypes',
  'syncApiTypes',
  'asyncApiTypes',
  'gatewayTypes',
  'libraryTypes',
  'contractLibraryTypes',
] as const;

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 15 },
};

function configError(key: string, problem: string): Error {
  return new Error(
    `Invalid Domain Atlas configuration at '${key}': ${problem}`,
  );
}

/**
 * Reads and validates the `domainAtlas` configuration. Throws at start-up,
 * naming the offending key, rather than running with a half-understood
 * configuration.
 *
 * @param extraRuleIds - ids of rules added by backend modules, which may be
 *   configured like the built-in ones
 */
export function readAnalysisConfig(
  rootConfig: RootConfigService,
  extraRuleIds: string[] = [],
): AnalysisConfig {
  const config = rootConfig.getOptionalConfig('domainAtlas');

  const schedule = config?.has('schedule')
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        config.getConfig('schedule'),
      )
    : DEFAULT_SCHEDULE;

  const retentionDays =
    config?.getOptionalNumber('history.retentionDays') ?? 730;
  if (!Number.isInteger(retentionDays) || retentionDays < 1) {
    throw configError(
      'domainAtlas.history.retentionDays',
      `${retentionDays} is not a whole number of days ≥ 1`,
    );
  }
  const snapshotsToKeep =
    config?.getOptionalNumber('history.snapshotsToKeep') ?? 10;
  if (!Number.isInteger(snapshotsToKeep) || snapshotsToKeep < 1) {
    throw configError(
      'domainAtlas.history.snapshotsToKeep',
      `${snapshotsToKeep} is not a whole number ≥ 1`,
    );
  }

  const analysis: AnalysisConfig['analysis'] = {};
  for (const key of TYPE_LIST_KEYS) {
    const types = config?.getOptionalStringArray(key);
    if (types !== undefined) {
      if (types.some(type => type.trim() === '')) {
        throw configError(
          `domainAtlas.${key}`,
          'entity types must not be empty',
        );
      }
      analysis[key] = types;
    }
  }

  const knownRuleIds = new Set([
    ...BUILT_IN_RULES.map(rule => rule.id),
    ...extraRuleIds,
  ]);
  const rulesConfig = config?.getOptionalConfig('rules');
  if (rulesConfig) {
    const rules: Record<string, RuleConfig> = {};
    for (const ruleId of rulesConfig.keys()) {
      const key = `domainAtlas.rules.${ruleId}`;
      if (!knownRuleIds.has(ruleId)) {
        throw configError(
          key,
          `no rule has this id; rules are ${[...knownRuleIds]
            .sort()
            .join(', ')}`,
        );
      }
      const ruleConfig = rulesConfig.getConfig(ruleId);
      const severity = ruleConfig.getOptionalString('severity');
      if (
        severity !== undefined &&
        !SEVERITIES.includes(severity as Severity)
      ) {
        throw configError(
          `${key}.severity`,
          `'${severity}' is not one of ${SEVERITIES.join(', ')}`,
        );
      }
      rules[ruleId] = {
        enabled: ruleConfig.getOptionalBoolean('enabled'),
        severity: severity as Severity | undefined,
      };
    }
    analysis.rules = rules;
  }

  return { schedule, retentionDays, snapshotsToKeep, analysis };
}
