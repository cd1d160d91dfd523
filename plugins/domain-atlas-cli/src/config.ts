import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppConfig, Config, ConfigReader } from '@backstage/config';
import {
  ConfiguredAnalysisOptions,
  readAnalysisOptionsFromConfig,
} from '@domain-atlas/plugin-domain-atlas-common';
import { LineCounter, parseDocument } from 'yaml';
import { CliInputError } from './errors';
import { describeYamlError } from './yamlErrors';

/**
 * Reads the `domainAtlas` block into analysis options, checking each key
 * it reads as the backend does (`schedule` and `history` are the backend's
 * own and are ignored here). Throws {@link CliInputError} naming the key of
 * an invalid value. Unknown keys are left to the backend, which knows all
 * of them and fails its start-up on any other.
 *
 * @public
 */
export function analysisOptionsFromConfig(
  rootConfig: Config,
  extraRuleIds: ReadonlyArray<string> = [],
): ConfiguredAnalysisOptions {
  try {
    return readAnalysisOptionsFromConfig(rootConfig, extraRuleIds);
  } catch (error) {
    // Both the shared reader's messages and ConfigReader's own name the
    // key, e.g. "Invalid type in config for key
    // 'domainAtlas.rules.x.enabled' in 'app-config.yaml', got string,
    // wanted boolean".
    throw new CliInputError(String((error as Error).message ?? error));
  }
}

/**
 * Reads app-config files (later files win, as with Backstage's `--config`)
 * and returns the analysis options of their `domainAtlas` blocks. `${…}`
 * substitutions and `$include`s are not evaluated: the keys the analysis
 * reads are plain values. Throws {@link CliInputError} for a missing file,
 * invalid YAML (naming file and line) or an invalid value (naming the key).
 * `extraRuleIds` are the ids of rules loaded with `--rules`, which
 * `domainAtlas.rules` may configure like the built-in ones.
 *
 * @public
 */
export async function readConfigFiles(
  files: string[],
  cwd: string,
  extraRuleIds: ReadonlyArray<string> = [],
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
  return analysisOptionsFromConfig(
    ConfigReader.fromConfigs(configs),
    extraRuleIds,
  );
}
