import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { domainAtlasPlugin } from './plugin';
import { entity, organisation } from './testing/testCatalog';

const user = mockCredentials.user.header();

/**
 * A catalog a test can change between refreshes, or make hang: its stream
 * then never yields, and counts how often it was abandoned.
 */
function faultyCatalog(initial: Entity[]) {
  const state = { entities: initial, hang: false, abandoned: 0 };
  const hanging = (): AsyncIterable<Entity[]> => ({
    [Symbol.asyncIterator]: () => ({
      next: () => new Promise<IteratorResult<Entity[]>>(() => {}),
      return: async () => {
        state.abandoned += 1;
        return { done: true, value: undefined };
      },
    }),
  });
  const factory = createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => {
      const catalog = catalogServiceMock({ entities: [] });
      catalog.streamEntities = (req, opts) =>
        state.hang
          ? hanging()
          : catalogServiceMock({ entities: state.entities }).streamEntities(
              req,
              opts,
            );
      return catalog;
    },
  });
  return { factory, state };
}

async function startBackend(entities: Entity[]) {
  const catalog = faultyCatalog(entities);
  const { server } = await startTestBackend({
    features: [
      domainAtlasPlugin,
      catalog.factory,
      mockServices.rootConfig.factory({
        data: {
          domainAtlas: { catalog: { readTimeout: { milliseconds: 300 } } },
        },
      }),
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

describe('domainAtlasPlugin when the catalog misbehaves', () => {
  it('abandons a catalog read that hangs, says so, and refreshes again once the catalog answers', async () => {
    const { get, refresh, catalog } = await startBackend(organisation);
    const first = await get('/status');
    expect(first.body.stale).toBe(false);

    catalog.hang = true;
    const started = Date.now();
    const failed = await refresh();
    expect(failed.status).toBe(503);
    expect(failed.headers['retry-after']).toEqual(expect.any(String));
    expect(failed.body.error.message).toBe(
      'Refresh failed, the last good snapshot stays in use: The catalog did not answer within 300 ms (0 entities read); the read was abandoned',
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(catalog.abandoned).toBe(1);

    const stale = await get('/status');
    expect(stale.status).toBe(200);
    expect(stale.body).toMatchObject({
      snapshotId: first.body.snapshotId,
      stale: true,
      staleReason:
        'The last refresh failed: The catalog did not answer within 300 ms (0 entities read); the read was abandoned',
      lastRefresh: { status: 'failed' },
    });
    const domains = await get('/domains');
    expect(domains.status).toBe(200);
    expect(domains.body.items).toHaveLength(2);

    // The abandoned read never finishes; the next refresh does not wait
    // for it.
    catalog.hang = false;
    catalog.entities = [
      ...organisation,
      entity('Domain', 'coupons', { owner: 'orders-team' }),
    ];
    const recovered = await refresh();
    expect(recovered.status).toBe(200);
    expect(recovered.body).toMatchObject({
      status: 'succeeded',
      domainCount: 3,
    });
    const fresh = await get('/status');
    expect(fresh.body.stale).toBe(false);
    expect(fresh.body.staleReason).toBeUndefined();
    expect(fresh.body.snapshotId).toBeGreaterThan(first.body.snapshotId);
  }, 20_000);

  it('keeps the last report when the catalog suddenly reads empty, until the next refresh confirms it', async () => {
    const { get, refresh, catalog } = await startBackend(organisation);
    const first = await get('/status');
    expect(first.body).toMatchObject({ stale: false, entityCount: 5 });

    catalog.entities = [];
    const held = await refresh();
    expect(held.status).toBe(200);
    expect(held.body).toMatchObject({ status: 'held', entityCount: 0 });

    const domains = await get('/domains');
    expect(domains.body.items.map((d: { ref: string }) => d.ref)).toEqual([
      'domain:default/orders',
      'domain:default/payments',
    ]);
    const stale = await get('/status');
    expect(stale.body).toMatchObject({
      snapshotId: first.body.snapshotId,
      stale: true,
      staleReason:
        'The catalog returned 0 entities where the last report had 5; waiting for the next refresh to confirm',
      lastRefresh: { status: 'held', entityCount: 0 },
    });

    // A second empty read agrees: the catalog really is empty now.
    const confirmed = await refresh();
    expect(confirmed.body).toMatchObject({
      status: 'succeeded',
      entityCount: 0,
    });
    expect((await get('/domains')).body.items).toEqual([]);
    const fresh = await get('/status');
    expect(fresh.body).toMatchObject({ stale: false, entityCount: 0 });
  });

  it('holds back a read of less than half the catalog, and serves a full one again at once', async () => {
    const { get, refresh, catalog } = await startBackend(organisation);
    const first = await get('/status');

    catalog.entities = organisation.slice(0, 2);
    expect((await refresh()).body).toMatchObject({ status: 'held' });
    expect((await get('/status')).body).toMatchObject({
      snapshotId: first.body.snapshotId,
      stale: true,
      staleReason:
        'The catalog returned 2 entities where the last report had 5; waiting for the next refresh to confirm',
    });

    // The next read disagrees with the held one (5 against 2): no
    // confirmation needed, it is a full read.
    catalog.entities = organisation;
    expect((await refresh()).body).toMatchObject({ status: 'succeeded' });
    expect((await get('/status')).body.stale).toBe(false);
  });

  it('answers 503 "waiting for the catalog" on a fresh install while the catalog is empty', async () => {
    const { get, refresh, catalog } = await startBackend([]);

    const domains = await get('/domains');
    expect(domains.status).toBe(503);
    expect(domains.headers['retry-after']).toBe('30');
    expect(domains.body.error.message).toBe(
      'Domain Atlas has no report yet; waiting for the catalog: The catalog has no entities yet',
    );
    const status = await get('/status');
    expect(status.status).toBe(503);
    expect(status.body.error.message).toMatch(/waiting for the catalog/);

    // Locations come first: the catalog has not read what they point to.
    catalog.entities = [
      entity('Location', 'examples', { type: 'url', target: 'all.yaml' }),
    ];
    const locations = await refresh();
    expect(locations.body).toMatchObject({
      status: 'held',
      reason:
        'The catalog has only Location entities so far (1); it has not read what they point to yet',
    });
    expect((await get('/domains')).status).toBe(503);

    catalog.entities = organisation;
    expect((await refresh()).body).toMatchObject({ status: 'succeeded' });
    const served = await get('/domains');
    expect(served.status).toBe(200);
    expect(served.body.items).toHaveLength(2);
  });
});
