import type { MigrationPhase, Severity } from '../report';
import type { ResolvedAnalysisOptions } from '../options';
import type { CatalogIndex } from '../model/catalog';
import type { CatalogRelations } from '../model/relations';
import type { CatalogProblems } from '../model/problems';
import type { EntityRoles } from '../model/entityRoles';
import type { DomainModel } from '../domains';
import type { OwnershipModel } from '../ownership';
import type { RepositoryIndex } from '../repositories';
import type { ContractIndex } from '../contracts';

/**
 * One violation of a rule, as a rule reports it. `analyze` turns it into a
 * {@link Finding}: the domain defaults to the subject's domain, the
 * severity to the configured one, and waivers are looked up on the subject
 * and on its domain.
 *
 * @public
 */
export interface RuleViolation {
  /** The entity that breaks the rule (the consumer, the dependent). */
  subject?: string;
  /** Every entity involved; the subject is added if missing. */
  entities: string[];
  message: string;
  /** The domain the finding belongs to; defaults to the subject's domain. */
  domain?: string | null;
  /** Overrides the configured severity for this violation. */
  severity?: Severity;
  /** Distinguishes violations of one rule that name the same entities. */
  key?: string;
}

/**
 * Everything a rule can look at. All models are built once per analysis.
 *
 * @public
 */
export interface RuleContext {
  readonly options: ResolvedAnalysisOptions;
  readonly catalog: CatalogIndex;
  readonly relations: CatalogRelations;
  readonly roles: EntityRoles;
  readonly domains: DomainModel;
  readonly ownership: OwnershipModel;
  readonly repositories: RepositoryIndex;
  readonly contracts: ContractIndex;
  /** Problems found in the catalog data while the models were built. */
  readonly problems: CatalogProblems;
  /** The declared phase of a domain (`domain-atlas.io/migration-phase`), or null. */
  declaredPhaseOf(domain: string): MigrationPhase | null;
}

/**
 * A repo-per-domain health rule. Built-in rules and rules added by backend
 * modules share this shape.
 *
 * @public
 */
export interface DomainAtlasRule {
  /** Kebab-case id, used in config, exemptions and finding ids. */
  id: string;
  /** The principle the rule protects. */
  principle: string;
  /** When the rule is violated. */
  description: string;
  defaultSeverity: Severity;
  /** Returns the violations; must not throw (a throw becomes a finding of the rule itself). */
  evaluate(context: RuleContext): Iterable<RuleViolation>;
}
