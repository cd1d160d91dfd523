import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { domainAtlasPlugin } from './plugin';
import { changingCatalog, entity, organisation } from './testing/testCatalog';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const user = mockCredentials.user.header();

/** Every GET route that serves the report. */
const REPORT_ROUTES = [
  '/report',
  '/status',
  '/domains',
  '/domains/default/orders',
  '/teams',
  '/teams/default/orders-team',
  '/findings',
  '/rules',
  '/migration',
  '/isolation',
  '/entities/domain/default/orders/findings',
  '/contracts',
];

async function startBackend(knex: Knex) {
  const catalog = changingCatalog(organisation);
  const { server } = await startTestBackend({
    features: [
      domainAtlasPlugin,
      catalog.factory,
      mockServices.database.factory({ knex }),
    ],
  });
  const get = (path: string) =>
    request(server).get(`/api/domain-atlas${path}`).set('Authorization', user);
  const refresh = () =>
    request(server)
      .post('/api/domain-atlas/refresh')
      .set('Authorization', user);
  return { get, refresh, catalog: catalog.state };
}

describe.each(databases.eachSupportedId())(
  'domainAtlasPlugin with an unreadable snapshot on %p',
  databaseId => {
    it.each([
      ['{"schemaVersion":1,"domains":[{"ref":', 'not valid JSON'],
      ['{}', 'no schema version'],
      [
        '{"schemaVersion":1,"generatedFrom":{},"unassigned":{},"domains":[]}',
        'missing or malformed findings, dependencies, isolation, blastRadius, teams, repositories, contracts, rules',
      ],
    ])(
      'serves the snapshot before one stored as %s, and says why',
      async (stored, problem) => {
        const knex = await databases.init(databaseId);
        const running = await startBackend(knex);
        const first = await running.get('/status');
        expect(first.status).toBe(200);
        running.catalog.entities = [
          ...organisation,
          entity('Domain', 'coupons', { owner: 'orders-team' }),
        ];
        const second = await running.refresh();
        expect(second.body.domainCount).toBe(3);

        await knex('domain_atlas_snapshots')
          .where({ id: second.body.snapshotId })
          .update({ report: stored });

        // An instance that starts now (an instance that read the snapshot
        // before it broke serves its own copy) skips it.
        const { get, refresh, catalog } = await startBackend(knex);
        catalog.entities = running.catalog.entities;

        for (const route of REPORT_ROUTES) {
          const response = await get(route);
          expect([route, response.status]).toEqual([route, 200]);
        }
        const domains = await get('/domains');
        expect(domains.body.items).toHaveLength(2);
        const status = await get('/status');
        expect(status.body).toMatchObject({
          snapshotId: first.body.snapshotId,
          stale: true,
          staleReason: `The newest stored report is unreadable (snapshot ${second.body.snapshotId}: ${problem}); serving snapshot ${first.body.snapshotId} of ${first.body.generatedAt}`,
          lastRefresh: { status: 'succeeded' },
        });

        // The next refresh stores a readable report again.
        expect((await refresh()).status).toBe(200);
        const mended = await get('/status');
        expect(mended.body.stale).toBe(false);
        expect((await get('/domains')).body.items).toHaveLength(3);
      },
    );

    it('answers 503 saying why when no stored report is readable, until a refresh mends it', async () => {
      const knex = await databases.init(databaseId);
      const first = await (await startBackend(knex)).get('/status');
      await knex('domain_atlas_snapshots').update({ report: '{}' });

      // An instance that starts now finds nothing it can serve.
      const { get, refresh } = await startBackend(knex);
      const status = await get('/status');
      expect(status.status).toBe(503);
      expect(status.headers['retry-after']).toEqual(expect.any(String));
      expect(status.body.error.message).toBe(
        `Domain Atlas has no readable report (snapshot ${first.body.snapshotId}: no schema version); a new one will be computed shortly`,
      );

      expect((await refresh()).status).toBe(200);
      const mended = await get('/status');
      expect(mended.status).toBe(200);
      expect(mended.body.stale).toBe(false);
    });
  },
);

describe.each(databases.eachSupportedId())(
  'two domainAtlasPlugin instances on %p',
  databaseId => {
    it('confirm an empty read that the other one held back', async () => {
      const knex = await databases.init(databaseId);
      const first = await startBackend(knex);
      const second = await startBackend(knex);
      expect((await first.get('/status')).body.entityCount).toBe(5);
      first.catalog.entities = [];
      second.catalog.entities = [];

      expect((await first.refresh()).body.status).toBe('held');
      expect((await second.get('/status')).body).toMatchObject({
        stale: true,
        lastRefresh: { status: 'held', entityCount: 0 },
      });
      expect((await second.refresh()).body.status).toBe('succeeded');
      expect((await first.get('/domains')).body.items).toEqual([]);
    });
  },
);

describe('domainAtlasPlugin on a locked SQLite database', () => {
  let directory: string;
  const clients: Knex[] = [];

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'domain-atlas-'));
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map(client => client.destroy()));
    rmSync(directory, { recursive: true, force: true });
  });

  /** A client of the database file; the backend's waits 100 ms when busy. */
  function sqlite(options: { busyTimeoutMs?: number } = {}): Knex {
    const client = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: join(directory, 'domain-atlas.sqlite') },
      useNullAsDefault: true,
      pool: {
        min: 1,
        max: 1,
        afterCreate: (
          connection: { pragma(source: string): unknown },
          done: (error: Error | null, connection: unknown) => void,
        ) => {
          connection.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 0}`);
          done(null, connection);
        },
      },
    });
    clients.push(client);
    return client;
  }

  it('answers 503 with Retry-After and no SQL while another process holds the lock', async () => {
    const { get, refresh } = await startBackend(sqlite({ busyTimeoutMs: 100 }));
    expect((await get('/domains')).status).toBe(200);

    const locker = sqlite();
    await locker.raw('BEGIN EXCLUSIVE');

    for (const response of [await get('/domains'), await get('/status')]) {
      expect(response.status).toBe(503);
      expect(response.headers['retry-after']).toBe('5');
      expect(response.body.error.message).toBe(
        'The Domain Atlas database is busy or unreachable; try again shortly',
      );
      expect(JSON.stringify(response.body)).not.toMatch(
        /select|domain_atlas_|SQLITE/i,
      );
    }
    const refreshed = await refresh();
    expect(refreshed.status).toBe(503);
    expect(refreshed.headers['retry-after']).toEqual(expect.any(String));
    expect(refreshed.body.error.message).toBe(
      'Refresh failed, the last good snapshot stays in use: The Domain Atlas database was busy or unreachable',
    );
    expect(JSON.stringify(refreshed.body)).not.toMatch(
      /select|domain_atlas_|SQLITE/i,
    );

    await locker.raw('ROLLBACK');
    expect((await get('/domains')).status).toBe(200);
  });
});
