import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { Entity } from '@backstage/catalog-model';
import { analyze } from '@domain-atlas/plugin-domain-atlas-common';
import {
  KnexContractRevisionStore,
  KnexDomainAtlasStore,
  Snapshot,
} from '../database';
import { ContractHistory } from '../services/ContractHistory';
import { ContractService } from '../services/ContractService';
import { redactReport } from '../services/Visibility';
import { registerActions } from './registerActions';

const entity = (kind: string, name: string, spec: object): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name },
  spec,
});

const paymentsApi = (version: number) =>
  entity('API', 'payments-api', {
    type: 'grpc',
    lifecycle: 'production',
    owner: 'payments-team',
    system: 'payments-system',
    definition: `syntax = "proto3";\npackage acme.payments.v${version};\n`,
  });

// checkout calls the payments gRPC API (blocked when payments is down) and
// shipping listens to payments events (only delayed).
const entities = [
  entity('Group', 'payments-team', { type: 'team', children: [] }),
  entity('Group', 'checkout-team', { type: 'team', children: [] }),
  entity('Domain', 'payments', { owner: 'payments-team' }),
  entity('Domain', 'checkout', { owner: 'checkout-team' }),
  entity('Domain', 'shipping', { owner: 'checkout-team' }),
  entity('System', 'payments-system', {
    owner: 'payments-team',
    domain: 'payments',
  }),
  entity('System', 'checkout-system', {
    owner: 'checkout-team',
    domain: 'checkout',
  }),
  entity('System', 'shipping-system', {
    owner: 'checkout-team',
    domain: 'shipping',
  }),
  paymentsApi(2),
  entity('API', 'payment-events', {
    type: 'asyncapi',
    lifecycle: 'production',
    owner: 'payments-team',
    system: 'payments-system',
    definition:
      'asyncapi: 2.6.0\ninfo: { title: payment events, version: 1.2.0 }\nchannels: {}\n',
  }),
  entity('Component', 'payments-service', {
    type: 'service',
    lifecycle: 'production',
    owner: 'payments-team',
    system: 'payments-system',
    providesApis: ['payments-api', 'payment-events'],
  }),
  entity('Component', 'checkout-service', {
    type: 'service',
    lifecycle: 'production',
    owner: 'checkout-team',
    system: 'checkout-system',
    consumesApis: ['payments-api'],
  }),
  entity('Component', 'shipping-service', {
    type: 'service',
    lifecycle: 'production',
    owner: 'checkout-team',
    system: 'shipping-system',
    consumesApis: ['payment-events'],
  }),
];

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

/**
 * The actions over a definition history: the catalog as it was at each
 * refresh, oldest first. The report is the newest catalog's.
 */
async function setupWithHistory(refreshes: Entity[][] = [entities]) {
  const knex = await databases.init('SQLITE_3');
  await KnexDomainAtlasStore.create(mockServices.database({ knex }));
  const store = new KnexContractRevisionStore(knex);
  const history = new ContractHistory({
    store,
    logger: mockServices.logger.mock(),
    maxDefinitionSize: 1024 * 1024,
  });
  for (const [day, catalog] of refreshes.entries()) {
    await history.record(catalog, new Date(Date.UTC(2026, 10, 20 + day)));
  }
  return setup(
    new ContractService({ store, maxDefinitionSize: 1024 * 1024 }),
    refreshes[refreshes.length - 1],
  );
}

/** The outsider may not read the payments API nor the checkout service. */
const outsider = mockCredentials.user('user:default/outsider');
const hiddenFromOutsider = new Set([
  'api:default/payments-api',
  'component:default/checkout-service',
]);

function setup(contracts?: ContractService, catalog: Entity[] = entities) {
  const actionsRegistry = actionsRegistryServiceMock();
  const snapshot: Snapshot = {
    id: 1,
    createdAt: new Date(),
    entityCount: catalog.length,
    report: analyze(catalog, { now: '2026-11-21T00:00:00Z' }),
  };
  const isOutsider = (credentials: BackstageCredentials) =>
    (credentials.principal as { userEntityRef?: string }).userEntityRef ===
    'user:default/outsider';
  registerActions({
    actionsRegistry,
    reports: {
      // As VisibleReports answers: the outsider gets a redacted copy.
      forCaller: async credentials => {
        if (!isOutsider(credentials)) {
          return { snapshot, report: snapshot.report, canSee: () => true };
        }
        const canSee = (ref: string) => !hiddenFromOutsider.has(ref);
        return {
          snapshot,
          report: redactReport(snapshot.report, canSee),
          canSee,
        };
      },
    },
    contracts: contracts ?? {
      check: async () => {
        throw new Error('no contract history in this test');
      },
      find: async () => {
        throw new Error('no contract history in this test');
      },
    },
  });
  return actionsRegistry;
}

