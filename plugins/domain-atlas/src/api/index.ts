export { domainAtlasApiRef } from './DomainAtlasApi';
export type {
  DomainAtlasApi,
  DomainDetail,
  DomainHistoryPoint,
  DomainListItem,
  EntityFindings,
  TeamDetail,
  TeamDomain,
  BurnUpPoint,
  FindingsFilter,
  IsolationOverview,
  MigrationOverview,
  TeamsOverview,
} from './DomainAtlasApi';
export { DomainAtlasClient } from './DomainAtlasClient';
