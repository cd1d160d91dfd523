import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { CatalogSourceProblem } from '@domain-atlas/plugin-domain-atlas-common';
import { parseDocument } from 'yaml';
import type { CatalogFileEntity } from './catalogFiles';

/**
 * The catalog's placeholders that read a file: `$text` gives its text,
 * `$json` and `$yaml` its parsed content.
 *
 * @public
 */
export const PLACEHOLDER_KEYS = ['$text', '$json', '$yaml'] as const;

/**
 * One of {@link PLACEHOLDER_KEYS}.
 *
 * @public
 */
export type PlaceholderKey = (typeof PLACEHOLDER_KEYS)[number];

/**
 * A placeholder as a catalog file writes it: `{ $text: ./openapi.yaml }`.
 *
 * @public
 */
export interface DefinitionPlaceholder {
  key: PlaceholderKey;
  /** What the placeholder names, as written. */
  target: unknown;
}

/**
 * What reading a placeholder's target gave: the file's text, or why there
 * is none (`remote` for a URL, which is never fetched; `missing` for a
 * file that does not exist).
 *
 * @public
 */
export type PlaceholderTarget =
  | { text: string; file: string }
  | { problem: string; remote: boolean; missing: boolean; file?: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The placeholder a value is, when it is an object with one key that is
 * `$text`, `$json` or `$yaml`.
 *
 * @public
 */
export function definitionPlaceholder(
  value: unknown,
): DefinitionPlaceholder | undefined {
  if (!isRecord(value)) {
    return undefined;
  }
  const keys = Object.keys(value);
  const key = keys[0] as PlaceholderKey;
  if (keys.length !== 1 || !PLACEHOLDER_KEYS.includes(key)) {
    return undefined;
  }
  return { key, target: value[key] };
}

/**
 * Reads the file a placeholder names, relative to the catalog file that
 * holds it (`entityFile`). A target with a scheme (`https://…`, `url:…`)
 * is not read: nothing is ever fetched.
 *
 * @public
 */
export async function readPlaceholderTarget(
  placeholder: DefinitionPlaceholder,
  entityFile: string,
): Promise<PlaceholderTarget> {
  const { key, target } = placeholder;
  if (typeof target !== 'string' || /^[a-z][a-z0-9+.-]*:/i.test(target)) {
    return {
      problem: `the definition's ${key} target ${String(
        target,
      )} is not a local file (nothing is fetched)`,
      remote: typeof target === 'string',
      missing: false,
    };
  }
  const file = resolve(dirname(entityFile), target);
  try {
    return { text: await readFile(file, 'utf8'), file };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      problem: `cannot read the definition's ${key} target ${target}: ${
        code ?? error
      }`,
      remote: false,
      missing: code === 'ENOENT',
      file,
    };
  }
}

/**
 * A placeholder's content as the catalog puts it into the entity: the text
 * for `$text`, the parsed document for `$json` and `$yaml`. Content that
 * does not parse stays text, so that the analysis reports the definition
 * as malformed.
 */
function placeholderValue(key: PlaceholderKey, text: string): unknown {
  if (key === '$json') {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  if (key === '$yaml') {
    const document = parseDocument(text);
    return document.errors.length > 0
      ? text
      : document.toJS({ maxAliasCount: 100 });
  }
  return text;
}

/**
 * What resolving the definitions of a catalog gave: the entities with
 * their local placeholders replaced, targets that could not be read, and
 * remote targets left as they are.
 *
 * @public
 */
export interface ResolvedDefinitions {
  entities: CatalogFileEntity[];
  problems: CatalogSourceProblem[];
  warnings: string[];
}

function apiRef(entity: Record<string, unknown>): string {
  const metadata = entity.metadata as Record<string, unknown>;
  const namespace =
    typeof metadata.namespace === 'string' && metadata.namespace !== ''
      ? metadata.namespace
      : 'default';
  return `api:${namespace}/${String(metadata.name)}`.toLocaleLowerCase('en-US');
}

/**
 * Resolves the local `$text`/`$json`/`$yaml` placeholders in the
 * `spec.definition` of API entities, relative to each entity's file, as
 * the catalog does before the analysis sees them (and as `contract-diff`
 * reads them). Remote targets are never fetched: the placeholder stays and
 * a warning says so. A target that cannot be read stays as it is too, and
 * is a problem (`missing-target`, or `unreadable`) naming the API and the
 * file. Each target file is read once.
 *
 * @public
 */
export async function resolveDefinitionPlaceholders(
  entities: ReadonlyArray<CatalogFileEntity>,
  cwd: string,
  display: (path: string) => string,
): Promise<ResolvedDefinitions> {
  const result: ResolvedDefinitions = {
    entities: [],
    problems: [],
    warnings: [],
  };
  const reads = new Map<string, Promise<PlaceholderTarget>>();
  for (const found of entities) {
    const { entity } = found;
    const spec = isRecord(entity.spec) ? entity.spec : undefined;
    const placeholder =
      typeof entity.kind === 'string' &&
      entity.kind.toLocaleLowerCase('en-US') === 'api' &&
      isRecord(entity.metadata)
        ? definitionPlaceholder(spec?.definition)
        : undefined;
    if (!spec || !placeholder) {
      result.entities.push(found);
      continue;
    }
    const where = `${found.file}:${found.line}`;
    const entityFile = resolve(cwd, found.file);
    const readKey = `${placeholder.key}\0${entityFile}\0${String(
      placeholder.target,
    )}`;
    let read = reads.get(readKey);
    if (!read) {
      read = readPlaceholderTarget(placeholder, entityFile);
      reads.set(readKey, read);
    }
    const target = await read;
    if ('text' in target) {
      result.entities.push({
        ...found,
        entity: {
          ...entity,
          spec: {
            ...spec,
            definition: placeholderValue(placeholder.key, target.text),
          },
        },
      });
      continue;
    }
    result.entities.push(found);
    const ref = apiRef(entity);
    if (target.file === undefined) {
      result.warnings.push(
        `${where}: skipped ${target.remote ? 'remote ' : ''}${
          placeholder.key
        } target ${String(placeholder.target)} of the definition of ${ref} (${
          target.remote ? 'nothing is fetched' : 'not a path'
        })`,
      );
      continue;
    }
    result.problems.push({
      reason: target.missing ? 'missing-target' : 'unreadable',
      location: display(target.file),
      message: `${where}: the definition of ${ref} points at ${display(
        target.file,
      )} (${placeholder.key}), which ${
        target.missing ? 'does not exist' : 'cannot be read'
      }; the definition is left as it is`,
      locationRef: ref,
    });
  }
  return result;
}