describe('Domain Atlas actions', () => {
  it('answers who owns an entity, by its domain', async () => {
    const result = await setup().invoke({
      id: 'test:who-owns',
      input: { entityRef: 'component:default/checkout-service' },
    });
    expect(result.output).toEqual({
      entity: 'component:default/checkout-service',
      domain: 'domain:default/checkout',
      domainTitle: 'checkout',
      owner: 'group:default/checkout-team',
    });
  });

  it('answers what a domain provides and consumes', async () => {
    const actions = setup();
    const payments = await actions.invoke({
      id: 'test:get-domain-contracts',
      input: { domainRef: 'payments' },
    });
    expect(payments.output).toMatchObject({
      domain: 'domain:default/payments',
      provides: [
        {
          ref: 'api:default/payment-events',
          version: '1.2.0',
          consumers: ['component:default/shipping-service'],
        },
        {
          ref: 'api:default/payments-api',
          type: 'grpc',
          version: '2',
          consumers: ['component:default/checkout-service'],
        },
      ],
      consumes: [],
    });
    const checkout = await actions.invoke({
      id: 'test:get-domain-contracts',
      input: { domainRef: 'domain:default/checkout' },
    });
    expect(checkout.output).toMatchObject({
      provides: [],
      consumes: [
        {
          ref: 'api:default/payments-api',
          providerDomain: 'domain:default/payments',
        },
      ],
    });
  });

  it("lists a domain's findings", async () => {
    const result = await setup().invoke({
      id: 'test:get-domain-findings',
      input: { domainRef: 'domain:default/checkout' },
    });
    expect(result.output).toMatchObject({
      domain: 'domain:default/checkout',
      findings: expect.arrayContaining([
        expect.objectContaining({
          rule: 'events-between-domains',
          entities: expect.arrayContaining([
            'component:default/checkout-service',
            'api:default/payments-api',
          ]),
        }),
      ]),
    });
  });

  it('answers what is blocked and what is delayed when a domain is down', async () => {
    const result = await setup().invoke({
      id: 'test:get-failure-impact',
      input: { domainRef: 'domain:default/payments' },
    });
    expect(result.output).toEqual({
      down: 'domain:default/payments',
      blocked: [
        {
          domain: 'domain:default/checkout',
          path: ['domain:default/payments', 'domain:default/checkout'],
        },
      ],
      delayed: [
        {
          domain: 'domain:default/shipping',
          path: ['domain:default/payments', 'domain:default/shipping'],
        },
      ],
    });
  });

  it('explains an unknown domain instead of failing obscurely', async () => {
    await expect(
      setup().invoke({
        id: 'test:get-failure-impact',
        input: { domainRef: 'domain:default/nope' },
      }),
    ).rejects.toThrow(
      /No domain domain:default\/nope; known domains: domain:default\/checkout/,
    );
  });

  it('answers what a candidate definition would break, naming the consumers', async () => {
    const actions = await setupWithHistory();
    const result = await actions.invoke({
      id: 'test:check-contract-change',
      input: {
        apiRef: 'payment-events',
        definition:
          'asyncapi: 2.6.0\ninfo: { title: payment events, version: 2.0.0 }\nchannels: {}\n',
      },
    });
    expect(result.output).toEqual({
      api: 'api:default/payment-events',
      classification: 'non-breaking',
      fromVersion: '1.2.0',
      toVersion: '2.0.0',
      needsMajor: false,
      changes: [
        {
          class: 'non-breaking',
          path: 'info.version',
          message: '[Changed] info.version',
        },
      ],
      breaks: [],
    });

    const removal = await actions.invoke({
      id: 'test:check-contract-change',
      input: {
        apiRef: 'api:default/payments-api',
        definition: 'syntax = "proto3";\npackage acme.payments.v3;\n',
      },
    });
    expect(removal.output).toMatchObject({
      classification: 'breaking',
      fromVersion: '2',
      toVersion: '3',
      needsMajor: false,
      breaks: [
        {
          consumer: 'component:default/checkout-service',
          domain: 'domain:default/checkout',
          reasons: [
            expect.stringMatching(/^the definition has breaking changes: /),
          ],
        },
      ],
    });
  });

  it('finds contracts by part of their name, with consumers and their domains', async () => {
    const actions = await setupWithHistory();
    const result = await actions.invoke({
      id: 'test:find-contract',
      input: { name: 'Payment' },
    });
    expect(result.output).toEqual({
      total: 2,
      contracts: [
        {
          ref: 'api:default/payment-events',
          title: 'payment-events',
          family: 'payment-events',
          version: '1.2.0',
          domain: 'domain:default/payments',
          type: 'asyncapi',
          lifecycle: 'production',
          consumers: [
            {
              ref: 'component:default/shipping-service',
              domain: 'domain:default/shipping',
              pin: null,
              pinSatisfied: null,
            },
          ],
          latestChange: null,
        },
        expect.objectContaining({
          ref: 'api:default/payments-api',
          version: '2',
          type: 'grpc',
          consumers: [
            expect.objectContaining({
              ref: 'component:default/checkout-service',
              domain: 'domain:default/checkout',
            }),
          ],
        }),
      ],
    });
  });

  it('finds contracts by version, as a version or a semver range', async () => {
    const actions = await setupWithHistory();
    const refsFor = async (input: object) =>
      (
        (await actions.invoke({ id: 'test:find-contract', input })).output as {
          contracts: { ref: string }[];
        }
      ).contracts.map(c => c.ref);
    expect(await refsFor({ version: '2' })).toEqual([
      'api:default/payments-api',
    ]);
    expect(await refsFor({ version: 'v1.2' })).toEqual([
      'api:default/payment-events',
    ]);
    expect(await refsFor({ version: '>=1' })).toEqual([
      'api:default/payment-events',
      'api:default/payments-api',
    ]);
    expect(await refsFor({ version: '3' })).toEqual([]);
  });

  it('finds contracts by domain or by ref, every filter narrowing', async () => {
    const actions = await setupWithHistory();
    const refsFor = async (input: object) =>
      (
        (await actions.invoke({ id: 'test:find-contract', input })).output as {
          contracts: { ref: string }[];
        }
      ).contracts.map(c => c.ref);
    expect(await refsFor({ domainRef: 'payments' })).toEqual([
      'api:default/payment-events',
      'api:default/payments-api',
    ]);
    expect(await refsFor({ domainRef: 'domain:default/checkout' })).toEqual([]);
    // A whole ref names one API: payments-api, not payment-events.
    expect(await refsFor({ name: 'api:default/payments-api' })).toEqual([
      'api:default/payments-api',
    ]);
    expect(await refsFor({ name: 'payment', version: '^1' })).toEqual([
      'api:default/payment-events',
    ]);
  });

  it('says what find-contract needs instead of listing everything', async () => {
    const actions = await setupWithHistory();
    await expect(
      actions.invoke({ id: 'test:find-contract', input: {} }),
    ).rejects.toThrow(/Give a name, a version or a domainRef/);
    await expect(
      actions.invoke({
        id: 'test:find-contract',
        input: { domainRef: 'domain:default/nope' },
      }),
    ).rejects.toThrow(/known domains: domain:default\/checkout/);
  });

  it('tells whether the latest recorded change of a contract was breaking', async () => {
    // payments-api moved from package v2 to v3, dropping the v2 package.
    const actions = await setupWithHistory([
      entities,
      entities.map(e =>
        e.metadata.name === 'payments-api' ? paymentsApi(3) : e,
      ),
    ]);
    const result = await actions.invoke({
      id: 'test:find-contract',
      input: { name: 'payments-api' },
    });
    expect(result.output).toMatchObject({
      total: 1,
      contracts: [
        {
          ref: 'api:default/payments-api',
          version: '3',
          latestChange: {
            classification: 'breaking',
            breaking: true,
            fromVersion: '2',
            toVersion: '3',
            needsMajor: false,
            at: '2026-11-21T00:00:00.000Z',
          },
        },
      ],
    });
  });

  it('finds only the contracts and consumers the caller may see', async () => {
    const actions = await setupWithHistory();
    const forOutsider = await actions.invoke({
      id: 'test:find-contract',
      input: { name: 'payment' },
      credentials: outsider,
    });
    expect(forOutsider.output).toMatchObject({
      total: 1,
      contracts: [{ ref: 'api:default/payment-events' }],
    });
    expect(JSON.stringify(forOutsider.output)).not.toContain('payments-api');
    expect(JSON.stringify(forOutsider.output)).not.toContain(
      'checkout-service',
    );
  });

  it('shows agents read-only tools with every input described', async () => {
    const { actions } = await setup().list();
    expect(actions.map(a => a.name)).toEqual([
      'who-owns',
      'get-domain-contracts',
      'get-domain-findings',
      'get-failure-impact',
      'find-contract',
      'check-contract-change',
    ]);
    for (const action of actions) {
      expect(action.attributes).toEqual({
        readOnly: true,
        idempotent: true,
        destructive: false,
      });
      const input = action.schema.input as {
        properties: Record<string, { description?: string }>;
      };
      for (const [field, schema] of Object.entries(input.properties)) {
        expect({ field, description: schema.description }).toEqual({
          field,
          description: expect.stringMatching(/\w/),
        });
      }
    }
  });
});
