export { domainAtlasApiRef } from './DomainAtlasApi';
export type {
  DomainAtlasApi,
  DomainDetail,
  DomainHistoryPoint,
  DomainListItem,
  EntityFindings,
  TeamDetail,
  TeamDomain,
} from './DomainAtlasApi';
export { DomainAtlasClient } from './DomainAtlasClient';
