import { ServiceUnavailableError } from '@backstage/errors';

const RETRY_AFTER = Symbol('retryAfterSeconds');

/**
 * A 503 error that says when to try again; the router sends that as the
 * `Retry-After` header.
 */
export function unavailable(
  message: string,
  retryAfterSeconds: number,
): ServiceUnavailableError {
  const error = new ServiceUnavailableError(message);
  // A symbol key: the error body that Backstage serialises stays as usual.
  Object.defineProperty(error, RETRY_AFTER, { value: retryAfterSeconds });
  return error;
}

/** The seconds to wait that {@link unavailable} gave an error, if any. */
export function retryAfterOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) {
    return undefined;
  }
  const value = (error as { [RETRY_AFTER]?: unknown })[RETRY_AFTER];
  return typeof value === 'number' ? value : undefined;
}
