import type { Severity } from './report';
import type { RuleViolation } from './rules/types';
import { CatalogProblems } from './model/problems';

/**
 * Why part of a catalog source was not read as entities.
 *
 * - `not-an-entity`: a YAML document with no `apiVersion`/`kind` (an
 *   OpenAPI file, a team's notes), skipped;
 * - `template`: a template file (`.hbs`, `${{ }}` placeholders), skipped;
 * - `syntax-error`: the file is not valid YAML;
 * - `missing-target`: a Location names a target that does not exist;
 * - `unreadable`: the file exists but cannot be read.
 *
 * @public
 */
export type CatalogSourceProblemReason =
  | 'not-an-entity'
  | 'template'
  | 'syntax-error'
  | 'missing-target'
  | 'unreadable';

/**
 * One file, document or Location target that was not read as entities.
 *
 * @public
 */
export interface CatalogSourceProblem {
  reason: CatalogSourceProblemReason;
  /** Where: `file`, `file:line` or `file:line:col`. */
  location: string;
  /** What happened, for people: names the file (and the target). */
  message: string;
  /** The Location entity that named the target, as a full ref. */
  locationRef?: string;
}

/**
 * Where the entities given to `analyze` came from, when the caller knows
 * (the CLI reads files; the backend reads the catalog, which knows
 * already).
 *
 * @public
 */
export interface CatalogSources {
  /**
   * Where each entity was read (`file:line`), by its index in the
   * entities: invalid entities are reported there.
   */
  entityLocations?: ReadonlyArray<string | undefined>;
  /** Files, documents and Location targets that were not read. */
  problems?: ReadonlyArray<CatalogSourceProblem>;
}

/**
 * Skipped documents are what real catalog folders hold (API definitions,
 * notes, templates): worth a line, not a warning. What the catalog itself
 * would fail to read is an error.
 */
const SEVERITY: Record<CatalogSourceProblemReason, Severity> = {
  'not-an-entity': 'info',
  template: 'info',
  'syntax-error': 'error',
  'missing-target': 'error',
  unreadable: 'error',
};

/** Records the source problems for the `catalog-file` rule. */
export function addSourceProblems(
  sources: CatalogSources | undefined,
  problems: CatalogProblems,
): void {
  for (const problem of sources?.problems ?? []) {
    const violation: RuleViolation = {
      entities: problem.locationRef ? [problem.locationRef] : [],
      domain: null,
      severity: SEVERITY[problem.reason],
      key: `${problem.reason}:${problem.location}`,
      message: problem.message,
    };
    problems.add('catalog-file', violation);
  }
}
