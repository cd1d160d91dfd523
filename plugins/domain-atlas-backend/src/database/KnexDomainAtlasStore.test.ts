import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { DomainAtlasReport } from '@domain-atlas/plugin-domain-atlas-common';
import { StoredSnapshot } from './DomainAtlasStore';
import { KnexDomainAtlasStore } from './KnexDomainAtlasStore';
import { readReportParts, reportParts } from './reportParts';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
});

// The store keeps reports as opaque JSON: a minimal one is enough here,
// with enough findings to fill several small parts.
const report = (title: string) =>
  ({
    schemaVersion: 1,
    domains: [{ ref: 'domain:default/orders', title }],
    findings: Array.from({ length: 30 }, (_, i) => ({ id: `${title}:${i}` })),
  } as unknown as DomainAtlasReport);

const partsOf = (title: string) => reportParts(report(title), 100);

async function reportOf(stored: StoredSnapshot | undefined) {
  const read = await readReportParts(stored!.reportParts);
  return (read as { value: DomainAtlasReport }).value;
}

const historyRow = (domainRef: string, score: number) => ({
  domainRef,
  evidencePhase: 2,
  declaredPhase: 3,
  score,
  errors: 1,
  warnings: 2,
  infos: 0,
  waived: 1,
});

async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  const store = await KnexDomainAtlasStore.create(
    mockServices.database({ knex }),
  );
  return { knex, store };
}

