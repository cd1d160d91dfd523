import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { domainAtlasPlugin } from './plugin';

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'orders-team', title: 'Orders Team' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Domain',
    metadata: {
      name: 'orders',
      title: 'Orders',
      annotations: { 'domain-atlas.io/migration-phase': '1' },
    },
    spec: { owner: 'orders-team' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Domain',
    metadata: { name: 'coupons' },
    spec: {},
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'orders-system' },
    spec: { owner: 'orders-team', domain: 'orders' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'orders-service' },
    spec: {
      type: 'service',
      owner: 'orders-team',
      lifecycle: 'production',
      system: 'orders-system',
    },
  },
];

const user = mockCredentials.user.header();

/** A catalog that can be taken down, to test a catalog outage. */
function outageableCatalog(catalogEntities: Entity[] = entities) {
  const catalog = catalogServiceMock({ entities: catalogEntities });
  const state = { down: false };
  const realStream = catalog.streamEntities.bind(catalog);
  catalog.streamEntities = (req, opts) => {
    if (state.down) {
      // eslint-disable-next-line require-yield
      return (async function* failing() {
        throw new Error('connect ECONNREFUSED 127.0.0.1:7007');
      })();
    }
    return realStream(req, opts);
  };
  const factory = createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => catalog,
  });
  return { factory, state };
}

