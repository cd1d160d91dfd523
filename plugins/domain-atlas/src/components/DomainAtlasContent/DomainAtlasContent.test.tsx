import { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { DomainAtlasApi, domainAtlasApiRef, DomainDetail } from '../../api';
import { DomainAtlasContent } from './DomainAtlasContent';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Domain',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { owner: 'payments-team' },
};

const criterion = (phase: 1 | 2 | 3, id: string, met: boolean) => ({
  phase,
  id,
  description: `${id} holds`,
  met,
});

const historyPoint = (recordedAt: string, score: number, errors: number) => ({
  recordedAt,
  evidencePhase: 2,
  declaredPhase: 3,
  score,
  errors,
  warnings: 0,
  infos: 0,
  waived: 1,
});

const payments: DomainDetail = {
  ref: 'domain:default/payments',
  title: 'Payments',
  owner: 'group:default/payments-team',
  parent: null,
  children: [],
  members: {
    systems: ['system:default/payments-system'],
    components: [
      'component:default/payments-service',
      'component:default/payments-reconciliation',
    ],
    apis: ['api:default/payments-api'],
    resources: [],
  },
  score: 70,
  findingCounts: { error: 1, warning: 0, info: 0, waived: 1 },
  phase: {
    evidence: 2,
    declared: 3,
    declaredValid: false,
    target: 3,
    targetDate: '2026-12-15',
    daysToTarget: 24,
    status: 'at-risk',
    stranglerCoverage: 62,
    decommissionReady: false,
    criteria: [
      criterion(1, 'domain-owned', true),
      criterion(2, 'independent-pipeline', true),
      criterion(3, 'own-datastore', false),
    ],
    playbook: {
      extracted: true,
      publishesEvents: true,
      dbJoinsCut: false,
      deploysIndependently: true,
    },
  },
  findings: [
    {
      id: 'own-datastore:1',
      rule: 'own-datastore',
      severity: 'error',
      domain: 'domain:default/payments',
      entities: [
        'component:default/payments-reconciliation',
        'resource:default/acme-legacy-db',
      ],
      message: 'payments-reconciliation reads the database of platform',
      waived: false,
    },
    {
      id: 'own-datastore:2',
      rule: 'own-datastore',
      severity: 'error',
      domain: 'domain:default/payments',
      entities: [
        'component:default/payments-reporting',
        'resource:default/orders-db',
      ],
      message: 'payments-reporting reads the database of orders',
      waived: true,
      waiver: 'read replica until Q2 2027',
    },
  ],
  contracts: [
    {
      ref: 'api:default/payments-api',
      title: 'Payments API',
      domain: 'domain:default/payments',
      type: 'openapi',
      version: '2.1.0',
      versionSource: 'definition',
      family: 'payments-api',
      lifecycle: 'production',
      providers: ['component:default/payments-service'],
      consumers: ['component:default/checkout-service'],
      pins: [
        {
          consumer: 'component:default/checkout-service',
          range: '^1.4.0',
          satisfied: false,
        },
      ],
    },
    {
      ref: 'api:default/payment-events',
      title: 'Payment events',
      domain: 'domain:default/payments',
      type: 'asyncapi',
      version: null,
      versionSource: null,
      family: 'payment-events',
      lifecycle: 'experimental',
      providers: ['component:default/payments-service'],
      consumers: [],
      pins: [],
    },
  ],
  repositories: [],
  isolation: {
    blocks: [
      {
        down: 'domain:default/payments',
        affected: 'domain:default/checkout',
        impact: 'blocked',
        path: ['domain:default/payments', 'domain:default/checkout'],
      },
    ],
    dependsOn: [],
    blastRadius: { domain: 'domain:default/payments', blocks: 1, delays: 0 },
  },
  history: [
    historyPoint('2026-10-01T10:00:00.000Z', 40, 3),
    historyPoint('2026-11-01T10:00:00.000Z', 55, 2),
    historyPoint('2026-11-21T10:00:00.000Z', 70, 1),
  ],
} as unknown as DomainDetail;

