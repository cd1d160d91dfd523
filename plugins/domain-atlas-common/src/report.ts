/**
 * The Domain Atlas report: plain, JSON-serialisable data that the backend
 * stores and serves and the frontend renders.
 *
 * Every entity reference is a full lowercase ref such as
 * `component:default/orders-service`. Every list is sorted, so the same
 * catalog always gives the same report.
 */

/**
 * Version of the report's shape; bumped on any incompatible change.
 *
 * @public
 */
export const REPORT_SCHEMA_VERSION = 1;

/**
 * What a report served to one user says in place of an entity that user may
 * not read under the catalog's permissions, in findings (their entities and
 * messages) and in dependency and isolation paths.
 *
 * @public
 */
export const HIDDEN_ENTITY = 'an entity you cannot see';

/**
 * How serious a finding is.
 *
 * @public
 */
export type Severity = 'error' | 'warning' | 'info';

/**
 * A migration phase: 0 monorepo, 1 domain ownership, 2 logical split,
 * 3 physical repo split.
 *
 * @public
 */
export type MigrationPhase = 0 | 1 | 2 | 3;

/**
 * Where a domain stands against its committed target phase and date.
 *
 * @public
 */
export type TargetStatus = 'none' | 'on-track' | 'at-risk' | 'overdue';

/**
 * Systems, components, APIs and resources of a domain (or of nobody).
 *
 * @public
 */
export interface DomainMembers {
  systems: string[];
  components: string[];
  apis: string[];
  resources: string[];
}

/**
 * Number of unwaived findings per severity, plus the waived ones.
 *
 * @public
 */
export interface FindingCounts {
  error: number;
  warning: number;
  info: number;
  waived: number;
}

/**
 * One exit criterion of a migration phase, and whether it holds.
 *
 * @public
 */
export interface PhaseCriterion {
  /** The phase this criterion belongs to. */
  phase: 1 | 2 | 3;
  /** A rule id, or `adr-location` for the ADR criterion. */
  id: string;
  description: string;
  met: boolean;
  /** Ids of the unwaived findings that make the criterion fail. */
  findings?: string[];
}

/**
 * The four playbook steps tracked inside phase 3.
 *
 * @public
 */
export interface PlaybookProgress {
  /** Every component lives in a repository that hosts only this domain. */
  extracted: boolean;
  /** The domain provides at least one asynchronous (event) contract. */
  publishesEvents: boolean;
  /** No unwaived `own-datastore` findings. */
  dbJoinsCut: boolean;
  /** Every deployable of the domain has pipeline evidence. */
  deploysIndependently: boolean;
}

/**
 * Migration progress of one domain.
 *
 * @public
 */
export interface DomainPhase {
  /** Highest phase whose criteria hold together with all lower ones. */
  evidence: MigrationPhase;
  /** `domain-atlas.io/migration-phase`, or null when absent or invalid. */
  declared: MigrationPhase | null;
  /** Whether the evidence supports the declared phase (declared ≤ evidence); null without a declaration. */
  declaredValid: boolean | null;
  /** `domain-atlas.io/target-phase`, or null. */
  target: MigrationPhase | null;
  /** `domain-atlas.io/target-date` (YYYY-MM-DD), or null. */
  targetDate: string | null;
  /** Days from `now` to the target date; null without a date or `now`. */
  daysToTarget: number | null;
  status: TargetStatus;
  /** `domain-atlas.io/strangler-coverage` in percent, or null. */
  stranglerCoverage: number | null;
  /** Coverage at or above the decommission threshold (95); null without coverage. */
  decommissionReady: boolean | null;
  criteria: PhaseCriterion[];
  playbook: PlaybookProgress;
}

/**
 * One domain of the organisation.
 *
 * @public
 */
