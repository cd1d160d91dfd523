import { stringifyError } from '@backstage/errors';
import { isDatabaseError, isDatabaseUnavailableError } from '../../database';
import { CatalogReadError } from '../CatalogReader';
import { AnalysisWorkerError } from './AnalysisWorker';

/**
 * A refresh failed. The message says why, fit to show to users: a
 * database error's SQL text and hosts go to the log only.
 */
export class RefreshFailedError extends Error {
  name = 'RefreshFailedError';
}

/** Why a refresh failed, in words that may be shown to users. */
export function describeFailure(error: unknown): string {
  if (
    error instanceof CatalogReadError ||
    error instanceof AnalysisWorkerError
  ) {
    return error.message;
  }
  if (isDatabaseUnavailableError(error)) {
    return 'The Domain Atlas database was busy or unreachable';
  }
  if (isDatabaseError(error)) {
    return 'The Domain Atlas database failed; the details are in the backend log';
  }
  return stringifyError(error);
}
