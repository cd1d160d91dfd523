export { domainAtlasApiRef } from './DomainAtlasApi';
export type {
  DomainAtlasApi,
  DomainDetail,
  DomainHistoryPoint,
  DomainListItem,
} from './DomainAtlasApi';
export { DomainAtlasClient } from './DomainAtlasClient';
