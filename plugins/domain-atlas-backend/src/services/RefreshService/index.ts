export { RefreshService, historyRowsOf } from './RefreshService';
export { RefreshFailedError } from './refreshFailure';
export type {
  RefreshHeld,
  RefreshResult,
  RefreshSucceeded,
} from './RefreshService';
