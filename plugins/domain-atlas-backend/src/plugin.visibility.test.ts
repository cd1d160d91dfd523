import { join } from 'node:path';
import {
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import permissionPlugin from '@backstage/plugin-permission-backend';
import {
  AuthorizeResult,
  isPermission,
} from '@backstage/plugin-permission-common';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { HIDDEN_ENTITY } from '@domain-atlas/plugin-domain-atlas-common';
import request from 'supertest';
import { domainAtlasPlugin } from './plugin';

const RESTRICTED = 'domain-atlas.io/restricted';

/**
 * A conditional policy, as companies write them for confidential systems:
 * users read an entity labelled restricted only when they own it; service
 * callers (Domain Atlas's own catalog reads among them) read everything.
 */
const restrictedPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'restricted-policy',
  register(env) {
    env.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy({
          async handle(req, user) {
            if (
              user &&
              isPermission(req.permission, catalogEntityReadPermission)
            ) {
              return createCatalogConditionalDecision(req.permission, {
                anyOf: [
                  { not: catalogConditions.hasLabel({ label: RESTRICTED }) },
                  catalogConditions.isEntityOwner({
                    claims: user.info.ownershipEntityRefs,
                  }),
                ],
              });
            }
            return { result: AuthorizeResult.ALLOW };
          },
        });
      },
    });
  },
});

/**
 * Backstage's mock auth, except that a request a plugin makes on behalf of
 * a user arrives with that plugin as its actor, as real plugin tokens do:
 * the permission backend answers conditional decisions only to such
 * requests, never to a user directly.
 */
const onBehalfOfAuth = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }) {
    const auth = mockServices.auth({ pluginId: plugin.getId() });
    const authenticate = auth.authenticate.bind(auth);
    auth.authenticate = (async (token: string, options?: any) => {
      const credentials = await authenticate(token, options);
      const obo = token.startsWith('mock-service-token:')
        ? JSON.parse(token.slice('mock-service-token:'.length)).obo
        : undefined;
      return obo
        ? mockCredentials.user(obo, { actor: { subject: 'plugin' } })
        : credentials;
    }) as typeof auth.authenticate;
    return auth;
  },
});

// The demo organisation: its Payments domain and everything in it are
// labelled restricted and owned by group:default/payments-team.
const demoCatalog = join(__dirname, '../../../examples/all.yaml');
// Two more waivers: on a restricted entity, and on one with a hidden owner.
const waiverCatalog = join(__dirname, 'testing/restrictedWaivers.yaml');
const paymentsRefs = [
  'domain:default/payments',
  'system:default/payments',
  'component:default/payments-service',
  'component:default/payments-webhooks',
  'component:default/payments-reconciliation',
  'component:default/payments-contracts',
  'resource:default/payments-db',
  'api:default/payments-api',
  'api:default/payment-events',
];

/** The payments engineer is a member of the payments team. */
const teamMemberships = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => ({
    async getUserInfo(credentials: any) {
      const userEntityRef = credentials.principal.userEntityRef as string;
      return {
        userEntityRef,
        ownershipEntityRefs:
          userEntityRef === 'user:default/priya-sharma'
            ? [userEntityRef, 'group:default/payments-team']
            : [userEntityRef],
      };
    },
  }),
});

const outsider = mockCredentials.user('user:default/guest');
const paymentsEngineer = mockCredentials.user('user:default/priya-sharma');

