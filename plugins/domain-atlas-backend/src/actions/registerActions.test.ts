import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { analyze } from '@domain-atlas/plugin-domain-atlas-common';
import {
  KnexContractRevisionStore,
  KnexDomainAtlasStore,
  Snapshot,
} from '../database';
import { ContractHistory } from '../services/ContractHistory';
import { ContractService } from '../services/ContractService';
import { registerActions } from './registerActions';

const entity = (kind: string, name: string, spec: object) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name },
  spec,
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
  entity('API', 'payments-api', {
    type: 'grpc',
    lifecycle: 'production',
    owner: 'payments-team',
    system: 'payments-system',
    definition: 'syntax = "proto3";\npackage acme.payments.v2;\n',
  }),
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

/** The actions over a report and a definition history of `entities`. */
async function setupWithHistory() {
  const knex = await databases.init('SQLITE_3');
  await KnexDomainAtlasStore.create(mockServices.database({ knex }));
  const store = new KnexContractRevisionStore(knex);
  await new ContractHistory({
    store,
    logger: mockServices.logger.mock(),
    maxDefinitionSize: 1024 * 1024,
  }).record(entities, new Date('2026-11-20T00:00:00Z'));
  return setup(new ContractService({ store, maxDefinitionSize: 1024 * 1024 }));
}

function setup(contracts?: ContractService) {
  const actionsRegistry = actionsRegistryServiceMock();
  const snapshot: Snapshot = {
    id: 1,
    createdAt: new Date(),
    entityCount: entities.length,
    report: analyze(entities, { now: '2026-11-21T00:00:00Z' }),
  };
  registerActions({
    actionsRegistry,
    reports: {
      forCaller: async () => ({
        snapshot,
        report: snapshot.report,
        canSee: () => true,
      }),
    },
    contracts: contracts ?? {
      check: async () => {
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
});
