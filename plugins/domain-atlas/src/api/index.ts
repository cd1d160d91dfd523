export { domainAtlasApiRef } from './DomainAtlasApi';
export type { DomainAtlasApi, DomainListItem } from './DomainAtlasApi';
export { DomainAtlasClient } from './DomainAtlasClient';
