import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { domainAtlasPlugin } from './plugin';
import { changingCatalog } from './testing/testCatalog';

jest.setTimeout(60_000);

const user = mockCredentials.user.header();

const ordersApi = (version: string, operations: string[]) => `openapi: 3.0.3
info:
  title: Orders
  version: ${version}
paths:
${operations
  .map(
    path => `  ${path}:
    get:
      responses:
        '200': { description: OK }
`,
  )
  .join('')}`;

const entity = (
  kind: string,
  name: string,
  spec: object,
  annotations?: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, ...(annotations ? { annotations } : {}) },
  spec,
});

const catalogWith = (definition: string) => [
  entity('Group', 'orders-team', { type: 'team', children: [] }),
  entity('Domain', 'orders', { owner: 'orders-team' }),
  entity('Domain', 'checkout', { owner: 'orders-team' }),
  entity('System', 'orders-system', { owner: 'orders-team', domain: 'orders' }),
  entity('System', 'checkout-system', {
    owner: 'orders-team',
    domain: 'checkout',
  }),
  entity(
    'API',
    'orders-api-v2',
    {
      type: 'openapi',
      lifecycle: 'production',
      owner: 'orders-team',
      system: 'orders-system',
      definition,
    },
    { 'domain-atlas.io/contract': 'orders-api' },
  ),
  entity('Component', 'orders-service', {
    type: 'service',
    lifecycle: 'production',
    owner: 'orders-team',
    system: 'orders-system',
    providesApis: ['orders-api-v2'],
  }),
  entity(
    'Component',
    'checkout-web',
    {
      type: 'website',
      lifecycle: 'production',
      owner: 'orders-team',
      system: 'checkout-system',
      consumesApis: ['orders-api-v2'],
    },
    { 'domain-atlas.io/consumes-contracts': 'orders-api@^2' },
  ),
  entity(
    'Component',
    'mobile-app',
    {
      type: 'website',
      lifecycle: 'production',
      owner: 'orders-team',
      system: 'checkout-system',
    },
    { 'domain-atlas.io/consumes-contracts': 'orders-api@^1' },
  ),
];

async function startBackend(
  options: {
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    config?: object;
  } = {},
) {
  const catalog = changingCatalog(catalogWith(ordersApi('2.1.0', ['/orders'])));
  const { server } = await startTestBackend({
    features: [
      domainAtlasPlugin,
      catalog.factory,
      mockServices.rootConfig.factory({ data: options.config ?? {} }),
      ...(options.permission
        ? [mockServices.permissions.factory({ result: options.permission })]
        : []),
    ],
  });
  return { server, catalog: catalog.state };
}

/** The definition before the demo's breaking change: it also had /orders/{id}. */
const backfill = {
  domainAtlas: {
    contractHistory: {
      backfill: [
        {
          api: 'orders-api-v2',
          definition: ordersApi('2.0.0', ['/orders', '/orders/{id}']),
          seenAt: '2026-09-01',
        },
      ],
    },
  },
};

