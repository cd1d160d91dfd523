export { RefreshService } from './RefreshService';
export type { RefreshAnalysisSetup } from './RefreshAnalysis';
export { RefreshFailedError } from './refreshFailure';
export type {
  RefreshHeld,
  RefreshResult,
  RefreshSucceeded,
} from './RefreshService';
