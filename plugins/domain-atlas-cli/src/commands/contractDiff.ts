import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  ChangeClass,
  ContractDiff,
} from '@domain-atlas/plugin-domain-atlas-common';
import {
  comparableType,
  compareDefinitions,
} from '@domain-atlas/plugin-domain-atlas-node';
import {
  definitionPlaceholder,
  readPlaceholderTarget,
} from '../definitionPlaceholders';
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
  /** The API entity to read from catalog files holding several. */
  api?: string;
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
 * The API entity of a catalog file: the one named `api`, else the only
 * one. Undefined when the file holds no API entity.
 */
function pickApiEntity(
  documents: unknown[],
  path: string,
  api: string | undefined,
): Record<string, unknown> | undefined {
  const apis = documents.filter(
    (document): document is Record<string, unknown> =>
      isRecord(document) &&
      typeof document.kind === 'string' &&
      document.kind.toLocaleLowerCase('en-US') === 'api',
  );
  const nameOf = (entity: Record<string, unknown>) =>
    isRecord(entity.metadata) ? String(entity.metadata.name) : '';
  if (api !== undefined) {
    const named = apis.find(entity => nameOf(entity) === api);
    if (!named && apis.length > 0) {
      throw new CliInputError(
        `${path} has no API entity named ${api}; it has ${apis
          .map(nameOf)
          .join(', ')}`,
      );
    }
    return named;
  }
  if (apis.length > 1) {
    throw new CliInputError(
      `${path} has ${apis.length} API entities (${apis
        .map(nameOf)
        .join(', ')}); pass --api <name>`,
    );
  }
  return apis[0];
}

/**
 * Reads a definition file: a definition itself, or a catalog file with an
 * API entity (its `spec.definition`, `$text` placeholders resolved, and
 * `spec.type`), so two revisions of a catalog-info.yaml compare as they
 * are.
 */
async function readDefinitionFile(
  path: string,
  cwd: string,
  api: string | undefined,
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
  let documents: unknown[];
  try {
    documents = parseAllDocuments(text).map(document => {
      if (document.errors.length > 0) {
        throw document.errors[0];
      }
      return document.toJS({ maxAliasCount: 100 });
    });
  } catch {
    // Not YAML: the differ says why when it reads it.
    return { definition: text };
  }
  const entity = pickApiEntity(documents, path, api);
  if (entity) {
    const spec = isRecord(entity.spec) ? entity.spec : {};
    const type = typeof spec.type === 'string' ? spec.type : undefined;
    if (spec.definition === undefined || spec.definition === null) {
      throw new CliInputError(`${path}: the API entity has no spec.definition`);
    }
    if (typeof spec.definition === 'string') {
      return { definition: spec.definition, type };
    }
    // A placeholder is read as text whatever its key: the differs read
    // the definition's text.
    const placeholder = definitionPlaceholder(spec.definition);
    if (placeholder) {
      const target = await readPlaceholderTarget(placeholder, file);
      if ('problem' in target) {
        throw new CliInputError(`${path}: ${target.problem}`);
      }
      return { definition: target.text, type };
    }
    return { definition: JSON.stringify(spec.definition), type };
  }
  const [document] = documents;
  if (
    isRecord(document) &&
    (typeof document.openapi === 'string' ||
      typeof document.swagger === 'string')
  ) {
    return { definition: text, type: 'openapi' };
  }
  if (isRecord(document) && typeof document.asyncapi === 'string') {
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
  const before = await readDefinitionFile(oldPath, io.cwd, options.api);
  const after = await readDefinitionFile(newPath, io.cwd, options.api);
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
