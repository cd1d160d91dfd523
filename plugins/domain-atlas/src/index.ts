/**
 * The Domain Atlas frontend plugin: the organisation page and entity cards
 * for domain ownership, repo-per-domain health, contract versions and
 * migration phases.
 *
 * @packageDocumentation
 */

export {
  domainAtlasPlugin,
  DomainAtlasPage,
  EntityDomainAtlasContent,
  EntityOwnedDomainsCard,
  EntityDomainAtlasFindingsCard,
  EntityDomainAtlasWarning,
  EntityContractVersionsCard,
  DomainAtlasSearchResultListItem,
} from './plugin';
export type { DomainAtlasSearchResultListItemProps } from './components/DomainAtlasSearchResultListItem';
export { hasDomainAtlasFindings } from './conditions';
export * from './api';
