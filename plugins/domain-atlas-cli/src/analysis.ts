import {
  analyze,
  DomainAtlasReport,
} from '@domain-atlas/plugin-domain-atlas-common';
import { readCatalogFiles } from './catalogFiles';
import { readConfigFiles } from './config';
import { CliInputError } from './errors';

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
  /** Today as an ISO date; defaults to the current date (UTC). */
  now?: string;
  /** Directory that relative paths are resolved against. */
  cwd: string;
}

/**
 * The report and the warnings met on the way (skipped remote targets).
 *
 * @public
 */
export interface AnalysisResult {
  report: DomainAtlasReport;
  warnings: string[];
  files: string[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Reads the catalog files and the configuration and runs `analyze` over
 * them. Throws {@link CliInputError} for input it cannot use.
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
  const options = await readConfigFiles(input.configs, input.cwd);
  const catalog = await readCatalogFiles(input.paths, { cwd: input.cwd });
  let report: DomainAtlasReport;
  try {
    report = analyze(
      catalog.entities.map(found => found.entity),
      { ...options, now },
    );
  } catch (error) {
    // analyze throws only for invalid options.
    throw new CliInputError(
      `invalid analysis options: ${(error as Error).message}`,
    );
  }
  return { report, warnings: catalog.warnings, files: catalog.files };
}