async function startBackend(
  options: {
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    config?: object;
    entities?: Entity[];
  } = {},
) {
  const catalog = outageableCatalog(options.entities);
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

describe('domainAtlasPlugin', () => {
  it('lists the domains of the catalog with owner, phase and health', async () => {
    const { server } = await startBackend();

    const response = await request(server)
      .get('/api/domain-atlas/domains')
      .set('Authorization', user);

    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([
      expect.objectContaining({
        ref: 'domain:default/coupons',
        title: 'coupons',
        owner: null,
      }),
      expect.objectContaining({
        ref: 'domain:default/orders',
        title: 'Orders',
        owner: 'group:default/orders-team',
        phase: expect.objectContaining({
          evidence: expect.any(Number),
          declared: 1,
        }),
        score: expect.any(Number),
      }),
    ]);
    // A domain without an owner breaks domain-owned, so scores differ.
    const [coupons, orders] = response.body.items;
    expect(coupons.findingCounts.error).toBeGreaterThan(0);
    expect(coupons.score).toBeLessThan(orders.score);
  });

  it('answers one domain with its members, findings and history', async () => {
    const { server } = await startBackend();

    const found = await request(server)
      .get('/api/domain-atlas/domains/default/orders')
      .set('Authorization', user);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({
      ref: 'domain:default/orders',
      owner: 'group:default/orders-team',
      members: {
        systems: ['system:default/orders-system'],
        components: ['component:default/orders-service'],
      },
      isolation: { blocks: [], dependsOn: [] },
    });
    expect(found.body.history).toHaveLength(1);

    const coupons = await request(server)
      .get('/api/domain-atlas/domains/default/coupons')
      .set('Authorization', user);
    expect(coupons.body.findings).toEqual([
      expect.objectContaining({ rule: 'domain-owned', severity: 'error' }),
      expect.objectContaining({ rule: 'empty-domain', severity: 'info' }),
    ]);
  });

  it('answers 404 for a domain or team that does not exist', async () => {
    const { server } = await startBackend();

    const domain = await request(server)
      .get('/api/domain-atlas/domains/default/nope')
      .set('Authorization', user);
    expect(domain.status).toBe(404);
    expect(domain.body.error.message).toBe(
      'No domain domain:default/nope in the catalog',
    );

    const team = await request(server)
      .get('/api/domain-atlas/teams/default/nope')
      .set('Authorization', user);
    expect(team.status).toBe(404);
  });

  it('answers what a team owns', async () => {
    const { server } = await startBackend();
    const response = await request(server)
      .get('/api/domain-atlas/teams/default/orders-team')
      .set('Authorization', user);
    expect(response.status).toBe(200);
    expect(response.body.domains).toEqual([
      expect.objectContaining({
        ref: 'domain:default/orders',
        via: 'direct',
        title: 'Orders',
      }),
    ]);
  });

  it('pages and filters findings, and rejects bad filters with 400', async () => {
    const { server } = await startBackend();

    const errors = await request(server)
      .get('/api/domain-atlas/findings?severity=error&limit=1')
      .set('Authorization', user);
    expect(errors.status).toBe(200);
    expect(errors.body).toMatchObject({ offset: 0, limit: 1 });
    expect(errors.body.items).toHaveLength(1);
    expect(errors.body.items[0].severity).toBe('error');
    expect(errors.body.totalCount).toBeGreaterThanOrEqual(1);

    const badSeverity = await request(server)
      .get('/api/domain-atlas/findings?severity=fatal')
      .set('Authorization', user);
    expect(badSeverity.status).toBe(400);
    expect(badSeverity.body.error.message).toMatch(/^Invalid query: severity/);

    const badPage = await request(server)
      .get('/api/domain-atlas/findings?limit=0')
      .set('Authorization', user);
    expect(badPage.status).toBe(400);
    expect(badPage.body.error.message).toMatch(/limit/);

    const unknownParam = await request(server)
      .get('/api/domain-atlas/findings?sevrity=error')
      .set('Authorization', user);
    expect(unknownParam.status).toBe(400);
  });

  it("answers an entity page's findings, and 404 for an unknown entity", async () => {
    const { server } = await startBackend();
    const known = await request(server)
      .get('/api/domain-atlas/entities/domain/default/coupons/findings')
      .set('Authorization', user);
    expect(known.status).toBe(200);
    expect(known.body).toMatchObject({
      entity: 'domain:default/coupons',
      domain: 'domain:default/coupons',
    });
    expect(known.body.findings.map((f: any) => f.rule)).toEqual([
      'domain-owned',
      'empty-domain',
    ]);

    const component = await request(server)
      .get(
        '/api/domain-atlas/entities/component/default/orders-service/findings',
      )
      .set('Authorization', user);
    expect(component.body.domain).toBe('domain:default/orders');

    const unknown = await request(server)
      .get('/api/domain-atlas/entities/component/default/ghost/findings')
      .set('Authorization', user);
    expect(unknown.status).toBe(404);
  });

  it('serves the migration board, the isolation matrix and the whole report', async () => {
    const { server } = await startBackend();

    const migration = await request(server)
      .get('/api/domain-atlas/migration')
      .set('Authorization', user);
    expect(migration.status).toBe(200);
    const phased = Object.values(migration.body.phases).flat();
    expect(phased.sort()).toEqual([
      'domain:default/coupons',
      'domain:default/orders',
    ]);
    expect(migration.body.burnUp).toHaveLength(1);

    const isolation = await request(server)
      .get('/api/domain-atlas/isolation')
      .set('Authorization', user);
    expect(isolation.body).toMatchObject({
      entries: [],
      domains: expect.any(Array),
    });

    const report = await request(server)
      .get('/api/domain-atlas/report')
      .set('Authorization', user);
    expect(report.body.status).toMatchObject({
      stale: false,
      entityCount: entities.length,
    });
    expect(report.body.report.schemaVersion).toBe(1);
  });

  it('grows the history with each refresh', async () => {
    const { server } = await startBackend();
    await request(server)
      .get('/api/domain-atlas/domains')
      .set('Authorization', user);

    const refreshed = await request(server)
      .post('/api/domain-atlas/refresh')
      .set('Authorization', user);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toMatchObject({
      entityCount: entities.length,
      domainCount: 2,
    });

    const detail = await request(server)
      .get('/api/domain-atlas/domains/default/orders')
      .set('Authorization', user);
    expect(detail.body.history).toHaveLength(2);
  });

  it('keeps serving the last good snapshot while the catalog is down, and says how stale it is', async () => {
    const { server, catalog } = await startBackend();
    const first = await request(server)
      .get('/api/domain-atlas/status')
      .set('Authorization', user);
    expect(first.body.stale).toBe(false);

    catalog.down = true;
    const failed = await request(server)
      .post('/api/domain-atlas/refresh')
      .set('Authorization', user);
    expect(failed.status).toBe(503);
    expect(failed.body.error.message).toMatch(/ECONNREFUSED/);

    const domains = await request(server)
      .get('/api/domain-atlas/domains')
      .set('Authorization', user);
    expect(domains.status).toBe(200);
    expect(domains.body.items).toHaveLength(2);
    const stale = await request(server)
      .get('/api/domain-atlas/status')
      .set('Authorization', user);
    expect(stale.body).toMatchObject({
      snapshotId: first.body.snapshotId,
      stale: true,
      lastRefresh: {
        status: 'failed',
        error: expect.stringMatching(/ECONNREFUSED/),
      },
    });

    catalog.down = false;
    const recovered = await request(server)
      .post('/api/domain-atlas/refresh')
      .set('Authorization', user);
    expect(recovered.status).toBe(200);
    const fresh = await request(server)
      .get('/api/domain-atlas/status')
      .set('Authorization', user);
    expect(fresh.body.stale).toBe(false);
    expect(fresh.body.snapshotId).toBeGreaterThan(first.body.snapshotId);
  });

  it('answers 503 with the reason when there is no report and the catalog is down', async () => {
    const { server, catalog } = await startBackend();
    catalog.down = true;
    const response = await request(server)
      .get('/api/domain-atlas/domains')
      .set('Authorization', user);
    expect(response.status).toBe(503);
    expect(response.body.error.message).toMatch(/no report yet.*ECONNREFUSED/);
  });

  it('turns malformed entities into findings instead of failing the refresh', async () => {
    const malformed = [
      ...entities,
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'broken-service',
          annotations: { 'domain-atlas.io/exemptions': 42 },
        },
        spec: { type: 'service', owner: 7, system: ['orders-system'] },
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Domain',
        metadata: {
          name: 'ghost',
          annotations: { 'domain-atlas.io/migration-phase': 'seven' },
        },
        spec: { owner: 'orders-team', subdomainOf: 'ghost' },
      },
    ] as unknown as Entity[];
    const { server } = await startBackend({ entities: malformed });

    const refreshed = await request(server)
      .post('/api/domain-atlas/refresh')
      .set('Authorization', user);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.entityCount).toBe(malformed.length);

    const ghost = await request(server)
      .get('/api/domain-atlas/entities/domain/default/ghost/findings')
      .set('Authorization', user);
    expect(ghost.body.findings.map((f: any) => f.rule)).toEqual(
      expect.arrayContaining(['invalid-annotation']),
    );
    const broken = await request(server)
      .get(
        '/api/domain-atlas/entities/component/default/broken-service/findings',
      )
      .set('Authorization', user);
    expect(broken.status).toBe(200);
    expect(broken.body.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          rule: 'invalid-reference',
          message:
            'spec.owner of component:default/broken-service is 7, not an entity ref',
        }),
        expect.objectContaining({ rule: 'invalid-annotation' }),
      ]),
    );
  });

  it('refuses requests without credentials', async () => {
    const { server } = await startBackend();
    const response = await request(server)
      .get('/api/domain-atlas/domains')
      .set('Authorization', mockCredentials.none.header());
    expect(response.status).toBe(401);
  });

  it('answers 403 when the permission policy denies', async () => {
    const { server } = await startBackend({ permission: AuthorizeResult.DENY });
    const read = await request(server)
      .get('/api/domain-atlas/domains')
      .set('Authorization', user);
    expect(read.status).toBe(403);
    expect(read.body.error.message).toBe(
      'Not allowed: domain-atlas.report.read',
    );
    const refresh = await request(server)
      .post('/api/domain-atlas/refresh')
      .set('Authorization', user);
    expect(refresh.status).toBe(403);
    expect(refresh.body.error.message).toBe(
      'Not allowed: domain-atlas.refresh',
    );
  });

  it('fails start-up on invalid configuration, naming the key', async () => {
    await expect(
      startBackend({
        config: {
          domainAtlas: { rules: { 'own-datastore': { severity: 'fatal' } } },
        },
      }),
    ).rejects.toThrow(
      "Invalid Domain Atlas configuration at 'domainAtlas.rules.own-datastore.severity': 'fatal' is not one of error, warning, info",
    );
    await expect(
      startBackend({
        config: {
          domainAtlas: { rules: { 'no-such-rule': { enabled: false } } },
        },
      }),
    ).rejects.toThrow(/'domainAtlas.rules.no-such-rule': no rule has this id/);
  });

  it('applies rule configuration from app-config', async () => {
    const { server } = await startBackend({
      config: {
        domainAtlas: { rules: { 'domain-owned': { severity: 'warning' } } },
      },
    });
    const response = await request(server)
      .get('/api/domain-atlas/findings?rule=domain-owned')
      .set('Authorization', user);
    expect(response.body.items.map((f: any) => f.severity)).toEqual([
      'warning',
    ]);
  });

  it('answers the ownership matrix, marking domains with owners outside the tree', async () => {
    const { server } = await startBackend({
      entities: [
        ...entities,
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Group',
          metadata: { name: 'checkout-squad' },
          spec: { type: 'squad', parent: 'orders-team', children: [] },
        },
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Group',
          metadata: { name: 'growth-team' },
          spec: { type: 'team', children: [] },
        },
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Domain',
          metadata: { name: 'checkout' },
          spec: { owner: 'checkout-squad' },
        },
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'growth-widget' },
          spec: {
            type: 'website',
            owner: 'growth-team',
            lifecycle: 'production',
            system: 'orders-system',
          },
        },
      ],
    });

    const response = await request(server)
      .get('/api/domain-atlas/teams')
      .set('Authorization', user);

    expect(response.status).toBe(200);
    const ordersTeam = response.body.teams.find(
      (t: any) => t.ref === 'group:default/orders-team',
    );
    expect(ordersTeam.domains).toEqual([
      {
        ref: 'domain:default/checkout',
        via: 'sub-team',
        through: 'group:default/checkout-squad',
      },
      { ref: 'domain:default/orders', via: 'direct' },
    ]);
    const byRef = Object.fromEntries(
      response.body.domains.map((d: any) => [d.ref, d]),
    );
    expect(byRef['domain:default/orders']).toMatchObject({
      title: 'Orders',
      owner: 'group:default/orders-team',
      sharedWith: ['group:default/growth-team'],
      singleOwnerFindings: [expect.stringMatching(/^single-owner:/)],
    });
    expect(byRef['domain:default/checkout'].sharedWith).toEqual([]);
  });

  it('lists the rules with their principle and configuration', async () => {
    const { server } = await startBackend({
      config: {
        domainAtlas: { rules: { 'repo-per-service': { enabled: false } } },
      },
    });
    const response = await request(server)
      .get('/api/domain-atlas/rules')
      .set('Authorization', user);

    expect(response.status).toBe(200);
    expect(response.body.items).toContainEqual(
      expect.objectContaining({
        id: 'single-owner',
        principle: 'No shared ownership',
        severity: 'error',
        enabled: true,
      }),
    );
    expect(response.body.items).toContainEqual(
      expect.objectContaining({ id: 'repo-per-service', enabled: false }),
    );

    const isolation = await request(server)
      .get('/api/domain-atlas/isolation')
      .set('Authorization', user);
    expect(isolation.body.titles).toEqual({
      'domain:default/coupons': 'coupons',
      'domain:default/orders': 'Orders',
    });
  });

  it('lists the waivers: until when, days left, and the ones that waive nothing', async () => {
    const waived = entities.map(entity =>
      entity.metadata.name === 'orders-service'
        ? {
            ...entity,
            metadata: {
              ...entity.metadata,
              annotations: {
                'domain-atlas.io/exemptions':
                  'independent-pipeline: deploys with the monolith (until 2099-12-31); single-owner: old reorg (until 2001-01-01)',
              },
            },
          }
        : entity,
    );
    const { server } = await startBackend({ entities: waived });

    const response = await request(server)
      .get('/api/domain-atlas/waivers')
      .set('Authorization', user);
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([
      {
        entity: 'component:default/orders-service',
        owner: 'group:default/orders-team',
        domain: 'domain:default/orders',
        rule: 'independent-pipeline',
        reason: 'deploys with the monolith',
        until: '2099-12-31',
        daysLeft: expect.any(Number),
        expired: false,
        findings: [
          'independent-pipeline:domain:default/orders:component:default/orders-service',
        ],
      },
      {
        entity: 'component:default/orders-service',
        owner: 'group:default/orders-team',
        domain: 'domain:default/orders',
        rule: 'single-owner',
        reason: 'old reorg',
        until: '2001-01-01',
        daysLeft: expect.any(Number),
        expired: true,
        unused: 'no-finding',
        findings: [],
      },
    ]);
    // The backend analyses as of the refresh: days left from today.
    expect(response.body.items[0].daysLeft).toBeGreaterThan(20_000);
    expect(response.body.items[1].daysLeft).toBeLessThan(-9_000);

    const findings = await request(server)
      .get('/api/domain-atlas/findings?domain=domain:default/orders')
      .set('Authorization', user);
    expect(findings.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          rule: 'independent-pipeline',
          waived: true,
          waiver: 'deploys with the monolith',
          waiverUntil: '2099-12-31',
        }),
        expect.objectContaining({
          rule: 'unused-exemption',
          severity: 'info',
          entities: ['component:default/orders-service'],
        }),
      ]),
    );
  });

  it('guards the teams, rules and waivers routes with the read permission', async () => {
    const { server } = await startBackend({ permission: AuthorizeResult.DENY });
    for (const path of ['/teams', '/rules', '/waivers']) {
      const response = await request(server)
        .get(`/api/domain-atlas${path}`)
        .set('Authorization', user);
      expect(response.status).toBe(403);
    }
  });
});