describe('Domain Atlas under a conditional catalog permission policy', () => {
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];

  const get = (path: string, credentials = outsider) =>
    request(server)
      .get(`/api/domain-atlas${path}`)
      .set(
        'authorization',
        mockCredentials.user.header(
          (credentials.principal as { userEntityRef: string }).userEntityRef,
        ),
      );

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        permissionPlugin,
        restrictedPolicy,
        domainAtlasPlugin,
        permissionsServiceFactory,
        onBehalfOfAuth,
        httpAuthServiceFactory,
        teamMemberships,
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            catalog: {
              rules: [
                {
                  allow: [
                    'Location',
                    'Domain',
                    'System',
                    'Component',
                    'API',
                    'Resource',
                    'Group',
                    'User',
                  ],
                },
              ],
              locations: [
                { type: 'file', target: demoCatalog },
                { type: 'file', target: waiverCatalog },
              ],
              processingInterval: { seconds: 1 },
            },
            domainAtlas: {
              schedule: {
                frequency: { hours: 1 },
                timeout: { minutes: 5 },
                initialDelay: { hours: 1 },
              },
            },
          },
        }),
      ],
    });
    server = backend.server;

    // Wait until the catalog has processed the demo (122 entities), then
    // compute the report.
    for (let i = 0; i < 120; i++) {
      const response = await request(server)
        .get('/api/catalog/entities/by-query?limit=1')
        .set('authorization', mockCredentials.service.header());
      if (response.body.totalItems >= 100) break;
      await new Promise(resolve => setTimeout(resolve, 500));
    }
    await request(server)
      .post('/api/domain-atlas/refresh')
      .set('authorization', mockCredentials.service.header())
      .expect(200);
  }, 120_000);

  it('hides restricted entities from a user outside the owning team, in every route', async () => {
    const paths = [
      '/report',
      '/domains',
      '/teams',
      '/findings?limit=500',
      '/waivers',
      '/migration',
      '/isolation',
      '/contracts',
      '/domains/default/orders',
      '/contracts/default/orders-api-v2',
    ];
    for (const path of paths) {
      const response = await get(path).expect(200);
      const body = JSON.stringify(response.body);
      for (const ref of paymentsRefs) {
        expect({ path, found: body.includes(ref) }).toEqual({
          path,
          found: false,
        });
      }
    }
    const domains = (await get('/domains')).body.items.map(
      (d: { ref: string }) => d.ref,
    );
    expect(domains).toContain('domain:default/orders');
    expect(domains).not.toContain('domain:default/payments');

    // The restricted entities themselves are not found, as in the catalog.
    await get('/domains/default/payments').expect(404);
    await get('/contracts/default/payments-api').expect(404);
    await get('/entities/component/default/payments-service/findings').expect(
      404,
    );
  });

  it('names a restricted entity in a visible finding as an entity you cannot see', async () => {
    // Findings of the restricted payments domain are left out; findings of
    // other domains that name one of its entities (orders calling the
    // payments API, say) stay, naming it as an entity you cannot see.
    const findings = (await get('/findings?limit=500')).body.items as {
      entities: string[];
      message: string;
    }[];
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) {
      expect(finding.message).not.toMatch(
        /payments-(service|webhooks|reconciliation|contracts|db|api)\b/,
      );
    }
    const masked = findings.filter(f => f.entities.includes(HIDDEN_ENTITY));
    expect(masked.length).toBeGreaterThan(0);
    for (const finding of masked) {
      expect(finding.message).toContain(HIDDEN_ENTITY);
    }
  });

  it('lists the waivers the caller may see, without hidden owners and domains', async () => {
    // The fixture's entities may arrive after the demo's: analyse again
    // once they are in the catalog.
    for (let i = 0; i < 120; i++) {
      const response = await request(server)
        .get(
          '/api/catalog/entities/by-query?filter=metadata.name=partner-widget,metadata.name=settlement-export',
        )
        .set('authorization', mockCredentials.service.header());
      if (response.body.totalItems >= 2) break;
      await new Promise(resolve => setTimeout(resolve, 500));
    }
    await request(server)
      .post('/api/domain-atlas/refresh')
      .set('authorization', mockCredentials.service.header())
      .expect(200);

    const outsiders = (await get('/waivers').expect(200)).body.items as {
      entity: string;
    }[];
    expect(outsiders.map(w => w.entity)).toEqual([
      'component:default/catalog-reporting',
      'component:default/partner-widget',
      'component:default/search-indexer',
    ]);
    // Readable, but in the restricted payments domain and owned by a
    // team no user may read: neither is named.
    expect(outsiders[1]).toEqual({
      entity: 'component:default/partner-widget',
      domain: null,
      rule: 'independent-pipeline',
      reason: 'built and shipped by the partner',
      expired: false,
      findings: [],
    });
    const text = JSON.stringify(outsiders);
    expect(text).not.toContain('settlement-export');
    expect(text).not.toContain('fraud-squad');
    expect(text).not.toContain('payments');

    const team = (await get('/waivers', paymentsEngineer).expect(200)).body
      .items as { entity: string }[];
    expect(team.map(w => w.entity)).toEqual([
      'component:default/catalog-reporting',
      'component:default/partner-widget',
      'component:default/search-indexer',
      'component:default/settlement-export',
    ]);
    expect(team[1]).toEqual(
      expect.objectContaining({
        domain: 'domain:default/payments',
        findings: [
          'independent-pipeline:domain:default/payments:component:default/partner-widget',
        ],
      }),
    );
    expect(team[1]).not.toHaveProperty('owner');
    expect(team[3]).toEqual(
      expect.objectContaining({
        owner: 'group:default/payments-team',
        domain: 'domain:default/payments',
        until: '2099-12-31',
      }),
    );
  });

  it('shows the payments team its own restricted domain', async () => {
    const domains = (await get('/domains', paymentsEngineer)).body.items.map(
      (d: { ref: string }) => d.ref,
    );
    expect(domains).toContain('domain:default/payments');
    await get('/domains/default/payments', paymentsEngineer).expect(200);
  });

  it('serves a service caller with full read access everything', async () => {
    const response = await request(server)
      .get('/api/domain-atlas/domains')
      .set('authorization', mockCredentials.service.header())
      .expect(200);
    expect(response.body.items.map((d: { ref: string }) => d.ref)).toContain(
      'domain:default/payments',
    );
  });

  it('answers actions for a user outside the owning team without restricted entities', async () => {
    const invoke = (action: string, input: object) =>
      request(server)
        .post(
          `/api/domain-atlas/.backstage/actions/v1/actions/domain-atlas:${action}/invoke`,
        )
        .set('authorization', mockCredentials.user.header('user:default/guest'))
        .send(input);
    const results = [
      await invoke('who-owns', {
        entityRef: 'component:default/orders-service',
      }),
      await invoke('get-domain-contracts', {
        domainRef: 'domain:default/orders',
      }),
      await invoke('get-domain-findings', {
        domainRef: 'domain:default/platform',
      }),
      await invoke('get-failure-impact', {
        domainRef: 'domain:default/orders',
      }),
    ];
    for (const result of results) {
      expect(result.status).toBe(200);
      const body = JSON.stringify(result.body);
      for (const ref of paymentsRefs) {
        expect(body).not.toContain(ref);
      }
    }
    // A restricted entity is as unknown to the actions as to the routes.
    const hidden = await invoke('who-owns', {
      entityRef: 'component:default/payments-service',
    });
    expect(hidden.status).toBe(404);
    const hiddenDomain = await invoke('get-domain-findings', {
      domainRef: 'domain:default/payments',
    });
    expect(hiddenDomain.status).toBe(400);
    // It lists the domains the caller can see, and only those.
    const known = (hiddenDomain.body.error.message as string).split(
      'known domains:',
    )[1];
    expect(known).toContain('domain:default/orders');
    expect(known).not.toContain('domain:default/payments');
  });
});
