import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { glob } from 'glob';
import { CatalogSourceProblem } from '@domain-atlas/plugin-domain-atlas-common';

/**
 * The files a Location entity points at, and what could not be followed.
 *
 * @public
 */
export interface LocationTargets {
  /** Absolute paths of the local files to read, in the order written. */
  files: string[];
  /** Targets that do not exist or are not paths (`missing-target`). */
  problems: CatalogSourceProblem[];
  /** Remote targets (never fetched) and globs that match nothing. */
  warnings: string[];
}

/** A target with a scheme (`https://…`, `url:…`) is not a local file. */
const REMOTE_TARGET = /^(?:url:|[a-z][a-z0-9+.-]*:\/\/)/i;

/** Glob characters, as the catalog's file reader expands them. */
const GLOB_MAGIC = /[*?[\]{}]/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * Stats a path, or null when it cannot be.
 *
 * @public
 */
export async function statOrNull(path: string) {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}

/** The full ref of a Location entity, lowercase, as the analysis writes refs. */
function locationRef(metadata: Record<string, unknown>): string {
  const namespace = nonEmptyString(metadata.namespace)
    ? metadata.namespace
    : 'default';
  return `location:${namespace}/${metadata.name}`.toLocaleLowerCase('en-US');
}

/**
 * The local targets of a Location entity (`spec.target`, `spec.targets`),
 * resolved against the file the Location is in (`absoluteFile`, shown as
 * `where`). Glob patterns (`./domains/*.yaml`) expand to the files they
 * match, as in the catalog. Remote targets are left out with a warning; a
 * target that does not exist is a `missing-target` problem naming the
 * Location and the target, and the other targets are still followed.
 *
 * @public
 */
export async function locationTargets(
  entity: Record<string, unknown>,
  absoluteFile: string,
  where: string,
  display: (path: string) => string,
): Promise<LocationTargets> {
  const spec = isRecord(entity.spec) ? entity.spec : {};
  const metadata = isRecord(entity.metadata) ? entity.metadata : {};
  const written = [
    ...(spec.target === undefined ? [] : [spec.target]),
    ...(Array.isArray(spec.targets) ? spec.targets : []),
  ];
  const name = String(metadata.name);
  const ref = locationRef(metadata);
  const result: LocationTargets = { files: [], problems: [], warnings: [] };
  for (const target of written) {
    if (!nonEmptyString(target)) {
      result.problems.push({
        reason: 'missing-target',
        location: where,
        message: `${where}: Location ${name} has a target that is not a path: ${JSON.stringify(
          target,
        )}`,
        locationRef: ref,
      });
      continue;
    }
    if (REMOTE_TARGET.test(target)) {
      result.warnings.push(
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
        result.warnings.push(
          `${where}: target ${target} of Location ${name} matches no files`,
        );
      }
      for (const match of matches.sort()) {
        result.files.push(match);
      }
      continue;
    }
    const path = resolve(dirname(absoluteFile), target);
    const targetStat = await statOrNull(path);
    if (!targetStat?.isFile()) {
      result.problems.push({
        reason: 'missing-target',
        location: display(path),
        message: `${where}: Location ${name} points at ${display(
          path,
        )}, which ${targetStat ? 'is not a file' : 'does not exist'}`,
        locationRef: ref,
      });
      continue;
    }
    result.files.push(path);
  }
  return result;
}
