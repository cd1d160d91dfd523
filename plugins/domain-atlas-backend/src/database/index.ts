export type {
  DomainAtlasStore,
  DomainHistoryRow,
  RefreshRecord,
  Snapshot,
} from './DomainAtlasStore';
export { KnexDomainAtlasStore } from './KnexDomainAtlasStore';
export type {
  ContractRevisionStore,
  NewRevision,
  StoredRevision,
} from './ContractRevisionStore';
export { KnexContractRevisionStore } from './KnexContractRevisionStore';
