import {
  mockServices,
  TestDatabases,
  TestDatabaseId,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  KnexContractRevisionStore,
  KnexDomainAtlasStore,
} from '../../database';
import { ContractHistory } from './ContractHistory';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const openApi = (version: string, withDelete: boolean) => `openapi: 3.0.3
info:
  title: Orders
  version: ${version}
paths:
  /orders:
    get:
      responses:
        '200': { description: Orders }
${
  withDelete
    ? `  /orders/{id}:
    delete:
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      responses:
        '204': { description: Cancelled }
`
    : ''
}`;

const api = (name: string, definition: string, type = 'openapi'): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'API',
  metadata: { name },
  spec: { type, lifecycle: 'production', owner: 'team', definition },
});

const day = (n: number) => new Date(Date.UTC(2026, 10, n, 12));

async function setup(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  await KnexDomainAtlasStore.create(mockServices.database({ knex }));
  const store = new KnexContractRevisionStore(knex);
  const history = (backfill = []) =>
    new ContractHistory({
      store,
      logger: mockServices.logger.mock(),
      backfill,
      maxDefinitionSize: 1024 * 1024,
    });
  return { store, history };
}

describe.each(databases.eachSupportedId())('ContractHistory on %p', id => {
  it('records each distinct definition once and classifies each change', async () => {
    const { store, history } = await setup(id);
    const contracts = history();
    const events = api(
      'order-events',
      'asyncapi: 2.6.0\ninfo: { title: Events, version: 1.0.0 }\nchannels: {}\n',
      'asyncapi',
    );

    // First refresh: one revision per API, nothing to compare yet.
    expect(
      await contracts.record(
        [api('orders-api', openApi('2.0.0', true)), events],
        day(1),
      ),
    ).toEqual([]);
    // Unchanged definitions: no new revision, last seen moves on.
    await contracts.record(
      [api('orders-api', openApi('2.0.0', true)), events],
      day(2),
    );
    // The operation is removed in a minor release: breaking.
    const changes = await contracts.record(
      [api('orders-api', openApi('2.1.0', false)), events],
      day(3),
    );
    expect(changes).toEqual([
      {
        api: 'api:default/orders-api',
        fromVersion: '2.0.0',
        toVersion: '2.1.0',
        breaking: true,
      },
    ]);

    const revisions = await store.getRevisions('api:default/orders-api');
    expect(
      revisions.map(r => ({
        version: r.version,
        firstSeen: r.firstSeen.toISOString(),
        lastSeen: r.lastSeen.toISOString(),
        classification: r.change?.classification ?? null,
        needsMajor: r.change?.needsMajor ?? null,
      })),
    ).toEqual([
      {
        version: '2.0.0',
        firstSeen: day(1).toISOString(),
        lastSeen: day(2).toISOString(),
        classification: null,
        needsMajor: null,
      },
      {
        version: '2.1.0',
        firstSeen: day(3).toISOString(),
        lastSeen: day(3).toISOString(),
        classification: 'breaking',
        needsMajor: true,
      },
    ]);
    expect(revisions[1].change?.changes).toContainEqual(
      expect.objectContaining({
        class: 'breaking',
        message: '[Removed] operation DELETE /orders/{id}',
      }),
    );
    expect(await store.getDefinition(revisions[1].id)).toBe(
      openApi('2.1.0', false),
    );
    expect(await store.getRevisions('api:default/order-events')).toHaveLength(
      1,
    );

    // The change stays the API's latest until the next definition.
    expect(
      await contracts.record(
        [api('orders-api', openApi('2.1.0', false)), events],
        day(4),
      ),
    ).toEqual([expect.objectContaining({ breaking: true })]);

    // Going back to the old definition is a new revision again, non-breaking.
    const reverted = await contracts.record(
      [api('orders-api', openApi('2.2.0', true)), events],
      day(5),
    );
    expect(reverted).toEqual([
      expect.objectContaining({ fromVersion: '2.1.0', breaking: false }),
    ]);
    expect(await store.getRevisions('api:default/orders-api')).toHaveLength(3);
  });

  it('starts an API history with a backfilled definition', async () => {
    const { store, history } = await setup(id);
    const contracts = history([
      {
        api: 'api:default/orders-api',
        definition: openApi('2.0.0', true),
        seenAt: day(1),
      },
      // Unknown to the catalog: ignored.
      { api: 'api:default/gone', definition: 'x', seenAt: day(1) },
    ] as never);
    const changes = await contracts.record(
      [api('orders-api', openApi('2.1.0', false))],
      day(10),
    );
    expect(changes).toEqual([
      expect.objectContaining({ fromVersion: '2.0.0', breaking: true }),
    ]);
    const revisions = await store.getRevisions('api:default/orders-api');
    expect(revisions.map(r => r.firstSeen.toISOString())).toEqual([
      day(1).toISOString(),
      day(10).toISOString(),
    ]);
    expect(await store.getRevisions('api:default/gone')).toEqual([]);

    // Once the API has a history, the backfill is not applied again.
    await contracts.record(
      [api('orders-api', openApi('2.1.0', false))],
      day(11),
    );
    expect(await store.getRevisions('api:default/orders-api')).toHaveLength(2);
  });

  it('records a new definition once when two instances refresh together', async () => {
    const { store, history } = await setup(id);
    await history().record([api('orders-api', openApi('2.0.0', true))], day(1));
    await Promise.all([
      history().record([api('orders-api', openApi('2.1.0', false))], day(2)),
      history().record([api('orders-api', openApi('2.1.0', false))], day(2)),
    ]);
    expect(await store.getRevisions('api:default/orders-api')).toHaveLength(2);
  });

  it('records versions and types of any length (catalog data is unbounded)', async () => {
    const { store, history } = await setup(id);
    const longVersion = `1.0.0-${'x'.repeat(400)}`;
    const longType = `openapi${'-'.repeat(300)}`;
    await history().record(
      [
        api('orders-api', openApi(longVersion, true)),
        api('odd-api', 'anything', longType),
      ],
      day(1),
    );
    const [orders] = await store.getRevisions('api:default/orders-api');
    expect(orders.version).toBe(longVersion);
    const [odd] = await store.getRevisions('api:default/odd-api');
    expect(odd.type).toBe(longType);
  });

  it('keeps malformed definitions with an unclassified change instead of failing', async () => {
    const { store, history } = await setup(id);
    const contracts = history();
    await contracts.record([api('orders-api', openApi('2.0.0', true))], day(1));
    const changes = await contracts.record(
      [api('orders-api', 'openapi: 3.0.3\ninfo: [broken')],
      day(2),
    );
    expect(changes).toEqual([expect.objectContaining({ breaking: false })]);
    const [, broken] = await store.getRevisions('api:default/orders-api');
    expect(broken.change).toMatchObject({
      classification: 'unclassified',
      problem: expect.stringMatching(/does not parse/),
    });
  });
});
