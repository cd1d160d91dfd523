export type {
  DomainAtlasStore,
  DomainHistoryRow,
  RefreshRecord,
  Snapshot,
  SnapshotSummary,
  StoredSnapshot,
} from './DomainAtlasStore';
export { isDatabaseError, isDatabaseUnavailableError } from './databaseErrors';
export { KnexDomainAtlasStore } from './KnexDomainAtlasStore';
export type {
  ContractRevisionStore,
  NewRevision,
  StoredRevision,
} from './ContractRevisionStore';
export { KnexContractRevisionStore } from './KnexContractRevisionStore';
export type { NotificationScopeStore } from './NotificationScopeStore';
export { KnexNotificationScopeStore } from './KnexNotificationScopeStore';