function renderWith(api: Partial<DomainAtlasApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[domainAtlasApiRef, api]]}>
      <EntityProvider entity={entity}>
        <DomainAtlasContent />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('DomainAtlasContent', () => {
  it("asks the backend for this page's domain and shows its ownership, phase, findings and isolation", async () => {
    const getDomain = jest.fn().mockResolvedValue(payments);
    await renderWith({ getDomain });

    expect(await screen.findByText('Ownership and health')).toBeInTheDocument();
    expect(getDomain).toHaveBeenCalledWith('domain:default/payments');

    expect(
      screen.getByRole('img', { name: 'Health score 70 of 100' }),
    ).toBeInTheDocument();
    expect(screen.getByText('1 error, 1 waived')).toBeInTheDocument();

    // Phase: evidence vs declared, target, strangler coverage, criteria, playbook.
    expect(screen.getByText('2 · Logical split')).toBeInTheDocument();
    expect(screen.getByText('declares 3')).toBeInTheDocument();
    expect(
      screen.getByText('target 3 by 2026-12-15: at risk'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Strangler coverage 62% \(decommission at 95%\)/),
    ).toBeInTheDocument();
    const ownDatastore = screen.getByText('own-datastore holds').closest('li')!;
    expect(within(ownDatastore).getByLabelText('not met')).toBeInTheDocument();
    const extracted = screen
      .getByText('Extracted into its own repository')
      .closest('li')!;
    expect(within(extracted).getByLabelText('met')).toBeInTheDocument();

    // Findings: the unwaived error first, the waived one still shown with its reason.
    const rows = screen
      .getAllByRole('row')
      .filter(row => within(row).queryByText(/reads the database/));
    expect(
      within(rows[0]).getByText(
        'payments-reconciliation reads the database of platform',
      ),
    ).toBeInTheDocument();
    expect(within(rows[1]).getByText('error, waived')).toBeInTheDocument();
    expect(
      within(rows[1]).getByText('Waived: read replica until Q2 2027'),
    ).toBeInTheDocument();
    expect(
      within(rows[0]).getByRole('link', { name: 'acme-legacy-db' }),
    ).toHaveAttribute('href', '/catalog/default/resource/acme-legacy-db');

    // Failure isolation.
    expect(
      screen.getByText('Blast radius: blocks 1, delays 0 domain(s)'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'checkout' })).toBeInTheDocument();
    expect(screen.getByText('blocked')).toBeInTheDocument();
    expect(screen.getByText('via payments → checkout')).toBeInTheDocument();
  });

  it("shows the score's history as a chart", async () => {
    await renderWith({ getDomain: jest.fn().mockResolvedValue(payments) });

    expect(await screen.findByText('Score history')).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: 'Health score history, 3 refreshes from 2026-10-01 to 2026-11-21; latest: score 70, 1 error, 0 warnings',
      }),
    ).toBeInTheDocument();
  });

  it('says the chart grows with each refresh when only one is recorded', async () => {
    const fresh = { ...payments, history: payments.history.slice(-1) };
    await renderWith({ getDomain: jest.fn().mockResolvedValue(fresh) });

    expect(
      await screen.findByText('Only one refresh recorded so far'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('img', { name: /^Health score history/ }),
    ).not.toBeInTheDocument();
  });

  it("lists the domain's contracts with their consumers and the pins they break", async () => {
    await renderWith({ getDomain: jest.fn().mockResolvedValue(payments) });

    await screen.findByText('Contracts');
    const row = (title: string) =>
      screen
        .getAllByRole('row')
        .find(r => within(r).queryByRole('link', { name: title }))!;

    const api = row('Payments API');
    expect(
      within(api).getByRole('link', { name: 'Payments API' }),
    ).toHaveAttribute('href', '/catalog/default/api/payments-api');
    expect(within(api).getByText('openapi')).toBeInTheDocument();
    expect(within(api).getByText('2.1.0')).toBeInTheDocument();
    expect(within(api).getByText('from the definition')).toBeInTheDocument();
    expect(within(api).getByText('production')).toBeInTheDocument();
    const consumers = within(api).getByRole('list', {
      name: 'Consumers of Payments API',
    });
    expect(
      within(consumers).getByRole('link', { name: 'checkout-service' }),
    ).toHaveAttribute('href', '/catalog/default/component/checkout-service');
    const pins = within(api).getByRole('list', {
      name: 'Unsatisfied pins of Payments API',
    });
    expect(within(pins).getByText('^1.4.0')).toBeInTheDocument();
    expect(
      within(pins).getByRole('link', { name: 'checkout-service' }),
    ).toBeInTheDocument();

    // No version and no consumer yet.
    const events = row('Payment events');
    expect(within(events).getByText('asyncapi')).toBeInTheDocument();
    expect(within(events).getByText('unknown')).toBeInTheDocument();
    expect(within(events).getByText('experimental')).toBeInTheDocument();
    expect(within(events).getAllByText('none')).toHaveLength(2);
  });

  it('says when the domain has no contracts', async () => {
    await renderWith({
      getDomain: jest.fn().mockResolvedValue({ ...payments, contracts: [] }),
    });

    expect(
      await screen.findByText(
        'This domain provides no contracts: no API entity belongs to it.',
      ),
    ).toBeInTheDocument();
  });

  it('shows the backend error, e.g. for a domain the backend does not know yet', async () => {
    const response = new Response(
      JSON.stringify({
        error: {
          name: 'NotFoundError',
          message: 'No domain domain:default/payments in the catalog',
        },
        request: { method: 'GET', url: '/domains/default/payments' },
        response: { statusCode: 404 },
      }),
      { status: 404, headers: { 'content-type': 'application/json' } },
    );
    const error = await ResponseError.fromResponse(response);
    await renderWith({ getDomain: jest.fn().mockRejectedValue(error) });

    expect(
      await screen.findByText(
        'No domain domain:default/payments in the catalog',
      ),
    ).toBeInTheDocument();
  });
});