export interface DomainSummary {
  /** Full entity ref of the Domain entity. */
  ref: string;
  /** `metadata.title`, else `metadata.name`. */
  title: string;
  description?: string;
  /** Full entity ref of the owner as declared in `spec.owner`, if any. */
  owner?: string;
  /** Kind of the owner entity when it exists in the catalog (`group`, `user`). */
  ownerKind?: string;
  /** The parent domain (`spec.subdomainOf`), null for a root. */
  parent: string | null;
  children: string[];
  members: DomainMembers;
  /** Ids of the repositories hosting the domain's components. */
  repositories: string[];
  /** Health score 0–100, see {@link computeHealthScore}. */
  score: number;
  findingCounts: FindingCounts;
  phase: DomainPhase;
}

/**
 * A broken rule, naming every entity involved.
 *
 * @public
 */
export interface Finding {
  /**
   * Stable id: `rule:domain:entities` (plus a `:key` where one rule can fire
   * twice on the same entities), `domain` being `unassigned` for none.
   * Where a rule gives a violation an `identity` (see `RuleViolation`), the
   * id names that instead of all `entities`, so it survives catalog changes
   * that only add or remove involved entities: for example
   * `repo-per-domain:domain:default/payments:github.com/acme/mono` (domain
   * and repository) or `no-shared-cache:domain:default/orders:resource:default/cache`.
   */
  id: string;
  rule: string;
  severity: Severity;
  /** The domain of the entity that breaks the rule; null when it belongs to no domain. */
  domain: string | null;
  entities: string[];
  message: string;
  waived: boolean;
  /** The reason given in `domain-atlas.io/exemptions`. */
  waiver?: string;
  /**
   * The last day the waiver waives (`YYYY-MM-DD`), when it was written
   * with `(until …)`.
   */
  waiverUntil?: string;
  /**
   * An exemption for this finding that expired before the analysis' `now`
   * and so no longer waives it: set when the finding is not waived. The
   * message ends with a note naming it too.
   */
  expiredWaiver?: ExpiredWaiver;
}

/**
 * An exemption whose `(until …)` date has passed.
 *
 * @public
 */
export interface ExpiredWaiver {
  /** The entity whose `domain-atlas.io/exemptions` holds it. */
  entity: string;
  reason: string;
  /** The last day it waived, `YYYY-MM-DD`. */
  until: string;
}

/**
 * Why an exemption waives nothing (see the `unused-exemption` rule):
 * `no-finding` — no finding of its rule names the entity;
 * `unknown-rule` — no rule has the id;
 * `rule-off` — the rule is switched off in the configuration;
 * `outside-domain` — findings of the rule name the entity, but belong to
 * another domain than the entity's, and an exemption waives only findings
 * of its own domain (on the subject, another named entity of the
 * finding's domain, or the domain itself).
 *
 * @public
 */
export type WaiverUnusedReason =
  | 'no-finding'
  | 'unknown-rule'
  | 'rule-off'
  | 'outside-domain';

/**
 * One entry of an entity's `domain-atlas.io/exemptions` and what it
 * waives.
 *
 * @public
 */
export interface WaiverSummary {
  /** The entity whose annotation holds the exemption. */
  entity: string;
  /** The entity's `spec.owner` as a full ref, when it has one. */
  owner?: string;
  /** The domain the entity belongs to (a Domain: itself); null for none. */
  domain: string | null;
  /** The rule id as written (lowercase), known or not. */
  rule: string;
  reason: string;
  /** The last day the exemption waives, `YYYY-MM-DD`. */
  until?: string;
  /**
   * Days from the analysis' `now` to `until`: 0 on the last day, negative
   * once expired. Absent without `until` or without `now`.
   */
  daysLeft?: number;
  /**
   * Whether `until` is before `now`: the exemption no longer waives, and
   * the findings it applies to carry an `expiredWaiver` note. Always false
   * without `now`.
   */
  expired: boolean;
  /**
   * Why the exemption waives nothing, when it does not. An expired
   * exemption that still applies to a finding is not unused (the finding
   * carries the note); one that applies to none is.
   */
  unused?: WaiverUnusedReason;
  /**
   * Ids of the findings the exemption applies to, sorted. A finding that
   * several exemptions apply to (its subject's and its domain's, say) is
   * listed under each; it names the first that waives it: the subject's,
   * then another named entity's, then the domain's.
   */
  findings: string[];
}

