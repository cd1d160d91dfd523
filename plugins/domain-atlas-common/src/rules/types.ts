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
 * severity to the configured one, and waivers are looked up on the
 * subject, on the other named entities of the finding's domain, and on the
 * domain itself.
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
  /**
   * Distinguishes violations of one rule that name the same entities (or
   * the same `identity`); it ends the finding's id. May name what is not
   * an entity, such as a repository id.
   */
  key?: string;
  /**
   * The entities that make this violation the one it is, across catalog
   * changes: the finding's id is built from these (sorted) and `key`
   * instead of from `entities`, so that a violation whose set of involved
   * entities grows or shrinks (another domain joins a shared repository,
   * another consumer appears) keeps its id, and a baseline keeps knowing
   * it. The finding still lists all `entities`, and waivers are looked up
   * as without an identity. Defaults to `entities` (with the subject). May be empty
   * when the domain and `key` say it all: the id then ends in the key
   * (`rule:domain:key`; with no key either, in `rule:domain:`).
   * Two violations of one rule and domain with the same identity and key
   * are one finding (the first one reported is kept), so the identity and
   * key must tell apart every violation the rule can report.
   */
  identity?: string[];
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
  /**
   * The evidence phase of a domain, or null for a ref that is no Domain.
   * Only for rules that set {@link DomainAtlasRule.needsEvidencePhase}: the
   * phase is computed from the findings of the other rules, so it throws
   * while those run.
   */
  evidencePhaseOf(domain: string): MigrationPhase | null;
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
  /**
   * Set when `evaluate` reads `context.evidencePhaseOf`: the rule then runs
   * after every rule without it. The phase criteria name built-in rules
   * only, so the phase it sees is the one the report shows.
   */
  needsEvidencePhase?: boolean;
  /** Returns the violations; must not throw (a throw becomes a finding of the rule itself). */
  evaluate(context: RuleContext): Iterable<RuleViolation>;
}
