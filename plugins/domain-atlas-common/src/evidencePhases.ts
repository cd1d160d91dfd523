import type { Finding, MigrationPhase } from './report';
import type { RuleContext } from './rules/types';
import { evaluateCriteria, evidencePhase } from './phases';
import { findingsByDomain } from './findings';

/**
 * The evidence phase of each domain, for the rules that read it
 * (`needsEvidencePhase`, e.g. config rules with a `phase.evidence`
 * filter). The phase is computed from findings, so these rules run after
 * all others, and the phase comes from the findings of those others: the
 * phase criteria name built-in rules only, so it is the phase the report
 * shows. Each domain's phase is computed once, when first asked.
 */
export class EvidencePhases {
  private byDomain: Map<string, Finding[]> | undefined;
  private readonly phases = new Map<string, MigrationPhase | null>();

  /** The findings of every rule that does not read the evidence phase. */
  learn(findings: Iterable<Finding>): void {
    this.byDomain = findingsByDomain(findings);
    this.phases.clear();
  }

  /** The evidence phase of a domain, or null for a ref that is no Domain. */
  phaseOf(context: RuleContext, domain: string): MigrationPhase | null {
    if (this.byDomain === undefined) {
      throw new Error(
        'evidencePhaseOf is known only to rules that set needsEvidencePhase',
      );
    }
    let phase = this.phases.get(domain);
    if (phase === undefined) {
      const entity = context.catalog.get(domain);
      phase =
        entity?.kind === 'domain'
          ? evidencePhase(
              evaluateCriteria(
                context,
                entity,
                this.byDomain.get(domain) ?? [],
              ),
            )
          : null;
      this.phases.set(domain, phase);
    }
    return phase;
  }
}
