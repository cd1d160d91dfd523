import { CustomErrorBase, ServiceUnavailableError } from '@backstage/errors';

/**
 * As many checks as the instance allows are running: 503, and the route
 * tells the caller when to try again (`Retry-After`).
 */
export class ContractChecksBusyError extends ServiceUnavailableError {
  constructor(
    message: string,
    /** Seconds after which a retry is likely to find a free slot. */
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** A candidate over the size limit: 413 Content Too Large. */
export class DefinitionTooLargeError extends CustomErrorBase {
  name = 'DefinitionTooLargeError' as const;
  /** Read by Backstage's error middleware as the response status. */
  readonly statusCode = 413;
}
