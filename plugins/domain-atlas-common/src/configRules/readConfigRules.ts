import type { Config } from '@backstage/config';
import type { MigrationPhase, Severity } from '../report';
import type { DomainAtlasRule } from '../rules/types';
import { configError } from '../configError';
import { valueText } from '../model/valueText';
import {
  ConfigRuleFilter,
  ConfigRuleRequirement,
  createConfigRule,
} from './configRule';

const SEVERITIES: ReadonlyArray<Severity> = ['error', 'warning', 'info'];

/** The keys of one rule, of its filter, and its requirements. */
const RULE_KEYS = [
  'id',
  'principle',
  'description',
  'severity',
  'filter',
  'require',
];
const FILTER_KEYS = [
  'kind',
  'type',
  'lifecycle',
  'namespace',
  'phase',
  'hasAnnotation',
  'hasLabel',
];
const REQUIREMENTS = [
  'annotation',
  'label',
  'spec',
  'link',
  'description',
  'tag',
];

/**
 * A rule id that is also a key of `domainAtlas.rules`: kebab-case, each
 * part after the first may start with a digit (Backstage's config keys).
 */
const RULE_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Fails on a key that the block at `path` does not accept, naming it. */
function onlyKeys(
  config: Config,
  accepted: ReadonlyArray<string>,
  path: string,
) {
  for (const key of config.keys()) {
    if (!accepted.includes(key)) {
      throw configError(
        `${path}.${key}`,
        `unknown key; ${path} accepts ${accepted.join(', ')}`,
      );
    }
  }
}

function requiredText(config: Config, key: string, path: string): string {
  const value = config.getOptionalString(key);
  if (value === undefined || value.trim() === '') {
    throw configError(`${path}.${key}`, 'required, and must not be empty');
  }
  return value;
}

/** A string or a list of strings (any of which will do), as a list. */
function textList(
  config: Config,
  key: string,
  path: string,
): string[] | undefined {
  const value = config.getOptional(key);
  if (value === undefined) {
    return undefined;
  }
  const list = Array.isArray(value) ? value : [value];
  if (
    list.length === 0 ||
    list.some(item => typeof item !== 'string' || item.trim() === '')
  ) {
    throw configError(
      `${path}.${key}`,
      `expected a text or a non-empty list of texts, got ${valueText(value)}`,
    );
  }
  return list as string[];
}

function pattern(config: Config, path: string): RegExp | undefined {
  const source = config.getOptionalString('pattern');
  if (source === undefined) {
    return undefined;
  }
  try {
    return new RegExp(source, 'u');
  } catch (error) {
    throw configError(
      `${path}.pattern`,
      `not a valid regular expression: ${(error as Error).message}`,
    );
  }
}

function phase(
  config: Config,
  key: string,
  path: string,
): MigrationPhase | undefined {
  const value = config.getOptional(key);
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'number' || ![0, 1, 2, 3].includes(value)) {
    throw configError(
      `${path}.${key}`,
      `a phase is 0, 1, 2 or 3, got ${valueText(value)}`,
    );
  }
  return value as MigrationPhase;
}

function readFilter(
  config: Config | undefined,
  path: string,
): ConfigRuleFilter {
  if (!config) {
    return {};
  }
  onlyKeys(config, FILTER_KEYS, path);
  const filter: ConfigRuleFilter = {
    kinds: textList(config, 'kind', path),
    types: textList(config, 'type', path),
    lifecycles: textList(config, 'lifecycle', path),
    namespaces: textList(config, 'namespace', path),
    annotations: textList(config, 'hasAnnotation', path),
    labels: textList(config, 'hasLabel', path),
  };
  const phaseConfig = config.getOptionalConfig('phase');
  if (phaseConfig) {
    const phasePath = `${path}.phase`;
    onlyKeys(phaseConfig, ['evidence', 'declared'], phasePath);
    const evidence = phase(phaseConfig, 'evidence', phasePath);
    const declared = phase(phaseConfig, 'declared', phasePath);
    if (evidence === undefined && declared === undefined) {
      throw configError(phasePath, 'give evidence, declared or both');
    }
    filter.phase = {
      ...(evidence !== undefined ? { evidence } : {}),
      ...(declared !== undefined ? { declared } : {}),
    };
  }
  return Object.fromEntries(
    Object.entries(filter).filter(([, value]) => value !== undefined),
  );
}

