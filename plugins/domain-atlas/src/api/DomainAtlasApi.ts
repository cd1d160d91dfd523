import { createApiRef } from '@backstage/core-plugin-api';
import type {
  BlastRadius,
  ContractSummary,
  DomainPhase,
  DomainSummary,
  Finding,
  FindingCounts,
  IsolationEntry,
  MigrationPhase,
  RepositorySummary,
  TargetStatus,
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
}

/**
 * The API ref of {@link DomainAtlasApi}.
 *
 * @public
 */
export const domainAtlasApiRef = createApiRef<DomainAtlasApi>({
  id: 'plugin.domain-atlas.service',
});
