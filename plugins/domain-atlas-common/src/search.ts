/**
 * The documents Domain Atlas puts into Backstage search: the search
 * backend module writes them, the frontend plugin's result list items
 * render them. Both are `IndexableDocument`s of
 * `@backstage/plugin-search-common` (title, text, location and the
 * authorization by which results follow `catalog.entity.read`). Every key
 * is always present (null when there is no value): the embedded Lunr
 * engine takes a type's fields from its first document.
 */
import type { ChangeClass } from './contractChanges';
import type { MigrationPhase } from './report';

/**
 * The search document type of domains.
 *
 * @public
 */
export const DOMAIN_SEARCH_DOCUMENT_TYPE = 'domain-atlas-domain';

/**
 * The search document type of contracts (API entities).
 *
 * @public
 */
export const CONTRACT_SEARCH_DOCUMENT_TYPE = 'domain-atlas-contract';

/**
 * A domain in Backstage search: type {@link DOMAIN_SEARCH_DOCUMENT_TYPE}.
 *
 * @public
 */
export interface DomainSearchDocument {
  /** The domain's title. */
  title: string;
  /** What a search matches besides the title: name, owner, phase, score, members. */
  text: string;
  /** The domain's Domain Atlas tab. */
  location: string;
  /** Results follow `catalog.entity.read` on the Domain entity. */
  authorization: { resourceRef: string };
  kind: 'Domain';
  /** Full ref of the Domain entity. */
  entityRef: string;
  /** `spec.owner` as a full ref, null without one. */
  owner: string | null;
  /** The owner's title when it is a group of the catalog, else null. */
  ownerTitle: string | null;
  /** The phase the catalog evidences. */
  evidencePhase: MigrationPhase;
  /** The phase the domain declares, null without a declaration. */
  declaredPhase: MigrationPhase | null;
  /** Health score 0–100. */
  score: number;
  systemCount: number;
  componentCount: number;
  apiCount: number;
  resourceCount: number;
}

/**
 * A contract (an API entity) in Backstage search: type
 * {@link CONTRACT_SEARCH_DOCUMENT_TYPE}.
 *
 * @public
 */
export interface ContractSearchDocument {
  /** The API's title. */
  title: string;
  /** What a search matches besides the title: name, version, family, domain, change. */
  text: string;
  /** The API's entity page. */
  location: string;
  /** Results follow `catalog.entity.read` on the API entity. */
  authorization: { resourceRef: string };
  kind: 'API';
  /** Full ref of the API entity. */
  entityRef: string;
  /** Full ref of the domain providing it, null for none. */
  domain: string | null;
  /** That domain's title, null for none. */
  domainTitle: string | null;
  /** `spec.type`: openapi, asyncapi, grpc, graphql, … */
  specType: string | null;
  /** The current version, null when none can be determined. */
  version: string | null;
  /** The contract family, e.g. `orders-api` for `orders-api-v1` and `-v2`. */
  family: string;
  /** `spec.lifecycle`. */
  lifecycle: string | null;
  /** Consumers through `consumesApis` or a pin. */
  consumerCount: number;
  /** Class of the most recent recorded change, null when none is recorded. */
  lastChange: ChangeClass | null;
  /** When the most recent change was first seen (ISO 8601), null for none. */
  lastChangeAt: string | null;
  /** The most recent change is breaking but kept its major version. */
  lastChangeNeedsMajor: boolean;
}
