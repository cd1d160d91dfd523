import type { RuleViolation } from '../rules/types';

/**
 * Problems in the catalog data itself (invalid entities, references,
 * annotations and definitions), collected while the model is built and
 * reported later by the matching rule (`invalid-entity`,
 * `invalid-reference`, `invalid-annotation`, `malformed-definition`).
 *
 * @public
 */
export class CatalogProblems {
  private readonly byRule = new Map<string, RuleViolation[]>();

  /** Records a problem for the rule with the given id. */
  add(rule: string, violation: RuleViolation): void {
    let list = this.byRule.get(rule);
    if (!list) {
      list = [];
      this.byRule.set(rule, list);
    }
    list.push(violation);
  }

  /** The problems recorded for a rule. */
  of(rule: string): ReadonlyArray<RuleViolation> {
    return this.byRule.get(rule) ?? [];
  }
}