describe.each(databases.eachSupportedId())(
  'KnexDomainAtlasStore on %p',
  databaseId => {
    it('starts empty', async () => {
      const { store } = await createStore(databaseId);
      expect(await store.getStoredSnapshot()).toBeUndefined();
      expect(await store.getLatestSnapshotSummary()).toBeUndefined();
      expect(await store.getLatestSnapshotId()).toBeUndefined();
      expect(await store.getLastRefresh()).toBeUndefined();
    });

    it('keeps the newest snapshot and its history rows', async () => {
      const { store } = await createStore(databaseId);
      const first = await store.saveSnapshot({
        createdAt: new Date('2026-11-01T10:00:00Z'),
        entityCount: 10,
        reportParts: partsOf('First'),
        history: [historyRow('domain:default/orders', 70)],
      });
      const second = await store.saveSnapshot({
        createdAt: new Date('2026-11-02T10:00:00Z'),
        entityCount: 12,
        reportParts: partsOf('Second'),
        history: [
          historyRow('domain:default/orders', 85),
          historyRow('domain:default/payments', 40),
        ],
      });

      expect(second).toBeGreaterThan(first);
      expect(await store.getLatestSnapshotId()).toBe(second);
      const latest = await store.getStoredSnapshot();
      expect(latest).toMatchObject({ id: second, entityCount: 12 });
      expect(latest!.reportParts.length).toBeGreaterThan(5);
      expect(await reportOf(latest)).toEqual(report('Second'));
      expect(latest!.createdAt.toISOString()).toBe('2026-11-02T10:00:00.000Z');
      expect(await store.getLatestSnapshotSummary()).toEqual({
        id: second,
        entityCount: 12,
        createdAt: latest!.createdAt,
      });
      const before = await store.getStoredSnapshot({ before: second });
      expect(before).toMatchObject({ id: first, entityCount: 10 });
      expect((await reportOf(before)).domains[0].title).toBe('First');
      expect(await store.getStoredSnapshot({ before: first })).toBeUndefined();

      const orders = await store.getHistory({
        since: new Date('2026-01-01T00:00:00Z'),
        domainRef: 'domain:default/orders',
      });
      expect(orders.map(row => [row.snapshotId, row.score])).toEqual([
        [first, 70],
        [second, 85],
      ]);
      expect(orders[1]).toMatchObject({
        evidencePhase: 2,
        declaredPhase: 3,
        errors: 1,
        warnings: 2,
        infos: 0,
        waived: 1,
      });
      expect(orders[1].recordedAt.toISOString()).toBe(
        '2026-11-02T10:00:00.000Z',
      );

      const all = await store.getHistory({
        since: new Date('2026-11-02T00:00:00Z'),
      });
      expect(all.map(row => row.domainRef)).toEqual([
        'domain:default/orders',
        'domain:default/payments',
      ]);
    });

    it('stores hundreds of history rows of one snapshot', async () => {
      const { store } = await createStore(databaseId);
      const history = Array.from({ length: 1200 }, (_, i) =>
        historyRow(`domain:default/d${i}`, i % 100),
      );
      await store.saveSnapshot({
        createdAt: new Date('2026-11-03T00:00:00Z'),
        entityCount: 5000,
        reportParts: partsOf('Big'),
        history,
      });
      const rows = await store.getHistory({
        since: new Date('2026-11-01T00:00:00Z'),
      });
      expect(rows).toHaveLength(1200);
    });

    it('records refresh attempts, newest first', async () => {
      const { store } = await createStore(databaseId);
      await store.recordRefresh({
        startedAt: new Date('2026-11-01T10:00:00Z'),
        finishedAt: new Date('2026-11-01T10:00:05Z'),
        status: 'succeeded',
        snapshotId: 1,
      });
      await store.recordRefresh({
        startedAt: new Date('2026-11-01T11:00:00Z'),
        finishedAt: new Date('2026-11-01T11:00:01Z'),
        status: 'failed',
        error: 'catalog unavailable',
      });
      const last = await store.getLastRefresh();
      expect(last).toMatchObject({
        status: 'failed',
        error: 'catalog unavailable',
        snapshotId: undefined,
      });
      expect(last!.finishedAt.toISOString()).toBe('2026-11-01T11:00:01.000Z');
    });

    it('records what each read returned, and finds the last read', async () => {
      const { store } = await createStore(databaseId);
      await store.recordRefresh({
        startedAt: new Date('2026-11-01T10:00:00Z'),
        finishedAt: new Date('2026-11-01T10:00:05Z'),
        status: 'succeeded',
        snapshotId: 1,
        entityCount: 122,
      });
      await store.recordRefresh({
        startedAt: new Date('2026-11-01T11:00:00Z'),
        finishedAt: new Date('2026-11-01T11:00:01Z'),
        status: 'held',
        error: 'The catalog returned 0 entities where the last report had 122',
        entityCount: 0,
      });
      await store.recordRefresh({
        startedAt: new Date('2026-11-01T12:00:00Z'),
        finishedAt: new Date('2026-11-01T12:00:01Z'),
        status: 'failed',
        error: 'The catalog could not be read',
      });

      expect(await store.getLastRefresh()).toMatchObject({
        status: 'failed',
        entityCount: undefined,
      });
      expect(
        await store.getLastRefresh({ statuses: ['succeeded', 'held'] }),
      ).toMatchObject({ status: 'held', entityCount: 0 });
      expect(
        await store.getLastRefresh({ statuses: ['succeeded'] }),
      ).toMatchObject({ status: 'succeeded', entityCount: 122, snapshotId: 1 });
    });

    it('prunes history past the retention and all but the newest reports', async () => {
      const { knex, store } = await createStore(databaseId);
      for (const day of [1, 2, 3, 4]) {
        await store.saveSnapshot({
          createdAt: new Date(`2026-11-0${day}T00:00:00Z`),
          entityCount: day,
          reportParts: partsOf(`Day ${day}`),
          history: [historyRow('domain:default/orders', day)],
        });
      }
      await store.prune({
        before: new Date('2026-11-03T00:00:00Z'),
        keepSnapshots: 2,
      });

      const rows = await store.getHistory({
        since: new Date('2026-01-01T00:00:00Z'),
      });
      expect(rows.map(row => row.score)).toEqual([3, 4]);
      const latest = await store.getStoredSnapshot();
      expect((await reportOf(latest)).domains[0].title).toBe('Day 4');
      // The parts of pruned reports go with them.
      const parts = await knex('domain_atlas_report_parts').distinct(
        'snapshot_id',
      );
      expect(parts.map(row => row.snapshot_id).sort()).toEqual([3, 4]);
    });
  },
);

describe.each(databases.eachSupportedId())('migrations on %p', databaseId => {
  it('migrate down and up again', async () => {
    const knex = await databases.init(databaseId);
    await KnexDomainAtlasStore.create(mockServices.database({ knex }));
    expect(await knex.schema.hasTable('domain_atlas_snapshots')).toBe(true);

    const directory = require('node:path').resolve(
      __dirname,
      '../../migrations',
    );
    await knex.migrate.rollback({ directory }, true);
    expect(await knex.schema.hasTable('domain_atlas_snapshots')).toBe(false);
    expect(await knex.schema.hasTable('domain_atlas_domain_history')).toBe(
      false,
    );
    expect(await knex.schema.hasTable('domain_atlas_refreshes')).toBe(false);
    expect(await knex.schema.hasTable('domain_atlas_notification_scopes')).toBe(
      false,
    );

    await knex.migrate.latest({ directory });
    expect(await knex.schema.hasTable('domain_atlas_notification_scopes')).toBe(
      true,
    );
    expect(await knex.schema.hasTable('domain_atlas_refreshes')).toBe(true);
    expect(
      await knex.schema.hasColumn('domain_atlas_refreshes', 'entity_count'),
    ).toBe(true);
  });
});
