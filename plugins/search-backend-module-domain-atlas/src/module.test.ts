import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  createBackendPlugin,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  LunrSearchEngine,
  RegisterCollatorParameters,
  TestPipeline,
} from '@backstage/plugin-search-backend-node';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { IndexableDocument } from '@backstage/plugin-search-common';
// The test starts the real Domain Atlas backend plugin next to the module.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import domainAtlasPlugin from '@domain-atlas/plugin-domain-atlas-backend';
import type {
  ContractSearchDocument,
  DomainSearchDocument,
} from '@domain-atlas/plugin-domain-atlas-common';
import request from 'supertest';
import { parseAllDocuments } from 'yaml';
import { searchModuleDomainAtlasCollator } from './module';

jest.setTimeout(60_000);

const examplesDir = resolve(__dirname, '../../../examples');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return name.endsWith('.yaml') ? [path] : [];
  });
}

/** The demo organisation of examples/, as the catalog serves it. */
const demoEntities = yamlFiles(examplesDir)
  .flatMap(file =>
    parseAllDocuments(readFileSync(file, 'utf8')).map(
      doc => doc.toJS() as Entity,
    ),
  )
  .filter(entity => entity.kind !== 'Location');

/** The search backend, reduced to the extension point modules add collators to. */
function searchPluginDouble(collators: RegisterCollatorParameters[]) {
  return createBackendPlugin({
    pluginId: 'search',
    register(env) {
      env.registerExtensionPoint(searchIndexRegistryExtensionPoint, {
        addCollator: options => collators.push(options),
        addDecorator: () => {},
      });
      env.registerInit({ deps: {}, async init() {} });
    },
  });
}

async function collect(
  collator: RegisterCollatorParameters,
): Promise<IndexableDocument[]> {
  const { documents, error } = await TestPipeline.fromCollator(
    await collator.factory.getCollator(),
  ).execute();
  expect(error).toBeUndefined();
  return documents;
}

/** Indexes documents of one type into a Lunr engine, as the search backend does. */
async function index(
  engine: LunrSearchEngine,
  type: string,
  documents: IndexableDocument[],
) {
  const indexer = await engine.getIndexer(type);
  const closed = new Promise(resolveClosed =>
    indexer.on('close', resolveClosed),
  );
  await TestPipeline.fromIndexer(indexer).withDocuments(documents).execute();
  await closed;
}

