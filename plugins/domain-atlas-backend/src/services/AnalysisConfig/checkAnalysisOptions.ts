import {
  AnalysisOptions,
  analyze,
} from '@domain-atlas/plugin-domain-atlas-common';

/**
 * Checks the analysis options once at start-up by analysing an empty
 * catalog with them: `analyze` throws for what it cannot use (a module
 * rule without an id or `evaluate`, two rules with one id, a rule setting
 * for an unknown rule). Without this, every scheduled refresh would fail
 * the same way while the backend looked healthy.
 */
export function checkAnalysisOptions(options: AnalysisOptions): void {
  try {
    analyze([], options);
  } catch (error) {
    throw new Error(`Domain Atlas cannot start: ${(error as Error).message}`);
  }
}
