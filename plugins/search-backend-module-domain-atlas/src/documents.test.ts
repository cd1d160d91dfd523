import type {
  ContractListItem,
  DomainSummary,
  TeamSummary,
} from '@domain-atlas/plugin-domain-atlas-common';
import { contractDocument, domainDocument, entityLocation } from './documents';

const TEMPLATE = '/catalog/:namespace/:kind/:name';

const domain: DomainSummary = {
  ref: 'domain:default/orders',
  title: 'Orders',
  description: 'Placing and tracking orders.',
  owner: 'group:default/orders-team',
  ownerKind: 'group',
  parent: null,
  children: [],
  members: {
    systems: ['system:default/orders'],
    components: [
      'component:default/orders-service',
      'component:default/secret-job',
    ],
    apis: ['api:default/orders-api-v2'],
    resources: [],
  },
  repositories: [],
  score: 88,
  findingCounts: { error: 0, warning: 1, info: 0, waived: 0 },
  phase: {
    evidence: 2,
    declared: 3,
    declaredValid: false,
    target: null,
    targetDate: null,
    daysToTarget: null,
    status: 'none',
    stranglerCoverage: null,
    decommissionReady: null,
    criteria: [],
    playbook: {
      extracted: false,
      publishesEvents: false,
      dbJoinsCut: false,
      deploysIndependently: false,
    },
  },
};

const teams = new Map<string, TeamSummary>([
  [
    'group:default/orders-team',
    {
      ref: 'group:default/orders-team',
      title: 'Orders Team',
      parent: null,
      children: [],
      domains: [],
    },
  ],
]);

const contract: ContractListItem = {
  ref: 'api:default/orders-api-v2',
  title: 'Orders API v2',
  domain: 'domain:default/orders',
  type: 'openapi',
  version: '2.3.0',
  family: 'orders-api',
  lifecycle: 'production',
  consumerCount: 2,
  unsatisfiedPins: 0,
  latestChange: {
    classification: 'breaking',
    needsMajor: true,
    fromVersion: '2.2.0',
    toVersion: '2.3.0',
    at: '2026-12-01T10:00:00.000Z',
  },
};

describe('entityLocation', () => {
  it.each([
    [
      TEMPLATE,
      'api:default/orders-api-v2',
      '/catalog/default/api/orders-api-v2',
    ],
    [TEMPLATE, 'domain:Acme/Orders', '/catalog/acme/domain/orders'],
    ['/portal/:kind/:name', 'api:default/x', '/portal/api/x'],
  ])('fills %s for %s: %s', (template, ref, location) => {
    expect(entityLocation(template, ref)).toBe(location);
  });
});

describe('domainDocument', () => {
  it('names the domain, its owner and phases, and counts its members', () => {
    const document = domainDocument(domain, teams, TEMPLATE);
    expect(document).toMatchObject({
      title: 'Orders',
      location: '/catalog/default/domain/orders/domain-atlas',
      authorization: { resourceRef: 'domain:default/orders' },
      owner: 'group:default/orders-team',
      ownerTitle: 'Orders Team',
      evidencePhase: 2,
      declaredPhase: 3,
      score: 88,
      systemCount: 1,
      componentCount: 2,
      apiCount: 1,
      resourceCount: 0,
    });
    expect(document.text).toBe(
      'Placing and tracking orders. Orders domain (orders). Owned by Orders Team (group:default/orders-team). Phase 2, logical split, on the evidence; declares phase 3, physical repo split. Health score 88. 1 system, 2 components, 1 API, 0 resources.',
    );
  });

  it('never names a member, which the reader of the domain may not see', () => {
    const { text } = domainDocument(domain, teams, TEMPLATE);
    expect(text).not.toMatch(/secret-job|orders-service|orders-api-v2/);
  });

  it('has every key, null where there is no value, for a domain without owner or declaration', () => {
    const document = domainDocument(
      {
        ...domain,
        owner: undefined,
        description: undefined,
        phase: { ...domain.phase, declared: null },
      },
      teams,
      TEMPLATE,
    );
    expect(document.owner).toBeNull();
    expect(document.ownerTitle).toBeNull();
    expect(document.declaredPhase).toBeNull();
    expect(document.text).toMatch(/^Orders domain \(orders\)\. No owner\./);
    expect(Object.keys(document)).toEqual(
      Object.keys(domainDocument(domain, teams, TEMPLATE)),
    );
  });
});

describe('contractDocument', () => {
  const titles = new Map([['domain:default/orders', 'Orders']]);

  it('carries the version with its major, the family, the domain and the latest change', () => {
    const document = contractDocument(contract, titles, TEMPLATE);
    expect(document.text).toBe(
      'openapi contract orders-api-v2, family orders-api. Version 2.3.0 (v2). Lifecycle production. Domain Orders (orders). 2 consumers. Last change 2.2.0 → 2.3.0: breaking, needs a major version.',
    );
    expect(document).toMatchObject({
      location: '/catalog/default/api/orders-api-v2#contract-versions',
      authorization: { resourceRef: 'api:default/orders-api-v2' },
      domain: 'domain:default/orders',
      domainTitle: 'Orders',
      lastChange: 'breaking',
      lastChangeAt: '2026-12-01T10:00:00.000Z',
      lastChangeNeedsMajor: true,
    });
  });

  it.each([
    ['v3', 'v3'],
    ['1', 'v1'],
    ['0.9.0', 'v0'],
  ])('writes the major version of %s as %s', (version, major) => {
    expect(
      contractDocument({ ...contract, version }, titles, TEMPLATE).text,
    ).toContain(`Version ${version} (${major}).`);
  });

  it('has every key, null where there is no value, for a contract without version, domain or change', () => {
    const document = contractDocument(
      {
        ...contract,
        type: null,
        version: 'latest',
        domain: null,
        lifecycle: null,
        latestChange: null,
        consumerCount: 1,
      },
      titles,
      TEMPLATE,
    );
    expect(document.text).toBe(
      'Contract orders-api-v2, family orders-api. Version latest. In no domain. 1 consumer.',
    );
    expect(document).toMatchObject({
      domain: null,
      domainTitle: null,
      specType: null,
      lifecycle: null,
      lastChange: null,
      lastChangeAt: null,
      lastChangeNeedsMajor: false,
    });
    expect(
      contractDocument({ ...contract, version: null }, titles, TEMPLATE).text,
    ).toContain('No version.');
    expect(Object.keys(document)).toEqual(
      Object.keys(contractDocument(contract, titles, TEMPLATE)),
    );
  });
});
