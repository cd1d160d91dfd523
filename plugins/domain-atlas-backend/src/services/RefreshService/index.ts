export { RefreshService, historyRowsOf } from './RefreshService';
export type { RefreshResult } from './RefreshService';