describe('the Domain Atlas search collators over the demo organisation', () => {
  const collators: RegisterCollatorParameters[] = [];
  let domains: DomainSearchDocument[];
  let contracts: ContractSearchDocument[];
  let engine: LunrSearchEngine;

  const search = async (term: string, types?: string[]) =>
    (await engine.query({ term, types })).results.map(
      result => result.document,
    );

  beforeAll(async () => {
    const { server } = await startTestBackend({
      features: [
        domainAtlasPlugin,
        searchPluginDouble(collators),
        searchModuleDomainAtlasCollator,
        createServiceFactory({
          service: catalogServiceRef,
          deps: {},
          factory: () => catalogServiceMock({ entities: demoEntities }),
        }),
        mockServices.rootConfig.factory({
          data: {
            domainAtlas: {
              // Refreshed below, on demand.
              schedule: {
                frequency: { hours: 1 },
                timeout: { minutes: 5 },
                initialDelay: { hours: 1 },
              },
              // As app-config.yaml: orders-api-v2 was at 2.2.0, so the
              // first refresh records a breaking change to 2.3.0.
              contractHistory: {
                backfill: [
                  {
                    api: 'api:default/orders-api-v2',
                    definition: readFileSync(
                      join(
                        examplesDir,
                        'history/orders-api-v2-2.2.0.openapi.json',
                      ),
                      'utf8',
                    ),
                    seenAt: '2026-09-01',
                  },
                ],
              },
            },
          },
        }),
      ],
    });
    await request(server)
      .post('/api/domain-atlas/refresh')
      .set('authorization', mockCredentials.user.header())
      .expect(200);

    const byType = (type: string) => {
      const collator = collators.find(c => c.factory.type === type);
      if (!collator) throw new Error(`no collator of type ${type}`);
      return collator;
    };
    domains = (await collect(
      byType('domain-atlas-domain'),
    )) as DomainSearchDocument[];
    contracts = (await collect(
      byType('domain-atlas-contract'),
    )) as ContractSearchDocument[];

    engine = new LunrSearchEngine({ logger: mockServices.logger.mock() });
    await index(engine, 'domain-atlas-domain', domains);
    await index(engine, 'domain-atlas-contract', contracts);
  });

  it('registers one collator per document type, visible under catalog.entity.read', () => {
    expect(collators.map(c => c.factory.type).sort()).toEqual([
      'domain-atlas-contract',
      'domain-atlas-domain',
    ]);
    for (const collator of collators) {
      expect(collator.factory.visibilityPermission).toEqual(
        catalogEntityReadPermission,
      );
    }
  });

  it('indexes every domain and every contract of the demo', () => {
    // examples/README.md: 12 domains and 17 APIs.
    expect(domains).toHaveLength(12);
    expect(contracts).toHaveLength(17);
  });

  it('gives every document the entity it shows as its authorization resourceRef', () => {
    for (const document of [...domains, ...contracts]) {
      expect(document.authorization).toEqual({
        resourceRef: document.entityRef,
      });
    }
    expect(
      contracts.find(c => c.title === 'Orders API v2')?.authorization,
    ).toEqual({ resourceRef: 'api:default/orders-api-v2' });
    expect(
      domains.find(d => d.entityRef === 'domain:default/payments')
        ?.authorization,
    ).toEqual({ resourceRef: 'domain:default/payments' });
  });

  it('describes a contract with its version, family, domain and latest change, linking to the API page', () => {
    expect(
      contracts.find(c => c.entityRef === 'api:default/orders-api-v2'),
    ).toEqual({
      title: 'Orders API v2',
      text: expect.stringContaining('Version 2.3.0 (v2).'),
      location: '/catalog/default/api/orders-api-v2#contract-versions',
      authorization: { resourceRef: 'api:default/orders-api-v2' },
      kind: 'API',
      entityRef: 'api:default/orders-api-v2',
      domain: 'domain:default/orders',
      domainTitle: 'Orders',
      specType: 'openapi',
      version: '2.3.0',
      family: 'orders-api',
      lifecycle: 'production',
      consumerCount: expect.any(Number),
      lastChange: 'breaking',
      lastChangeAt: expect.any(String),
      lastChangeNeedsMajor: true,
    });
  });

  it('describes a domain with its owner, phases, score and member counts, linking to its Domain Atlas tab', () => {
    const payments = domains.find(
      d => d.entityRef === 'domain:default/payments',
    );
    expect(payments).toMatchObject({
      title: 'Payments',
      location: '/catalog/default/domain/payments/domain-atlas',
      kind: 'Domain',
      owner: 'group:default/payments-team',
      evidencePhase: 2,
      declaredPhase: 3,
      score: expect.any(Number),
    });
    expect(payments?.apiCount).toBeGreaterThan(0);
    expect(payments?.text).toMatch(/declares phase 3/);
  });

  it('finds a contract by name and major version: "orders v2"', async () => {
    const [first] = await search('orders v2');
    expect(first.title).toBe('Orders API v2');
    const [firstContract] = await search('orders v2', [
      'domain-atlas-contract',
    ]);
    expect(firstContract.location).toBe(
      '/catalog/default/api/orders-api-v2#contract-versions',
    );
  });

  it('finds a contract by its version', async () => {
    // Lunr splits a version at its dots: Products API at 3.2.0 matches
    // too, below the exact version.
    const [first] = await search('2.3.0', ['domain-atlas-contract']);
    expect(first.title).toBe('Orders API v2');
    // The deprecated v1 of the same family, by its own version.
    const [v1] = await search('1.8.2', ['domain-atlas-contract']);
    expect(v1.title).toBe('Orders API v1');
  });

  it('finds a domain by its name, and its contracts by the domain', async () => {
    const [first] = await search('payments', ['domain-atlas-domain']);
    expect(first.title).toBe('Payments');
    const paymentContracts = (
      await search('payments', ['domain-atlas-contract'])
    ).map(document => (document as ContractSearchDocument).domain);
    expect(paymentContracts.slice(0, 2)).toEqual([
      'domain:default/payments',
      'domain:default/payments',
    ]);
  });

  it('keeps a contract apart from the catalog document of the same API', async () => {
    // The catalog collator's document of orders-api-v2 has the API's page
    // as its location; Lunr keys documents of all types by location.
    await index(engine, 'software-catalog', [
      {
        title: 'Orders API v2',
        text: 'The current orders REST API',
        location: '/catalog/default/api/orders-api-v2',
        authorization: { resourceRef: 'api:default/orders-api-v2' },
      },
    ]);
    const results = await engine.query({ term: 'orders v2' });
    const ordersV2 = results.results.filter(
      result => result.document.title === 'Orders API v2',
    );
    expect(
      ordersV2.map(result => [result.type, result.document.location]).sort(),
    ).toEqual([
      [
        'domain-atlas-contract',
        '/catalog/default/api/orders-api-v2#contract-versions',
      ],
      ['software-catalog', '/catalog/default/api/orders-api-v2'],
    ]);
  });
});
