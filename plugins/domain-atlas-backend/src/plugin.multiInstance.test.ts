import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { domainAtlasPlugin } from './plugin';

jest.setTimeout(120_000);

// Two backend instances only share anything through a real server; SQLite
// in memory is per process, so this runs where PostgreSQL is configured
// (.ci/run starts one).
const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });
const describeOnPostgres = databases.supports('POSTGRES_15')
  ? describe
  : describe.skip;

const entities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Domain',
    metadata: { name: 'orders' },
    spec: { owner: 'orders-team' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Domain',
    metadata: { name: 'payments' },
    spec: { owner: 'payments-team' },
  },
];

/** A catalog that takes a while to read, as a large one does. */
const slowCatalog = createServiceFactory({
  service: catalogServiceRef,
  deps: {},
  factory: () => {
    const catalog = catalogServiceMock({ entities });
    const stream = catalog.streamEntities.bind(catalog);
    catalog.streamEntities = (req, opts) =>
      (async function* slow() {
        await new Promise(resolve => setTimeout(resolve, 700));
        yield* stream(req, opts);
      })();
    return catalog;
  },
});

describeOnPostgres('two backend instances on one PostgreSQL', () => {
  it('refresh one at a time, serve the same snapshot and write no duplicate history', async () => {
    const knex = await databases.init('POSTGRES_15');
    const config = mockServices.rootConfig.factory({
      data: {
        domainAtlas: {
          schedule: {
            frequency: { seconds: 1 },
            timeout: { seconds: 30 },
            initialDelay: { seconds: 0 },
          },
        },
      },
    });
    const start = () =>
      startTestBackend({
        features: [
          domainAtlasPlugin,
          slowCatalog,
          mockServices.database.factory({ knex }),
          schedulerServiceFactory,
          config,
        ],
      });
    const [first, second] = await Promise.all([start(), start()]);

    // Let the schedule tick several times on both instances.
    await new Promise(resolve => setTimeout(resolve, 8000));

    const refreshes = await knex('domain_atlas_refreshes').orderBy(
      'started_at',
    );
    expect(refreshes.length).toBeGreaterThanOrEqual(2);
    expect(refreshes.every(r => r.status === 'succeeded')).toBe(true);
    // The scheduler's global lock: no two refreshes overlap in time.
    for (let i = 1; i < refreshes.length; i++) {
      expect(
        new Date(refreshes[i].started_at).getTime(),
      ).toBeGreaterThanOrEqual(
        new Date(refreshes[i - 1].finished_at).getTime(),
      );
    }

    const snapshots = await knex('domain_atlas_snapshots').count({ n: '*' });
    const history = await knex('domain_atlas_domain_history')
      .select('snapshot_id', 'domain_ref')
      .count({ n: '*' })
      .groupBy('snapshot_id', 'domain_ref')
      .having(knex.raw('count(*) > 1'));
    expect(history).toEqual([]);
    const rows = await knex('domain_atlas_domain_history').count({ n: '*' });
    // Pruning keeps a bounded number of full reports; history rows stay.
    expect(Number(rows[0].n)).toBe(refreshes.length * entities.length);
    expect(Number(snapshots[0].n)).toBeGreaterThanOrEqual(1);

    const user = mockCredentials.user.header();
    const [a, b] = await Promise.all(
      [first, second].map(backend =>
        request(backend.server)
          .get('/api/domain-atlas/status')
          .set('Authorization', user),
      ),
    );
    expect(a.status).toBe(200);
    expect(a.body.snapshotId).toBe(b.body.snapshotId);

    await Promise.all([first.stop(), second.stop()]);
  });
});
