import { Entity } from '@backstage/catalog-model';
import {
  coreExtensionData,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  mockApis,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import type { ContractDetail } from '@domain-atlas/plugin-domain-atlas-common';
import { screen, within } from '@testing-library/react';
import domainAtlasPlugin from './alpha';
import {
  DomainAtlasApi,
  domainAtlasApiRef,
  DomainDetail,
  DomainListItem,
  EntityFindings,
  TeamDetail,
  TeamsOverview,
} from './api';

jest.setTimeout(30_000);

const page = domainAtlasPlugin.getExtension('page:domain-atlas');
const api = domainAtlasPlugin.getExtension('api:domain-atlas');
const domainTab = domainAtlasPlugin.getExtension('entity-content:domain-atlas');
const ownedDomainsCard = domainAtlasPlugin.getExtension(
  'entity-card:domain-atlas/owned-domains',
);
const findingsCard = domainAtlasPlugin.getExtension(
  'entity-card:domain-atlas/findings',
);
const contractVersionsCard = domainAtlasPlugin.getExtension(
  'entity-card:domain-atlas/contract-versions',
);

const entity = (kind: string, name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  spec: {},
});

// The demo organisation of examples/README.md, trimmed to what the views
// below show.
const phase = {
  evidence: 2 as const,
  declared: 3 as const,
  declaredValid: false,
  target: 3 as const,
  targetDate: '2026-12-15',
  daysToTarget: 24,
  status: 'at-risk' as const,
  stranglerCoverage: 62,
  decommissionReady: false,
  criteria: [],
  playbook: {
    extracted: true,
    publishesEvents: true,
    dbJoinsCut: false,
    deploysIndependently: true,
  },
};

const payments: DomainListItem = {
  ref: 'domain:default/payments',
  title: 'Payments',
  owner: 'group:default/payments-team',
  parent: null,
  score: 70,
  findingCounts: { error: 2, warning: 0, info: 0, waived: 0 },
  phase,
  repositoryCount: 2,
};

const ownDatastore = {
  id: 'own-datastore:1',
  rule: 'own-datastore',
  severity: 'error' as const,
  domain: 'domain:default/payments',
  entities: [
    'component:default/payments-reconciliation',
    'resource:default/acme-legacy-db',
  ],
  message: 'payments-reconciliation reads the database of platform',
  waived: false,
};

const paymentsDetail = {
  ...payments,
  children: [],
  members: {
    systems: ['system:default/payments'],
    components: ['component:default/payments-reconciliation'],
    apis: ['api:default/payments-api'],
    resources: ['resource:default/payments-db'],
  },
  findings: [ownDatastore],
  contracts: [
    {
      ref: 'api:default/payments-api',
      title: 'Payments API',
      domain: 'domain:default/payments',
      type: 'grpc',
      version: '1.4.0',
      versionSource: 'definition' as const,
      family: 'payments-api',
      lifecycle: 'production',
      providers: ['component:default/payments-service'],
      consumers: ['component:default/checkout-orchestrator'],
      pins: [],
    },
  ],
  repositories: [],
  isolation: {
    blocks: [],
    dependsOn: [],
    blastRadius: { domain: 'domain:default/payments', blocks: 1, delays: 4 },
  },
  history: [
    {
      recordedAt: '2026-11-20T10:00:00.000Z',
      evidencePhase: 2,
      declaredPhase: 3,
      score: 60,
      errors: 3,
      warnings: 1,
      infos: 0,
      waived: 0,
    },
    {
      recordedAt: '2026-11-21T10:00:00.000Z',
      evidencePhase: 2,
      declaredPhase: 3,
      score: 70,
      errors: 2,
      warnings: 0,
      infos: 0,
      waived: 0,
    },
  ],
} as unknown as DomainDetail;

