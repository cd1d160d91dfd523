import { createApiRef } from '@backstage/core-plugin-api';
import type {
  BlastRadius,
  ContractCheckResult,
  ContractDetail,
  ContractListItem,
  ContractSummary,
  DomainPhase,
  DomainSummary,
  Finding,
  FindingCounts,
  IsolationEntry,
  MigrationPhase,
  RepositorySummary,
  RuleSummary,
  Severity,
  TargetStatus,
  TeamSummary,
  WaiverSummary,
} from '@domain-atlas/plugin-domain-atlas-common';

/**
 * A domain as listed by the Domain Atlas backend.
 *
 * @public
 */
export interface DomainListItem {
  /** Full entity ref, e.g. `domain:default/orders`. */
  ref: string;
  title: string;
  /** Full entity ref of the declared owner, or null when the domain has none. */
  owner: string | null;
  /** Full entity ref of the parent domain (`spec.subdomainOf`), if any. */
  parent: string | null;
  /** Health score 0–100 from the domain's unwaived findings. */
  score: number;
  findingCounts: FindingCounts;
  phase: {
    /** The highest phase whose exit criteria the catalog shows. */
    evidence: MigrationPhase;
    /** The phase the domain declares, if any. */
    declared: MigrationPhase | null;
    target: MigrationPhase | null;
    targetDate: string | null;
    status: TargetStatus;
  };
  repositoryCount: number;
}

/**
 * One domain's phase, score and finding counts at one refresh.
 *
 * @public
 */
export interface DomainHistoryPoint {
  recordedAt: string;
  evidencePhase: number;
  declaredPhase: number | null;
  score: number;
  errors: number;
  warnings: number;
  infos: number;
  waived: number;
}

/**
 * Everything the backend knows about one domain.
 *
 * @public
 */
export interface DomainDetail
  extends Omit<DomainSummary, 'owner' | 'repositories' | 'phase'> {
  owner: string | null;
  phase: DomainPhase;
  findings: Finding[];
  contracts: ContractSummary[];
  repositories: RepositorySummary[];
  isolation: {
    /** Domains affected when this one is down. */
    blocks: IsolationEntry[];
    /** Domains whose outage affects this one. */
    dependsOn: IsolationEntry[];
    blastRadius: BlastRadius;
  };
  history: DomainHistoryPoint[];
}

/**
 * A domain a team owns, directly or through one of its sub-teams.
 *
 * @public
 */
export interface TeamDomain extends DomainListItem {
  via: 'direct' | 'sub-team';
  /** The sub-team that owns the domain, when `via` is `sub-team`. */
  through?: string;
}

/**
 * A team (Group) and the domains it owns.
 *
 * @public
 */
export interface TeamDetail {
  ref: string;
  title: string;
  parent: string | null;
  children: string[];
  domains: TeamDomain[];
}

/**
 * What an entity page shows: the entity's domain and the findings naming it.
 *
 * @public
 */
export interface EntityFindings {
  entity: string;
  /** The domain the entity belongs to, or null when it belongs to none. */
  domain: string | null;
  findings: Finding[];
}

/**
 * The ownership matrix: every team with the domains it owns, and each
 * domain's owners outside its owner's team tree (from the unwaived
 * `single-owner` findings).
 *
 * @public
 */
export interface TeamsOverview {
  teams: TeamSummary[];
  domains: Array<{
    ref: string;
    title: string;
    owner: string | null;
    /** Kind of the owner entity when it exists (`group`, `user`). */
    ownerKind: string | null;
    /** Groups and users owning entities of the domain outside the owner's tree. */
    sharedWith: string[];
    /** Ids of the unwaived `single-owner` findings of the domain. */
    singleOwnerFindings: string[];
  }>;
}

/**
 * Domains per phase over the stored history, one point per refresh.
 *
 * @public
 */
export interface BurnUpPoint {
  recordedAt: string;
  phase0: number;
  phase1: number;
  phase2: number;
  phase3: number;
}

/**
 * The migration board: every domain's phase details, and the burn-up.
 *
 * @public
 */
export interface MigrationOverview {
  /** Domain refs by evidence phase. */
  phases: Record<'0' | '1' | '2' | '3', string[]>;
  domains: Array<{
    ref: string;
    title: string;
    owner: string | null;
    phase: DomainPhase;
  }>;
  burnUp: BurnUpPoint[];
}

/**
 * The failure-isolation matrix of the organisation.
 *
 * @public
 */
export interface IsolationOverview {
  /** Every domain ref. */
  domains: string[];
  /** Domain titles by ref. */
  titles: Record<string, string>;
  entries: IsolationEntry[];
  blastRadius: BlastRadius[];
}

/**
 * Filters for {@link DomainAtlasApi.listFindings}.
 *
 * @public
 */
export interface FindingsFilter {
  /** Full entity ref of a domain. */
  domain?: string;
  rule?: string;
  severity?: Severity;
  waived?: boolean;
}

/**
 * Talks to the Domain Atlas backend.
 *
 * @public
 */
export interface DomainAtlasApi {
  /** Every domain of the catalog with its owner. */
  listDomains(): Promise<DomainListItem[]>;
  /** One domain by its entity ref, e.g. `domain:default/orders`. */
  getDomain(domainRef: string): Promise<DomainDetail>;
  /** The domains a group owns, directly and through its sub-teams. */
  getTeam(groupRef: string): Promise<TeamDetail>;
  /** The domain of any entity and the findings that name it. */
  getEntityFindings(entityRef: string): Promise<EntityFindings>;
  /** Every team with the domains it owns, for the ownership matrix. */
  getTeams(): Promise<TeamsOverview>;
  /** The migration board and the burn-up over the last `days` (default 365). */
  getMigration(options?: { days?: number }): Promise<MigrationOverview>;
  /** The failure-isolation matrix and blast radius per domain. */
  getIsolation(): Promise<IsolationOverview>;
  /** Every rule with its principle and configured severity. */
  listRules(): Promise<RuleSummary[]>;
  /** Every finding matching the filter (the client pages through them). */
  listFindings(filter?: FindingsFilter): Promise<Finding[]>;
  /**
   * Every waiver (`domain-atlas.io/exemptions` entry) with its end, days
   * left, whether it expired or waives nothing, and the findings it
   * applies to.
   */
  listWaivers(): Promise<WaiverSummary[]>;
  /** Every contract (API entity) of the organisation with its latest change. */
  listContracts(): Promise<ContractListItem[]>;
  /**
   * One contract by its entity ref, e.g. `api:default/orders-api-v2`: its
   * family, history of definitions and consumers.
   */
  getContract(apiRef: string): Promise<ContractDetail>;
  /**
   * What would break if `definition` (the text of a candidate definition)
   * replaced the contract's current one.
   */
  checkContract(
    apiRef: string,
    definition: string,
  ): Promise<ContractCheckResult>;
}

/**
 * The API ref of {@link DomainAtlasApi}.
 *
 * @public
 */
export const domainAtlasApiRef = createApiRef<DomainAtlasApi>({
  id: 'plugin.domain-atlas.service',
});
