import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { glob } from 'glob';
import {
  dirname,
  extname,
  isAbsolute,
  join,
  relative,
  resolve,
} from 'node:path';
import { LineCounter, parseAllDocuments } from 'yaml';
import { CliInputError } from './errors';
import { describeYamlError } from './yamlErrors';

/**
 * An entity as read from a catalog file, with where it was found.
 *
 * @public
 */
export interface CatalogFileEntity {
  /** The entity as the YAML document holds it. */
  entity: Record<string, unknown>;
  /** The file, relative to the working directory where possible. */
  file: string;
  /** 1-based line where the document's content starts. */
  line: number;
}

/**
 * What {@link readCatalogFiles} found.
 *
 * @public
 */
export interface CatalogFiles {
  /** Every entity in reading order, Location entities included. */
  entities: CatalogFileEntity[];
  /** Every file read, once each, in reading order (display paths). */
  files: string[];
  /** Problems that did not stop the reading, such as skipped remote targets. */
  warnings: string[];
}

/**
 * Options of {@link readCatalogFiles}.
 *
 * @public
 */
export interface ReadCatalogFilesOptions {
  /** Directory that relative input paths are resolved against. */
  cwd: string;
}

const YAML_EXTENSIONS = new Set(['.yaml', '.yml']);
/** A target with a scheme (`https://…`, `url:…`) is not a local file. */
const REMOTE_TARGET = /^(?:url:|[a-z][a-z0-9+.-]*:\/\/)/i;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

async function statOrNull(path: string) {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}

/** `*.yaml` and `*.yml` files under a directory, sorted, skipping dot folders and node_modules. */
async function yamlFilesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  // Code-point order, the same on every machine and locale.
  entries.sort((a, b) => Number(a.name > b.name) - Number(a.name < b.name));
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && entry.name !== 'node_modules') {
        files.push(...(await yamlFilesUnder(path)));
      }
    } else if (entry.isFile() && YAML_EXTENSIONS.has(extname(entry.name))) {
      files.push(path);
    }
  }
  return files;
}

/** Glob characters, as the catalog's file reader expands them. */
const GLOB_MAGIC = /[*?[\]{}]/;

/**
 * The local targets of a Location entity (`spec.target`, `spec.targets`),
 * resolved against the file the Location is in; glob patterns
 * (`./domains/*.yaml`) expand to the files they match, as in the catalog.
 * Remote targets are left out with a warning.
 */
async function locationTargets(
  found: CatalogFileEntity,
  absoluteFile: string,
  warnings: string[],
): Promise<string[]> {
  const spec = isRecord(found.entity.spec) ? found.entity.spec : {};
  const written = [
    ...(spec.target === undefined ? [] : [spec.target]),
    ...(Array.isArray(spec.targets) ? spec.targets : []),
  ];
  const name = (found.entity.metadata as Record<string, unknown>).name;
  const where = `${found.file}:${found.line}`;
  const targets: string[] = [];
  for (const target of written) {
    if (!nonEmptyString(target)) {
      throw new CliInputError(
        `${where}: Location ${name} has a target that is not a string`,
      );
    }
    if (REMOTE_TARGET.test(target)) {
      warnings.push(
        `${where}: skipped remote target ${target} of Location ${name} (only local files are read)`,
      );
      continue;
    }
    if (GLOB_MAGIC.test(target)) {
      const matches = await glob(target, {
        cwd: dirname(absoluteFile),
        absolute: true,
        nodir: true,
      });
      if (matches.length === 0) {
        warnings.push(
          `${where}: target ${target} of Location ${name} matches no files`,
        );
      }
      targets.push(...matches.sort());
      continue;
    }
    targets.push(resolve(dirname(absoluteFile), target));
  }
  return targets;
}

/**
 * Reads catalog YAML the way the catalog would: every document of every
 * file, directories recursively (`*.yaml`, `*.yml`), and the local files
 * that `kind: Location` entities point at, relative to the Location's own
 * file. Each file is read once, so Locations that point at each other or at
 * files also given on the command line are harmless. Remote targets are
 * never fetched; each becomes a warning.
 *
 * Throws {@link CliInputError}, naming file and line, for a path that does
 * not exist, invalid YAML, or a document that is not an entity (not an
 * object, or without `kind` or `metadata.name`).
 *
 * @public
 */
export async function readCatalogFiles(
  paths: string[],
  options: ReadCatalogFilesOptions,
): Promise<CatalogFiles> {
  const display = (path: string) => {
    const rel = relative(options.cwd, path);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
  };
  const result: CatalogFiles = { entities: [], files: [], warnings: [] };
  const seen = new Set<string>();

  async function readOne(file: string): Promise<void> {
    const real = await realpath(file);
    if (seen.has(real)) {
      return;
    }
    seen.add(real);
    const shown = display(file);
    result.files.push(shown);

    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new CliInputError(`${shown}: cannot read: ${error}`);
    }
    const lineCounter = new LineCounter();
    const documents = parseAllDocuments(text, { lineCounter });
    const nested: string[] = [];
    for (const document of documents) {
      const [yamlError] = document.errors;
      if (yamlError) {
        throw new CliInputError(describeYamlError(shown, yamlError));
      }
      const value: unknown = document.toJS();
      if (value === null || value === undefined) {
        continue; // an empty document, e.g. after a trailing `---`
      }
      const line = lineCounter.linePos(
        document.contents?.range?.[0] ?? document.range[0],
      ).line;
      const where = `${shown}:${line}`;
      if (!isRecord(value)) {
        throw new CliInputError(
          `${where}: the document is not an entity (an object with kind and metadata.name)`,
        );
      }
      if (!nonEmptyString(value.kind)) {
        throw new CliInputError(`${where}: the entity has no kind`);
      }
      if (!isRecord(value.metadata) || !nonEmptyString(value.metadata.name)) {
        throw new CliInputError(
          `${where}: the ${value.kind} entity has no metadata.name`,
        );
      }
      const found: CatalogFileEntity = { entity: value, file: shown, line };
      result.entities.push(found);
      if (value.kind.toLowerCase() === 'location') {
        for (const target of await locationTargets(
          found,
          file,
          result.warnings,
        )) {
          const targetStat = await statOrNull(target);
          if (!targetStat?.isFile()) {
            throw new CliInputError(
              `${where}: Location ${value.metadata.name} points at ${display(
                target,
              )}, which ${targetStat ? 'is not a file' : 'does not exist'}`,
            );
          }
          nested.push(target);
        }
      }
    }
    for (const target of nested) {
      await readOne(target);
    }
  }

  for (const path of paths) {
    const absolute = resolve(options.cwd, path);
    const pathStat = await statOrNull(absolute);
    if (!pathStat) {
      throw new CliInputError(`${path}: no such file or directory`);
    }
    const files = pathStat.isDirectory()
      ? await yamlFilesUnder(absolute)
      : [absolute];
    if (files.length === 0) {
      result.warnings.push(`${path}: no *.yaml or *.yml files in this folder`);
    }
    for (const file of files) {
      await readOne(file);
    }
  }
  return result;
}
