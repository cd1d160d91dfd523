export type {
  DomainAtlasStore,
  DomainHistoryRow,
  RefreshRecord,
  Snapshot,
} from './DomainAtlasStore';
export { KnexDomainAtlasStore } from './KnexDomainAtlasStore';
