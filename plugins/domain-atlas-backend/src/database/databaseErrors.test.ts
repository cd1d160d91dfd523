import { KnexTimeoutError } from 'knex';
import { isDatabaseError, isDatabaseUnavailableError } from './databaseErrors';

/** An error as a driver throws it: a message and some fields. */
function driverError(
  message: string,
  fields: Record<string, unknown>,
  name = 'Error',
): Error {
  const error = Object.assign(new Error(message), fields);
  error.name = name;
  return error;
}

const sqliteBusy = driverError(
  'select max(`id`) as `id` from `domain_atlas_snapshots` limit 1 - database is locked',
  { code: 'SQLITE_BUSY' },
  'SqliteError',
);
const sqliteConstraint = driverError(
  'insert into `domain_atlas_domain_history` … - UNIQUE constraint failed',
  { code: 'SQLITE_CONSTRAINT_UNIQUE' },
  'SqliteError',
);
const postgresShutdown = driverError(
  'select … - terminating connection due to administrator command',
  { code: '57P01', severity: 'FATAL' },
  'error',
);
const postgresTooMany = driverError(
  'sorry, too many clients already',
  { code: '53300', severity: 'FATAL' },
  'error',
);
const postgresSyntax = driverError(
  'select … - syntax error at or near "form"',
  { code: '42601', severity: 'ERROR' },
  'error',
);
const postgresRefused = driverError('connect ECONNREFUSED 127.0.0.1:5432', {
  code: 'ECONNREFUSED',
  syscall: 'connect',
  address: '127.0.0.1',
  port: 5432,
});
const postgresTerminated = new Error('Connection terminated unexpectedly');
const poolTimeout = new KnexTimeoutError(
  'Knex: Timeout acquiring a connection. The pool is probably full. Are you missing a .transacting(trx) call?',
);
const fetchFailed = new TypeError('fetch failed', {
  cause: postgresRefused,
});
const wrapped = new Error('could not record API definitions', {
  cause: sqliteBusy,
});

describe('database errors', () => {
  it.each([
    ['SQLite busy', sqliteBusy, true, true],
    ['SQLite constraint', sqliteConstraint, false, true],
    ['PostgreSQL shutting down', postgresShutdown, true, true],
    ['PostgreSQL out of connections', postgresTooMany, true, true],
    ['PostgreSQL syntax error', postgresSyntax, false, true],
    ['PostgreSQL refusing connections', postgresRefused, true, true],
    ['PostgreSQL connection lost', postgresTerminated, true, true],
    ["knex's pool exhausted", poolTimeout, true, true],
    ['a busy database as the cause', wrapped, true, true],
    ['a failed fetch (the catalog, permissions)', fetchFailed, false, false],
    ['a plain error', new Error('connect ECONNREFUSED'), false, false],
    ['not an error', 'busy', false, false],
  ])('%s', (_what, error, unavailable, fromDatabase) => {
    expect(isDatabaseUnavailableError(error)).toBe(unavailable);
    expect(isDatabaseError(error)).toBe(fromDatabase);
  });
});