describe('domainAtlasPlugin contract routes', () => {
  it('lists contracts with consumers, unsatisfied pins and the latest classified change', async () => {
    const { server } = await startBackend({ config: backfill });

    const response = await request(server)
      .get('/api/domain-atlas/contracts')
      .set('Authorization', user);

    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([
      {
        ref: 'api:default/orders-api-v2',
        title: 'orders-api-v2',
        domain: 'domain:default/orders',
        type: 'openapi',
        version: '2.1.0',
        family: 'orders-api',
        lifecycle: 'production',
        consumerCount: 2,
        unsatisfiedPins: 1,
        latestChange: {
          classification: 'breaking',
          needsMajor: true,
          fromVersion: '2.0.0',
          toVersion: '2.1.0',
          at: expect.any(String),
        },
      },
    ]);
  });

  it('turns a recorded breaking change without a major bump into a finding', async () => {
    const { server } = await startBackend({ config: backfill });

    const response = await request(server)
      .get('/api/domain-atlas/findings?rule=breaking-change-needs-major')
      .set('Authorization', user);

    expect(response.body.items).toEqual([
      expect.objectContaining({
        rule: 'breaking-change-needs-major',
        severity: 'error',
        domain: 'domain:default/orders',
        entities: [
          'api:default/orders-api-v2',
          'component:default/checkout-web',
        ],
      }),
    ]);
  });

  it('answers one contract with its family, history and consumers, growing the history on each new definition', async () => {
    const { server, catalog } = await startBackend({ config: backfill });

    const first = await request(server)
      .get('/api/domain-atlas/contracts/default/orders-api-v2')
      .set('Authorization', user);
    expect(first.status).toBe(200);
    expect(first.body.family).toEqual([
      {
        ref: 'api:default/orders-api-v2',
        version: '2.1.0',
        lifecycle: 'production',
      },
    ]);
    expect(first.body.consumers).toEqual([
      {
        ref: 'component:default/checkout-web',
        domain: 'domain:default/checkout',
        consumesApi: true,
        pin: { range: '^2', satisfied: true },
      },
      {
        ref: 'component:default/mobile-app',
        domain: 'domain:default/checkout',
        consumesApi: false,
        pin: { range: '^1', satisfied: false },
      },
    ]);
    expect(first.body.history).toEqual([
      expect.objectContaining({
        version: '2.0.0',
        firstSeen: '2026-09-01T00:00:00.000Z',
        change: null,
      }),
      expect.objectContaining({
        version: '2.1.0',
        change: expect.objectContaining({
          classification: 'breaking',
          tool: 'api-smart-diff',
          changes: expect.arrayContaining([
            expect.objectContaining({
              class: 'breaking',
              message: '[Removed] operation GET /orders/{id}',
            }),
          ]),
        }),
      }),
    ]);

    // The provider ships 3.0.0 with a new path: recorded at the next refresh.
    catalog.entities = catalogWith(
      ordersApi('3.0.0', ['/orders', '/orders/search']),
    );
    const refresh = await request(server)
      .post('/api/domain-atlas/refresh')
      .set('Authorization', user);
    expect(refresh.status).toBe(200);
    const second = await request(server)
      .get('/api/domain-atlas/contracts/default/orders-api-v2')
      .set('Authorization', user);
    expect(second.body.history).toHaveLength(3);
    expect(second.body.history[2]).toMatchObject({
      version: '3.0.0',
      change: { classification: 'non-breaking', majorChanged: true },
    });
    const findings = await request(server)
      .get('/api/domain-atlas/findings?rule=breaking-change-needs-major')
      .set('Authorization', user);
    expect(findings.body.items).toEqual([]);
  });

  it('answers what a candidate definition would break', async () => {
    const { server } = await startBackend();

    const breaking = await request(server)
      .post('/api/domain-atlas/contracts/default/orders-api-v2/check')
      .set('Authorization', user)
      .send({ definition: ordersApi('2.2.0', ['/orders/search']) });

    expect(breaking.status).toBe(200);
    expect(breaking.body.diff).toMatchObject({
      fromVersion: '2.1.0',
      toVersion: '2.2.0',
      classification: 'breaking',
      needsMajor: true,
    });
    expect(breaking.body.breaks).toEqual([
      'component:default/checkout-web',
      'component:default/mobile-app',
    ]);
    expect(breaking.body.consumers[0].reasons).toEqual([
      expect.stringMatching(
        /^the definition has breaking changes: \[Removed\] operation GET \/orders/,
      ),
    ]);

    // Additive: only the consumer whose pin never accepted 2.x breaks.
    const additive = await request(server)
      .post('/api/domain-atlas/contracts/default/orders-api-v2/check')
      .set('Authorization', user)
      .send({ definition: ordersApi('2.2.0', ['/orders', '/orders/search']) });
    expect(additive.body.diff.classification).toBe('non-breaking');
    expect(additive.body.breaks).toEqual(['component:default/mobile-app']);
    expect(additive.body.consumers[1].reasons).toEqual([
      'its pin ^1 does not accept version 2.2.0',
    ]);
  });

  it('reports a malformed candidate in the answer, and rejects bad requests', async () => {
    const { server } = await startBackend();

    const malformed = await request(server)
      .post('/api/domain-atlas/contracts/default/orders-api-v2/check')
      .set('Authorization', user)
      .send({ definition: 'openapi: 3.0.3\ninfo: [broken' });
    expect(malformed.status).toBe(200);
    expect(malformed.body.diff).toMatchObject({
      classification: 'unclassified',
      problem: expect.stringMatching(/does not parse/),
    });
    // Nothing can be said about the candidate's changes; the consumer
    // whose pin never accepted 2.x is still named.
    expect(malformed.body.breaks).toEqual(['component:default/mobile-app']);

    const empty = await request(server)
      .post('/api/domain-atlas/contracts/default/orders-api-v2/check')
      .set('Authorization', user)
      .send({});
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/definition/);

    const unknown = await request(server)
      .get('/api/domain-atlas/contracts/default/nope')
      .set('Authorization', user);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(
      /knows no API api:default\/nope/,
    );
  });

  it('reports a malformed definition as a finding even when its version reads', async () => {
    const { server, catalog } = await startBackend();
    // The first report records the valid 2.1.0 definition.
    await request(server)
      .get('/api/domain-atlas/contracts')
      .set('Authorization', user);
    catalog.entities = catalogWith(
      'openapi: 3.0.3\ninfo:\n  title: Orders\n  version: 2.2.0\npaths: [unclosed\n',
    );
    await request(server)
      .post('/api/domain-atlas/refresh')
      .set('Authorization', user);

    const findings = await request(server)
      .get('/api/domain-atlas/findings?rule=malformed-definition')
      .set('Authorization', user);
    expect(findings.body.items).toEqual([
      expect.objectContaining({
        entities: ['api:default/orders-api-v2'],
        message: expect.stringMatching(/does not parse/),
      }),
    ]);
    const detail = await request(server)
      .get('/api/domain-atlas/contracts/default/orders-api-v2')
      .set('Authorization', user);
    expect(detail.body.history[1].change).toMatchObject({
      classification: 'unclassified',
      problem: expect.stringMatching(/does not parse/),
    });

    // The next refresh takes the unchanged definition's outcome from the
    // definition cache and still reports it; once it is mended, the
    // finding goes.
    const malformedAfterRefresh = async () => {
      await request(server)
        .post('/api/domain-atlas/refresh')
        .set('Authorization', user);
      const after = await request(server)
        .get('/api/domain-atlas/findings?rule=malformed-definition')
        .set('Authorization', user);
      return after.body.items.map((f: { entities: string[] }) => f.entities);
    };
    expect(await malformedAfterRefresh()).toEqual([
      ['api:default/orders-api-v2'],
    ]);
    catalog.entities = catalogWith(
      'openapi: 3.0.3\ninfo:\n  title: Orders\n  version: 2.2.0\npaths: {}\n',
    );
    expect(await malformedAfterRefresh()).toEqual([]);
  });

  it('guards the contract routes with the read permission', async () => {
    const { server } = await startBackend({
      permission: AuthorizeResult.DENY,
    });
    for (const call of [
      request(server).get('/api/domain-atlas/contracts'),
      request(server).get('/api/domain-atlas/contracts/default/orders-api-v2'),
      request(server)
        .post('/api/domain-atlas/contracts/default/orders-api-v2/check')
        .send({ definition: 'x' }),
    ]) {
      const response = await call.set('Authorization', user);
      expect(response.status).toBe(403);
    }
  });
});
