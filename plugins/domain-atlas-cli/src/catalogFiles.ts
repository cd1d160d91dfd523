import { readdir, readFile, realpath } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { CatalogSourceProblem } from '@domain-atlas/plugin-domain-atlas-common';
import {
  isTemplateFileName,
  readCatalogDocuments,
  templateFileProblem,
} from './catalogDocuments';
import { CliInputError } from './errors';
import { locationTargets, statOrNull } from './locationTargets';

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
  /** Every file met, once each, in reading order (display paths). */
  files: string[];
  /** How many of the files could be read (skipped ones included). */
  readableFiles: number;
  /**
   * Files, documents and Location targets that were not read as entities:
   * skipped (not entities, templates) or unreadable (YAML syntax errors,
   * missing targets, read errors), in reading order.
   */
  problems: CatalogSourceProblem[];
  /** Remote targets skipped and globs that match nothing. */
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

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * A path as the CLI shows it: relative to `cwd` when it is inside it, else
 * absolute.
 *
 * @public
 */
export function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/**
 * `*.yaml` and `*.yml` files under a directory, sorted, skipping dot
 * folders and node_modules. Other files (`.hbs` templates, JSON, notes)
 * are not read from a folder; a Location target or a path on the command
 * line names them explicitly.
 */
async function yamlFilesUnder(dir: string, files: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  // Code-point order, the same on every machine and locale.
  entries.sort((a, b) => Number(a.name > b.name) - Number(a.name < b.name));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && entry.name !== 'node_modules') {
        await yamlFilesUnder(path, files);
      }
    } else if (entry.isFile() && YAML_EXTENSIONS.has(extname(entry.name))) {
      files.push(path);
    }
  }
}

/**
 * Reads catalog YAML the way the catalog does: every document of every
 * file, directories recursively (`*.yaml`, `*.yml`), and the local files
 * that `kind: Location` entities point at, relative to the Location's own
 * file. Each file is read once, so Locations that point at each other or at
 * files also given on the command line are harmless. Remote targets are
 * never fetched; each becomes a warning.
 *
 * What cannot be read as entities does not stop the reading, as one bad
 * location does not stop the catalog: documents that are not entities
 * (API definitions, notes) and templates are skipped, and YAML syntax
 * errors, missing Location targets and files that cannot be read are
 * recorded; all of them are in `problems`. Documents that look like
 * entities but lack a name are left for the analysis to report.
 *
 * Throws {@link CliInputError} only for a path given that does not exist.
 *
 * @public
 */
export async function readCatalogFiles(
  paths: string[],
  options: ReadCatalogFilesOptions,
): Promise<CatalogFiles> {
  const display = (path: string) => displayPath(options.cwd, path);
  const result: CatalogFiles = {
    entities: [],
    files: [],
    readableFiles: 0,
    problems: [],
    warnings: [],
  };
  const seen = new Set<string>();

  async function readOne(file: string): Promise<void> {
    const shown = display(file);
    // A dangling symlink has no real path; reading it fails below.
    const real = await realpath(file).catch(() => file);
    if (seen.has(real)) {
      return;
    }
    seen.add(real);
    result.files.push(shown);
    if (isTemplateFileName(file)) {
      result.readableFiles += 1;
      result.problems.push(templateFileProblem(shown));
      return;
    }
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      result.problems.push({
        reason: 'unreadable',
        location: shown,
        message: `${shown}: cannot read: ${
          (error as NodeJS.ErrnoException).code ?? error
        }`,
      });
      return;
    }
    const documents = readCatalogDocuments(text, shown);
    if (documents.readable) {
      result.readableFiles += 1;
    }
    for (const problem of documents.problems) {
      result.problems.push(problem);
    }
    const nested: string[] = [];
    for (const { entity, line } of documents.entities) {
      const found: CatalogFileEntity = { entity, file: shown, line };
      result.entities.push(found);
      if (
        typeof entity.kind === 'string' &&
        entity.kind.toLocaleLowerCase('en-US') === 'location' &&
        typeof entity.metadata === 'object' &&
        nonEmptyString((entity.metadata as Record<string, unknown>)?.name)
      ) {
        const targets = await locationTargets(
          entity,
          file,
          `${shown}:${line}`,
          display,
        );
        for (const target of targets.files) {
          nested.push(target);
        }
        for (const problem of targets.problems) {
          result.problems.push(problem);
        }
        for (const warning of targets.warnings) {
          result.warnings.push(warning);
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
    const files: string[] = [];
    if (pathStat.isDirectory()) {
      await yamlFilesUnder(absolute, files);
    } else {
      files.push(absolute);
    }
    if (files.length === 0) {
      result.warnings.push(`${path}: no *.yaml or *.yml files in this folder`);
    }
    for (const file of files) {
      await readOne(file);
    }
  }
  return result;
}