const teams: TeamsOverview = {
  teams: [
    {
      ref: 'group:default/payments-team',
      title: 'Payments Team',
      parent: null,
      children: [],
      domains: [{ ref: 'domain:default/payments', via: 'direct' }],
    },
  ],
  domains: [
    {
      ref: 'domain:default/payments',
      title: 'Payments',
      owner: 'group:default/payments-team',
      ownerKind: 'group',
      sharedWith: [],
      singleOwnerFindings: [],
    },
  ],
};

const paymentsTeam: TeamDetail = {
  ref: 'group:default/payments-team',
  title: 'Payments Team',
  parent: 'group:default/commerce',
  children: [],
  domains: [{ ...payments, via: 'direct' }],
};

const reconciliationFindings: EntityFindings = {
  entity: 'component:default/payments-reconciliation',
  domain: 'domain:default/payments',
  findings: [ownDatastore],
};

const paymentsApi = {
  contract: paymentsDetail.contracts[0],
  family: [
    {
      ref: 'api:default/payments-api',
      version: '1.4.0',
      lifecycle: 'production',
    },
  ],
  history: [],
  consumers: [
    {
      ref: 'component:default/checkout-orchestrator',
      domain: 'domain:default/checkout',
      consumesApi: true,
      pin: null,
    },
  ],
} as unknown as ContractDetail;

function mockDomainAtlasApi(): jest.Mocked<Partial<DomainAtlasApi>> {
  return {
    listDomains: jest.fn().mockResolvedValue([payments]),
    getDomain: jest.fn().mockResolvedValue(paymentsDetail),
    getTeams: jest.fn().mockResolvedValue(teams),
    getTeam: jest.fn().mockResolvedValue(paymentsTeam),
    getEntityFindings: jest.fn().mockResolvedValue(reconciliationFindings),
    getContract: jest.fn().mockResolvedValue(paymentsApi),
  };
}

/** How long a lazily loaded page or card may take to show its data. */
const LOADED = 10_000;

const entityRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