function readRequirement(
  config: Config | undefined,
  path: string,
): ConfigRuleRequirement {
  const given = config?.keys() ?? [];
  const unknown = given.find(key => !REQUIREMENTS.includes(key));
  if (unknown !== undefined) {
    throw configError(
      `${path}.${unknown}`,
      `no such requirement; requirements are ${REQUIREMENTS.join(', ')}`,
    );
  }
  if (given.length !== 1) {
    throw configError(
      path,
      given.length === 0
        ? `give one requirement: ${REQUIREMENTS.join(', ')}`
        : `give exactly one requirement, not ${given.join(' and ')}`,
    );
  }
  const [kind] = given;
  const at = `${path}.${kind}`;
  switch (kind) {
    case 'annotation':
    case 'label': {
      const block = config!.getConfig(kind);
      onlyKeys(block, ['key', 'pattern'], at);
      const key = requiredText(block, 'key', at);
      const value = { key, pattern: pattern(block, at) };
      return kind === 'annotation' ? { annotation: value } : { label: value };
    }
    case 'spec': {
      const block = config!.getConfig(kind);
      onlyKeys(block, ['field', 'equals'], at);
      const field = requiredText(block, 'field', at);
      const equals = block.getOptional('equals');
      if (equals === undefined) {
        return { spec: { field } };
      }
      const list = Array.isArray(equals) ? equals : [equals];
      if (
        list.length === 0 ||
        list.some(
          item => !['string', 'number', 'boolean'].includes(typeof item),
        )
      ) {
        throw configError(
          `${at}.equals`,
          `expected a value or a non-empty list of values, got ${valueText(
            equals,
          )}`,
        );
      }
      return {
        spec: { field, equals: list as Array<string | number | boolean> },
      };
    }
    case 'link': {
      const block = config!.getConfig(kind);
      onlyKeys(block, ['type', 'title'], at);
      const type = block.getOptionalString('type');
      const title = block.getOptionalString('title');
      if (type === undefined && title === undefined) {
        throw configError(at, 'give the type, the title or both');
      }
      return {
        link: {
          ...(type !== undefined ? { type } : {}),
          ...(title !== undefined ? { title } : {}),
        },
      };
    }
    case 'description':
      if (config!.getBoolean(kind) !== true) {
        throw configError(at, 'write `description: true`');
      }
      return { description: true };
    default:
      return { tag: textList(config!, kind, path)! };
  }
}

/**
 * Reads the rules declared in `domainAtlas.customRules`. Throws an `Error`
 * naming the key of anything invalid: a missing or clashing id, an unknown
 * key or requirement, not exactly one requirement, a bad pattern, severity
 * or phase.
 *
 * @param domainAtlas - the `domainAtlas` block of app-config
 * @param builtInRuleIds - ids of the built-in rules
 * @param extraRuleIds - ids of rules added by backend modules
 */
export function readConfigRules(
  domainAtlas: Config | undefined,
  builtInRuleIds: ReadonlyArray<string>,
  extraRuleIds: ReadonlyArray<string>,
): DomainAtlasRule[] {
  const entries = domainAtlas?.getOptionalConfigArray('customRules') ?? [];
  const seen = new Map<string, string>();
  return entries.map((config, index) => {
    const path = `domainAtlas.customRules[${index}]`;
    onlyKeys(config, RULE_KEYS, path);
    const id = requiredText(config, 'id', path);
    if (!RULE_ID.test(id)) {
      throw configError(
        `${path}.id`,
        `'${id}' is not a kebab-case rule id such as api-has-lifecycle-label`,
      );
    }
    let clash: string | undefined = seen.get(id);
    if (builtInRuleIds.includes(id)) {
      clash = 'a built-in rule';
    } else if (extraRuleIds.includes(id)) {
      clash = 'a rule from a backend module';
    }
    if (clash !== undefined) {
      throw configError(`${path}.id`, `'${id}' is already the id of ${clash}`);
    }
    seen.set(id, path);
    const severity = config.getOptionalString('severity') ?? 'warning';
    if (!SEVERITIES.includes(severity as Severity)) {
      throw configError(
        `${path}.severity`,
        `'${severity}' is not one of ${SEVERITIES.join(', ')}`,
      );
    }
    return createConfigRule({
      id,
      principle: requiredText(config, 'principle', path),
      description: requiredText(config, 'description', path),
      severity: severity as Severity,
      filter: readFilter(config.getOptionalConfig('filter'), `${path}.filter`),
      require: readRequirement(
        config.getOptionalConfig('require'),
        `${path}.require`,
      ),
    });
  });
}
