/**
 * Telling database errors apart from others by their shape, across the
 * drivers Backstage's database service supports (better-sqlite3, pg,
 * mysql2) and knex itself. Their messages hold SQL text, table names or
 * hosts, so they are logged, never shown to users.
 */

type ErrorShape = {
  name?: unknown;
  code?: unknown;
  severity?: unknown;
  message?: unknown;
  cause?: unknown;
};

/** SQLite result codes of a database that is busy, locked or unreachable. */
const SQLITE_UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR|PROTOCOL)/;

/**
 * PostgreSQL SQLSTATEs worth retrying: connection exceptions (08), too many
 * connections or out of resources (53), shutdown or start-up (57P0x), a
 * statement timeout (57014), lock timeouts, serialization failures and
 * deadlocks.
 */
const POSTGRES_UNAVAILABLE = /^(08|53|57P0)|^(57014|55P03|40001|40P01)$/;

/** MySQL codes worth retrying. */
const MYSQL_UNAVAILABLE = new Set([
  'PROTOCOL_CONNECTION_LOST',
  'ER_CON_COUNT_ERROR',
  'ER_LOCK_WAIT_TIMEOUT',
  'ER_LOCK_DEADLOCK',
  'ER_SERVER_SHUTDOWN',
]);

/**
 * Socket errors the drivers throw as they are when the server cannot be
 * reached. Only looked for on the error itself: a failed `fetch` (to the
 * catalog or the permission backend) wraps its socket error in a cause.
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'EAI_AGAIN',
]);

/** pg and pg-pool connection failures, which carry no code. */
const POSTGRES_CONNECTION_MESSAGE =
  /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect)/;

/** The error and its causes, innermost last. */
function chain(error: unknown): ErrorShape[] {
  const errors: ErrorShape[] = [];
  let current = error;
  while (
    typeof current === 'object' &&
    current !== null &&
    errors.length < 5 &&
    !errors.includes(current as ErrorShape)
  ) {
    errors.push(current as ErrorShape);
    current = (current as ErrorShape).cause;
  }
  return errors;
}

function codeOf(error: ErrorShape): string | undefined {
  return typeof error.code === 'string' ? error.code : undefined;
}

function isPostgresError(error: ErrorShape): boolean {
  const code = codeOf(error);
  return (
    error.name === 'DatabaseError' ||
    (code !== undefined &&
      /^[0-9A-Z]{5}$/.test(code) &&
      typeof error.severity === 'string')
  );
}

function isDriverError(error: ErrorShape): boolean {
  const code = codeOf(error) ?? '';
  return (
    code.startsWith('SQLITE_') ||
    code.startsWith('ER_') ||
    MYSQL_UNAVAILABLE.has(code) ||
    isPostgresError(error) ||
    error.name === 'KnexTimeoutError'
  );
}

function isUnavailable(error: ErrorShape): boolean {
  const code = codeOf(error) ?? '';
  return (
    SQLITE_UNAVAILABLE.test(code) ||
    MYSQL_UNAVAILABLE.has(code) ||
    (isPostgresError(error) && POSTGRES_UNAVAILABLE.test(code)) ||
    // knex: "Timeout acquiring a connection. The pool is probably full."
    error.name === 'KnexTimeoutError'
  );
}

function isConnectionFailure(error: ErrorShape): boolean {
  return (
    NETWORK_CODES.has(codeOf(error) ?? '') ||
    (typeof error.message === 'string' &&
      POSTGRES_CONNECTION_MESSAGE.test(error.message))
  );
}

/**
 * Whether an error says the database is busy or cannot be reached right
 * now (SQLite locked, PostgreSQL down or out of connections, knex's pool
 * exhausted): worth a 503 and a retry rather than a 500.
 */
export function isDatabaseUnavailableError(error: unknown): boolean {
  const errors = chain(error);
  return (
    errors.some(isUnavailable) ||
    (errors.length > 0 && isConnectionFailure(errors[0]))
  );
}

/**
 * Whether an error came from the database driver or knex, whose messages
 * hold SQL text.
 */
export function isDatabaseError(error: unknown): boolean {
  return isDatabaseUnavailableError(error) || chain(error).some(isDriverError);
}
