import { createApiRef } from '@backstage/core-plugin-api';
import type {
  FindingCounts,
  MigrationPhase,
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
 * Talks to the Domain Atlas backend.
 *
 * @public
 */
export interface DomainAtlasApi {
  /** Every domain of the catalog with its owner. */
  listDomains(): Promise<DomainListItem[]>;
}

/**
 * The API ref of {@link DomainAtlasApi}.
 *
 * @public
 */
export const domainAtlasApiRef = createApiRef<DomainAtlasApi>({
  id: 'plugin.domain-atlas.service',
});
