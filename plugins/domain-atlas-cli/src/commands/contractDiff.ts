import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  ChangeClass,
  ContractDiff,
} from '@domain-atlas/plugin-domain-atlas-common';
import {
  comparableType,
  compareDefinitions,
} from '@domain-atlas/plugin-domain-atlas-node';
import { CliInputError } from '../errors';
import { colorEnabled, createStyle, Style } from '../formats';
import { CliIo } from '../io';

/**
 * The spec types `contract-diff --type` accepts.
 *
 * @public
 */
export const CONTRACT_TYPES = [
  'openapi',
  'asyncapi',
  'grpc',
  'graphql',
] as const;

/**
 * The formats `contract-diff --format` accepts.
 *
 * @public
 */
export const CONTRACT_DIFF_FORMATS = ['table', 'json'] as const;

/**
 * Options of `domain-atlas contract-diff`.
 *
 * @public
 */
export interface ContractDiffCommandOptions {
  type?: (typeof CONTRACT_TYPES)[number];
  format: (typeof CONTRACT_DIFF_FORMATS)[number];
}

/** A definition read from a file, with the type it tells. */
interface DefinitionFile {
  definition: string;
  type?: string;
}

const EXTENSION_TYPES: Record<string, string> = {
  '.proto': 'grpc',
  '.graphql': 'graphql',
  '.graphqls': 'graphql',
  '.gql': 'graphql',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a definition file: a definition itself, or a catalog API entity
 * (its `spec.definition` and `spec.type`), so two versions of a
 * catalog-info.yaml can be compared as they are.
 */
async function readDefinitionFile(
  path: string,
  cwd: string,
): Promise<DefinitionFile> {
  const file = resolve(cwd, path);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliInputError(
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`,
    );
  }
  const byExtension = EXTENSION_TYPES[extname(file).toLocaleLowerCase('en-US')];
  if (byExtension) {
    return { definition: text, type: byExtension };
  }
  let document: unknown;
  try {
    document = parseYaml(text, { maxAliasCount: 100 });
  } catch {
    // Not YAML: the differ says why when it reads it.
    return { definition: text };
  }
  if (!isRecord(document)) {
    return { definition: text };
  }
  const spec = document.spec;
  if (
    typeof document.kind === 'string' &&
    document.kind.toLocaleLowerCase('en-US') === 'api' &&
    isRecord(spec)
  ) {
    if (spec.definition === undefined) {
      throw new CliInputError(
        `${path} is an API entity without spec.definition`,
      );
    }
    return {
      definition:
        typeof spec.definition === 'string'
          ? spec.definition
          : JSON.stringify(spec.definition),
      type: typeof spec.type === 'string' ? spec.type : undefined,
    };
  }
  if (
    typeof document.openapi === 'string' ||
    typeof document.swagger === 'string'
  ) {
    return { definition: text, type: 'openapi' };
  }
  if (typeof document.asyncapi === 'string') {
    return { definition: text, type: 'asyncapi' };
  }
  return { definition: text };
}

const CLASS_LABELS: Record<ChangeClass, string> = {
  breaking: 'breaking',
  'non-breaking': 'non-breaking',
  unclassified: 'unclassified',
};

function classLabel(value: ChangeClass, style: Style): string {
  const label = CLASS_LABELS[value].padEnd(14);
  if (value === 'breaking') {
    return style.red(label);
  }
  return value === 'non-breaking' ? style.green(label) : style.yellow(label);
}

/** The diff as a person reads it in a terminal. */
export function formatContractDiffTable(
  diff: ContractDiff,
  style: Style,
): string {
  const lines: string[] = [];
  const versions = `${diff.fromVersion ?? 'no version'} → ${
    diff.toVersion ?? 'no version'
  }`;
  lines.push(
    `${style.bold(diff.type)} ${versions}${
      diff.majorChanged ? ' (new major version)' : ''
    }: ${classLabel(diff.classification, style).trim()} ${style.dim(
      `(${diff.tool})`,
    )}`,
  );
  lines.push('');
  const order: ChangeClass[] = ['breaking', 'unclassified', 'non-breaking'];
  for (const changeClass of order) {
    for (const change of diff.changes.filter(c => c.class === changeClass)) {
      lines.push(`  ${classLabel(change.class, style)}${change.message}`);
    }
  }
  if (diff.changes.length === 0) {
    lines.push('  No changes.');
  }
  lines.push('');
  const count = (c: ChangeClass) =>
    diff.changes.filter(change => change.class === c).length;
  lines.push(
    `${count('breaking')} breaking, ${count(
      'non-breaking',
    )} non-breaking, ${count('unclassified')} unclassified`,
  );
  if (diff.needsMajor) {
    lines.push(
      style.red(
        `A breaking change needs a new major version; the version went ${versions}.`,
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `domain-atlas contract-diff`: compares two definitions with the spec
 * type's diff library. Returns 1 when a change is breaking and the major
 * version did not change, else 0; unreadable input throws a
 * `CliInputError` (exit 2).
 *
 * @public
 */
export async function runContractDiffCommand(
  oldPath: string,
  newPath: string,
  options: ContractDiffCommandOptions,
  io: CliIo,
): Promise<number> {
  const before = await readDefinitionFile(oldPath, io.cwd);
  const after = await readDefinitionFile(newPath, io.cwd);
  const type = options.type ?? after.type ?? before.type;
  if (type === undefined || comparableType(type) === undefined) {
    throw new CliInputError(
      `cannot tell the spec type of ${newPath}${
        type ? ` ('${type}')` : ''
      }; pass --type ${CONTRACT_TYPES.join('|')}`,
    );
  }
  const diff = await compareDefinitions({
    type,
    before: before.definition,
    after: after.definition,
  });
  if (diff.problem) {
    throw new CliInputError(
      `cannot compare ${oldPath} with ${newPath}: ${diff.problem}`,
    );
  }
  io.stdout.write(
    options.format === 'json'
      ? `${JSON.stringify(diff, null, 2)}\n`
      : formatContractDiffTable(
          diff,
          createStyle(colorEnabled(io.stdout, io.env)),
        ),
  );
  return diff.needsMajor ? 1 : 0;
}
