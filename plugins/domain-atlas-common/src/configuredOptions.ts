import type { Config } from '@backstage/config';
import type { AnalysisOptions, RuleConfig } from './options';
import type { Severity } from './report';
import { BUILT_IN_RULES } from './rules';
import { configError } from './configError';
import { readConfigRules } from './configRules/readConfigRules';

/**
 * The analysis options app-config can set: the type lists, the rule
 * configuration and the rules declared in config (`customRules`, as
 * `extraRules`) of the `domainAtlas` block.
 *
 * @public
 */
export type ConfiguredAnalysisOptions = Pick<
  AnalysisOptions,
  | 'deployableTypes'
  | 'datastoreTypes'
  | 'cacheTypes'
  | 'syncApiTypes'
  | 'asyncApiTypes'
  | 'gatewayTypes'
  | 'libraryTypes'
  | 'contractLibraryTypes'
  | 'rules'
  | 'extraRules'
>;

const SEVERITIES: ReadonlyArray<Severity> = ['error', 'warning', 'info'];

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

/**
 * Reads the analysis options from the `domainAtlas` block of app-config,
 * the same way for the backend and the command line: the rules declared
 * in `customRules` become `extraRules`. Throws an `Error` naming the key of
 * an invalid value (the config reader's own type errors name the key too).
 *
 * @param rootConfig - the whole app-config
 * @param extraRuleIds - ids of rules added by backend modules, which may be
 *   configured like the built-in ones, and which config rules may not take
 * @public
 */
export function readAnalysisOptionsFromConfig(
  rootConfig: Config,
  extraRuleIds: ReadonlyArray<string> = [],
): ConfiguredAnalysisOptions {
  const config = rootConfig.getOptionalConfig('domainAtlas');
  const options: ConfiguredAnalysisOptions = {};
  for (const key of TYPE_LIST_KEYS) {
    const types = config?.getOptionalStringArray(key);
    if (types !== undefined) {
      if (types.some(type => type.trim() === '')) {
        throw configError(
          `domainAtlas.${key}`,
          'entity types must not be empty',
        );
      }
      options[key] = types;
    }
  }

  const builtInRuleIds = BUILT_IN_RULES.map(rule => rule.id);
  const configRules = readConfigRules(config, builtInRuleIds, extraRuleIds);
  if (configRules.length > 0) {
    options.extraRules = configRules;
  }

  const rulesConfig = config?.getOptionalConfig('rules');
  if (rulesConfig) {
    const knownRuleIds = [
      ...builtInRuleIds,
      ...extraRuleIds,
      ...configRules.map(rule => rule.id),
    ];
    const rules: Record<string, RuleConfig> = {};
    for (const ruleId of rulesConfig.keys()) {
      const key = `domainAtlas.rules.${ruleId}`;
      if (!knownRuleIds.includes(ruleId)) {
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
    options.rules = rules;
  }
  return options;
}
