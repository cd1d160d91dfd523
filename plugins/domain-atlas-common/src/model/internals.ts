import type { RuleContext } from '../rules/types';
import type { IndexedCatalog } from './catalog';
import type { IndexedDomainModel } from '../domains';
import type { IndexedRepositoryIndex } from '../repositories';
import type { EvidencePhases } from '../evidencePhases';

/**
 * The models of one analysis as its own code sees them: with the catalog's
 * records, which point to each other, so that the built-in rules and the
 * summaries follow pointers instead of looking refs up.
 */
export interface AnalysisInternals {
  readonly catalog: IndexedCatalog;
  readonly domains: IndexedDomainModel;
  readonly repositories: IndexedRepositoryIndex;
  /** What `evidencePhaseOf` answers, once evaluateRules has told it. */
  readonly evidence: EvidencePhases;
}

const registry = new WeakMap<RuleContext, AnalysisInternals>();

/** Records the internals of a context that `analyze` built. */
export function registerInternals(
  context: RuleContext,
  internals: AnalysisInternals,
) {
  registry.set(context, internals);
}

/**
 * The internals of a context that `analyze` built; undefined for any other
 * context (a copy, one made by hand), which the built-in rules then read
 * through the public interfaces only.
 */
export function internalsOf(
  context: RuleContext,
): AnalysisInternals | undefined {
  return registry.get(context);
}