/**
 * Whether a domain can still work when another domain is down.
 *
 * @public
 */
export type IsolationImpact = 'blocked' | 'delayed';

/**
 * What happens to `affected` while `down` is down.
 *
 * @public
 */
export interface IsolationEntry {
  down: string;
  affected: string;
  impact: IsolationImpact;
  /** Domains along the chain, from `down` to `affected`. */
  path: string[];
}

/**
 * A direct dependency between two domains: `to` needs `from`.
 *
 * @public
 */
export interface DomainDependency {
  from: string;
  to: string;
  kind: 'sync' | 'async';
  /** The components and APIs that make the dependency. */
  entities: string[];
}

/**
 * How many domains a domain takes down (blocks) or slows (delays).
 *
 * @public
 */
export interface BlastRadius {
  domain: string;
  blocks: number;
  delays: number;
}

/**
 * A domain a team owns, directly or through a sub-team.
 *
 * @public
 */
export interface TeamDomain {
  ref: string;
  via: 'direct' | 'sub-team';
  /** For `sub-team`: the sub-team that owns the domain directly. */
  through?: string;
}

/**
 * A group of the organisation and the domains it owns.
 *
 * @public
 */
export interface TeamSummary {
  ref: string;
  title: string;
  parent: string | null;
  children: string[];
  domains: TeamDomain[];
}

/**
 * A source repository and what lives in it.
 *
 * @public
 */
export interface RepositorySummary {
  /** `host/org/repo`, lowercase. */
  id: string;
  host: string;
  org: string;
  repo: string;
  url: string;
  domains: string[];
  components: string[];
  deployables: string[];
}

/**
 * A consumer's pin on a contract (`domain-atlas.io/consumes-contracts`).
 *
 * @public
 */
export interface ContractPin {
  consumer: string;
  range: string;
  /** Whether the contract's current version satisfies the range; null when unknown. */
  satisfied: boolean | null;
}

/**
 * Where a contract version was found.
 *
 * @public
 */
export type VersionSource = 'definition' | 'annotation' | 'name';

/**
 * An API entity seen as a contract.
 *
 * @public
 */
export interface ContractSummary {
  ref: string;
  title: string;
  domain: string | null;
  type: string | null;
  version: string | null;
  versionSource: VersionSource | null;
  family: string;
  lifecycle: string | null;
  providers: string[];
  consumers: string[];
  pins: ContractPin[];
}

/**
 * A rule and how it is configured.
 *
 * @public
 */
export interface RuleSummary {
  id: string;
  principle: string;
  /** When the rule is violated. */
  description: string;
  defaultSeverity: Severity;
  /** The configured severity. */
  severity: Severity;
  enabled: boolean;
}

/**
 * What `analyze` returns.
 *
 * @public
 */
export interface DomainAtlasReport {
  schemaVersion: number;
  generatedFrom: {
    /** Number of entities handed to `analyze`, malformed ones included. */
    entityCount: number;
    /** The `now` option used for target dates, or null. */
    now: string | null;
  };
  domains: DomainSummary[];
  unassigned: DomainMembers;
  findings: Finding[];
  dependencies: DomainDependency[];
  isolation: IsolationEntry[];
  blastRadius: BlastRadius[];
  teams: TeamSummary[];
  repositories: RepositorySummary[];
  contracts: ContractSummary[];
  rules: RuleSummary[];
  /**
   * Every exemption in the catalog, sorted by entity and rule. Reports
   * stored before waivers were summarised have none; readers treat a
   * missing list as empty.
   */
  waivers: WaiverSummary[];
}
