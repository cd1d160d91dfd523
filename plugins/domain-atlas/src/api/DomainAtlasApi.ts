import { createApiRef } from '@backstage/core-plugin-api';

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
