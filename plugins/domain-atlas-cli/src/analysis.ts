import {
  analyze,
  CatalogSourceProblem,
  DomainAtlasReport,
} from '@domain-atlas/plugin-domain-atlas-common';
import { displayPath, readCatalogFiles } from './catalogFiles';
import { readConfigFiles } from './config';
import { resolveDefinitionPlaceholders } from './definitionPlaceholders';
import { CliInputError } from './errors';
import { loadRuleModules } from './ruleModules';
import { OutputStream } from './formats';

/**
 * What both commands need: the catalog files, app-config files and date.
 *
 * @public
 */
export interface AnalysisInput {
  /** Catalog files and directories. */
  paths: string[];
  /** app-config files; later ones win. */
  configs: string[];
  /** Modules (paths or package names) whose exported rules run too. */
  rules?: string[];
  /** Today as an ISO date; defaults to the current date (UTC). */
  now?: string;
  /** Directory that relative paths are resolved against. */
  cwd: string;
}

/**
 * The report and what was met on the way: warnings (skipped remote
 * targets) and the files, documents and targets that were not read as
 * entities (also in the report, as `catalog-file` findings).
 *
 * @public
 */
export interface AnalysisResult {
  report: DomainAtlasReport;
  warnings: string[];
  problems: CatalogSourceProblem[];
  files: string[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Reads the catalog files and the configuration, resolves local definition
 * placeholders, and runs `analyze` over them, telling it where each entity
 * was read and what was not read. Throws {@link CliInputError} for input it
 * cannot use at all: a path that does not exist, files of which none could
 * be read, invalid options.
 *
 * @public
 */
export async function runAnalysis(
  input: AnalysisInput,
): Promise<AnalysisResult> {
  const now = input.now ?? new Date().toISOString().slice(0, 10);
  if (!ISO_DATE.test(now) || Number.isNaN(Date.parse(now))) {
    throw new CliInputError(
      `--now: '${now}' is not an ISO date (YYYY-MM-DD or a full timestamp)`,
    );
  }
  const moduleRules = loadRuleModules(input.rules ?? [], input.cwd);
  const configured = await readConfigFiles(
    input.configs,
    input.cwd,
    moduleRules.map(rule => rule.id),
  );
  // Module rules run next to the config's own rules, as in the backend.
  const options = {
    ...configured,
    extraRules: [...(configured.extraRules ?? []), ...moduleRules],
  };
  const catalog = await readCatalogFiles(input.paths, { cwd: input.cwd });
  if (catalog.files.length > 0 && catalog.readableFiles === 0) {
    // Nothing to analyse: say why for each file, as the only output.
    throw new CliInputError(
      catalog.problems.map(problem => problem.message).join('\n'),
    );
  }
  const definitions = await resolveDefinitionPlaceholders(
    catalog.entities,
    input.cwd,
    path => displayPath(input.cwd, path),
  );
  const problems = catalog.problems.concat(definitions.problems);
  let report: DomainAtlasReport;
  try {
    report = analyze(
      definitions.entities.map(found => found.entity),
      { ...options, now },
      {
        entityLocations: definitions.entities.map(
          found => `${found.file}:${found.line}`,
        ),
        problems,
      },
    );
  } catch (error) {
    // analyze throws only for invalid options.
    throw new CliInputError(
      `invalid analysis options: ${(error as Error).message}`,
    );
  }
  return {
    report,
    warnings: catalog.warnings.concat(definitions.warnings),
    problems,
    files: catalog.files,
  };
}

/**
 * Whether a source problem means that part of the catalog could not be
 * read (a YAML syntax error, a missing target, a read error), as opposed
 * to a document that was skipped on purpose.
 *
 * @public
 */
export function isUnreadable(problem: CatalogSourceProblem): boolean {
  return problem.reason !== 'not-an-entity' && problem.reason !== 'template';
}

/**
 * Writes the diagnostics of an analysis to stderr, one line each:
 * `warning:` for remote targets and globs, `notice:` for skipped files,
 * `error:` for what could not be read.
 *
 * @public
 */
export function writeDiagnostics(
  result: AnalysisResult,
  stderr: OutputStream,
): void {
  const lines: string[] = [];
  for (const warning of result.warnings) {
    lines.push(`warning: ${warning}\n`);
  }
  for (const problem of result.problems) {
    lines.push(
      `${isUnreadable(problem) ? 'error' : 'notice'}: ${problem.message}\n`,
    );
  }
  if (lines.length > 0) {
    stderr.write(lines.join(''));
  }
}