describe('the Domain Atlas plugin for the new frontend system', () => {
  it('mounts the organisation page at /domain-atlas with a nav item', () => {
    const tester = createExtensionTester(page);
    expect(tester.get(coreExtensionData.routePath)).toBe('/domain-atlas');
    expect(tester.get(coreExtensionData.title)).toBe('Domain Atlas');
    expect(tester.get(coreExtensionData.icon)).toBeDefined();
  });

  it('shows the organisation page with the Teams tab read through the Domain Atlas API', async () => {
    const domainAtlas = mockDomainAtlasApi();
    renderTestApp({
      extensions: [page],
      initialRouteEntries: ['/domain-atlas/teams'],
      mountedRoutes: entityRoutes,
      apis: [[domainAtlasApiRef, domainAtlas]],
    });

    const matrix = await screen.findByRole(
      'table',
      { name: 'Ownership matrix' },
      { timeout: LOADED },
    );
    expect(screen.getByRole('heading', { name: 'Domain Atlas' })).toBeVisible();
    expect(screen.getByRole('tab', { name: 'Teams' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    const row = within(matrix).getByRole('row', { name: /Payments Team/ });
    expect(within(row).getByText('owns')).toBeInTheDocument();
    expect(
      within(matrix).getByRole('link', { name: 'Payments' }),
    ).toHaveAttribute('href', '/catalog/default/domain/payments');
    expect(domainAtlas.getTeams).toHaveBeenCalled();
  });

  it("builds its API client on the app's discovery and fetch APIs", async () => {
    const fetch = jest.fn(
      async () =>
        new Response(JSON.stringify({ items: [payments] }), {
          headers: { 'content-type': 'application/json' },
        }),
    );
    renderTestApp({
      extensions: [page, api],
      initialRouteEntries: ['/domain-atlas'],
      mountedRoutes: entityRoutes,
      apis: [
        [discoveryApiRef, mockApis.discovery({ baseUrl: 'http://backend' })],
        [fetchApiRef, { fetch }],
      ],
    });

    expect(
      await screen.findByRole(
        'link',
        { name: 'Payments' },
        { timeout: LOADED },
      ),
    ).toHaveAttribute('href', '/catalog/default/domain/payments');
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/domain-atlas/domains',
    );
  });

  it('adds the Domain Atlas tab to Domain pages: health, score history, findings and contracts', async () => {
    const domainAtlas = mockDomainAtlasApi();
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: entity('Domain', 'payments') }),
        domainTab,
      ],
      mountedRoutes: entityRoutes,
      apis: [[domainAtlasApiRef, domainAtlas]],
    });

    expect(
      await screen.findByText('Ownership and health', {}, { timeout: LOADED }),
    ).toBeInTheDocument();
    expect(domainAtlas.getDomain).toHaveBeenCalledWith(
      'domain:default/payments',
    );
    expect(
      screen.getByRole('img', { name: 'Health score 70 of 100' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: /^Health score history, 2 refreshes/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'payments-reconciliation reads the database of platform',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Payments API' })).toHaveAttribute(
      'href',
      '/catalog/default/api/payments-api',
    );
  });

  it('shows the Domain Atlas tab on Domain pages only', async () => {
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: entity('Group', 'payments-team') }),
        domainTab,
      ],
      mountedRoutes: entityRoutes,
      apis: [[domainAtlasApiRef, mockDomainAtlasApi()]],
    });

    expect(
      await screen.findByTestId('empty-entity-page', {}, { timeout: LOADED }),
    ).toBeInTheDocument();
  });

  it('adds the Owned domains card to Group pages', async () => {
    const domainAtlas = mockDomainAtlasApi();
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: entity('Group', 'payments-team') }),
        ownedDomainsCard,
        findingsCard,
        contractVersionsCard,
      ],
      mountedRoutes: entityRoutes,
      apis: [[domainAtlasApiRef, domainAtlas]],
    });

    expect(
      await screen.findByRole(
        'link',
        { name: 'Payments' },
        { timeout: LOADED },
      ),
    ).toHaveAttribute('href', '/catalog/default/domain/payments');
    expect(screen.getByText('Owned domains')).toBeInTheDocument();
    expect(screen.getByText('2 · Logical split')).toBeInTheDocument();
    expect(domainAtlas.getTeam).toHaveBeenCalledWith(
      'group:default/payments-team',
    );
    // The System/Component and API cards stay off Group pages.
    expect(screen.queryByText('Domain Atlas findings')).not.toBeInTheDocument();
    expect(screen.queryByText('Contract versions')).not.toBeInTheDocument();
  });

  it.each([
    ['Component', 'payments-reconciliation'],
    ['System', 'payments'],
  ])('adds the findings card to %s pages', async (kind, name) => {
    const domainAtlas = mockDomainAtlasApi();
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: entity(kind, name) }),
        ownedDomainsCard,
        findingsCard,
      ],
      mountedRoutes: entityRoutes,
      apis: [[domainAtlasApiRef, domainAtlas]],
    });

    expect(
      await screen.findByText(
        'payments-reconciliation reads the database of platform',
        {},
        { timeout: LOADED },
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Domain Atlas findings')).toBeInTheDocument();
    expect(domainAtlas.getEntityFindings).toHaveBeenCalledWith(
      `${kind.toLowerCase()}:default/${name}`,
    );
    expect(screen.queryByText('Owned domains')).not.toBeInTheDocument();
  });

  it('adds the Contract versions card to API pages', async () => {
    const domainAtlas = mockDomainAtlasApi();
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: entity('API', 'payments-api') }),
        contractVersionsCard,
        findingsCard,
      ],
      mountedRoutes: entityRoutes,
      apis: [[domainAtlasApiRef, domainAtlas]],
    });

    expect(
      await screen.findByText('1.4.0', {}, { timeout: LOADED }),
    ).toBeInTheDocument();
    expect(screen.getByText('Contract versions')).toBeInTheDocument();
    expect(domainAtlas.getContract).toHaveBeenCalledWith(
      'api:default/payments-api',
    );
    expect(screen.queryByText('Domain Atlas findings')).not.toBeInTheDocument();
  });
});
