import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppConfig, Config, ConfigReader } from '@backstage/config';
import {
  AnalysisOptions,
  BUILT_IN_RULES,
  RuleConfig,
  Severity,
} from '@domain-atlas/plugin-domain-atlas-common';
import { LineCounter, parseDocument } from 'yaml';
import { CliInputError } from './errors';
import { describeYamlError } from './yamlErrors';

/**
 * The analysis options that app-config can set: the type lists and the
 * rule configuration of the `domainAtlas` block.
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

function configError(key: string, problem: string): CliInputError {
  return new CliInputError(
    `Invalid Domain Atlas configuration at '${key}': ${problem}`,
  );
}

/**
 * Reads the `domainAtlas` block into analysis options, with the same keys
 * and checks as the backend (`schedule` and `history` are the backend's
 * own and are ignored here). Throws {@link CliInputError} naming the key of
 * an invalid value.
 *
 * @public
 */
export function analysisOptionsFromConfig(
  rootConfig: Config,
): ConfiguredAnalysisOptions {
  try {
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

    const knownRuleIds = BUILT_IN_RULES.map(rule => rule.id);
    const rulesConfig = config?.getOptionalConfig('rules');
    if (rulesConfig) {
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
  } catch (error) {
    if (error instanceof CliInputError) {
      throw error;
    }
    // ConfigReader's own messages name the key and the file, e.g.
    // "Invalid type in config for key 'domainAtlas.rules.x.enabled' in
    // 'app-config.yaml', got string, wanted boolean".
    throw new CliInputError(String((error as Error).message ?? error));
  }
}

/**
 * Reads app-config files (later files win, as with Backstage's `--config`)
 * and returns the analysis options of their `domainAtlas` blocks. `${…}`
 * substitutions and `$include`s are not evaluated: the keys the analysis
 * reads are plain values. Throws {@link CliInputError} for a missing file,
 * invalid YAML (naming file and line) or an invalid value (naming the key).
 *
 * @public
 */
export async function readConfigFiles(
  files: string[],
  cwd: string,
): Promise<ConfiguredAnalysisOptions> {
  const configs: AppConfig[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(resolve(cwd, file), 'utf8');
    } catch (error) {
      throw new CliInputError(
        (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? `${file}: no such file`
          : `${file}: cannot read: ${error}`,
      );
    }
    const lineCounter = new LineCounter();
    const document = parseDocument(text, { lineCounter });
    const [yamlError] = document.errors;
    if (yamlError) {
      throw new CliInputError(describeYamlError(file, yamlError));
    }
    const data: unknown = document.toJS() ?? {};
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      throw new CliInputError(`${file}: app-config must be a YAML mapping`);
    }
    configs.push({ data: data as AppConfig['data'], context: file });
  }
  return analysisOptionsFromConfig(ConfigReader.fromConfigs(configs));
}
