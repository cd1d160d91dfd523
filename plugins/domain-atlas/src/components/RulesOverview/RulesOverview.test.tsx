import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import type {
  Finding,
  RuleSummary,
  WaiverSummary,
} from '@domain-atlas/plugin-domain-atlas-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DomainAtlasApi, domainAtlasApiRef } from '../../api';
import { backendError } from '../../testing/backendError';
import { captureDownloads } from '../../testing/captureDownloads';
import { RulesOverview } from './RulesOverview';

const rule = (
  id: string,
  principle: string,
  overrides: Partial<RuleSummary> = {},
): RuleSummary => ({
  id,
  principle,
  description: `${principle} is broken.`,
  defaultSeverity: 'error',
  severity: 'error',
  enabled: true,
  ...overrides,
});

const rules = [
  rule('single-owner', 'No shared ownership'),
  rule('own-datastore', 'No cross-domain DB access'),
  rule('repo-per-service', 'Repos own releases', { enabled: false }),
];

const findings: Finding[] = [
  {
    id: 'own-datastore:products:a',
    rule: 'own-datastore',
    severity: 'error',
    domain: 'domain:default/products',
    entities: [
      'component:default/catalog-reporting',
      'resource:default/inventory-db',
    ],
    message: 'catalog-reporting uses inventory-db of domain inventory',
    waived: true,
    waiver: 'read replica for reporting until Q2 2027',
    waiverUntil: '2027-06-30',
  },
  {
    id: 'own-datastore:payments:b',
    rule: 'own-datastore',
    severity: 'error',
    domain: 'domain:default/payments',
    entities: [
      'component:default/payments-reconciliation',
      'resource:default/acme-legacy-db',
    ],
    message: 'payments-reconciliation uses acme-legacy-db, "the monolith DB"',
    waived: false,
  },
];

const waivers: WaiverSummary[] = [
  {
    entity: 'component:default/catalog-reporting',
    owner: 'group:default/catalog-team',
    domain: 'domain:default/products',
    rule: 'own-datastore',
    reason: 'read replica for reporting',
    until: '2027-06-30',
    daysLeft: 10,
    expired: false,
    findings: ['own-datastore:products:a'],
  },
];

function renderWith(api: Partial<DomainAtlasApi>, path = '/') {
  return renderInTestApp(
    <TestApiProvider apis={[[domainAtlasApiRef, api]]}>
      <RulesOverview />
    </TestApiProvider>,
    {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      routeEntries: [path],
    },
  );
}

describe('RulesOverview', () => {
  afterEach(() => jest.restoreAllMocks());

  it('groups the findings by rule under the rule’s principle', async () => {
    const listRules = jest.fn().mockResolvedValue(rules);
    const listFindings = jest.fn().mockResolvedValue(findings);
    await renderWith({ listRules, listFindings });

    const datastore = await screen.findByRole('region', {
      name: 'No cross-domain DB access (own-datastore)',
    });
    expect(
      within(datastore).getByText(
        'Violated when: No cross-domain DB access is broken.',
      ),
    ).toBeInTheDocument();
    expect(
      within(datastore).getByText('own-datastore: 1 finding, 1 waived'),
    ).toBeInTheDocument();
    expect(
      within(datastore).getByRole('link', { name: 'acme-legacy-db' }),
    ).toHaveAttribute('href', '/catalog/default/resource/acme-legacy-db');

    const waivedRow = within(datastore)
      .getAllByRole('row')
      .find(r => within(r).queryByText('error, waived'))!;
    expect(
      within(waivedRow).getByText(
        'Waived: read replica for reporting until Q2 2027 (until 2027-06-30)',
      ),
    ).toBeInTheDocument();

    expect(
      within(
        screen.getByRole('region', {
          name: 'No shared ownership (single-owner)',
        }),
      ).getByText('No findings: the catalog lives by this rule.'),
    ).toBeInTheDocument();
    expect(
      within(
        screen.getByRole('region', {
          name: 'Repos own releases (repo-per-service)',
        }),
      ).getByText('switched off'),
    ).toBeInTheDocument();
    expect(listRules).toHaveBeenCalledTimes(1);
    expect(listFindings).toHaveBeenCalledWith();
  });

  it('shows the waivers on their own view, asking for them only then', async () => {
    const listWaivers = jest.fn().mockResolvedValue(waivers);
    await renderWith({
      listRules: jest.fn().mockResolvedValue(rules),
      listFindings: jest.fn().mockResolvedValue(findings),
      listWaivers,
    });
    const byRule = screen.getByRole('tab', { name: 'Findings by rule' });
    expect(byRule).toHaveAttribute('aria-selected', 'true');
    await screen.findByRole('region', {
      name: 'No cross-domain DB access (own-datastore)',
    });
    expect(listWaivers).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('tab', { name: 'Waivers' }));

    expect(screen.getByRole('tab', { name: 'Waivers' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    const panel = screen.getByRole('tabpanel');
    const row = (
      await within(panel).findByRole('link', { name: 'catalog-reporting' })
    ).closest('tr')!;
    expect(within(row).getByText('read replica for reporting')).toBeVisible();
    expect(within(row).getByText('2027-06-30')).toBeVisible();
    expect(within(row).getByText('expires soon: 10 days left')).toBeVisible();
    expect(
      screen.queryByRole('region', {
        name: 'No cross-domain DB access (own-datastore)',
      }),
    ).not.toBeInTheDocument();
    expect(listWaivers).toHaveBeenCalledTimes(1);
  });

  it('opens the waivers view from its link', async () => {
    const listFindings = jest.fn().mockResolvedValue(findings);
    await renderWith(
      {
        listRules: jest.fn().mockResolvedValue(rules),
        listFindings,
        listWaivers: jest.fn().mockResolvedValue(waivers),
      },
      '/?view=waivers',
    );
    expect(screen.getByRole('tab', { name: 'Waivers' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(
      await screen.findByRole('link', { name: 'catalog-reporting' }),
    ).toHaveAttribute('href', '/catalog/default/component/catalog-reporting');
    expect(listFindings).not.toHaveBeenCalled();
  });

  it('downloads every finding as CSV, quoting where needed', async () => {
    const downloads = captureDownloads();
    await renderWith({
      listRules: jest.fn().mockResolvedValue(rules),
      listFindings: jest.fn().mockResolvedValue(findings),
    });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Download the findings as CSV',
      }),
    );

    expect(downloads[0].filename).toBe('domain-atlas-findings.csv');
    expect((await downloads[0].blob.text()).split('\r\n')).toEqual([
      'rule,principle,severity,waived,waiver,domain,message,entities',
      'own-datastore,No cross-domain DB access,error,true,read replica for reporting until Q2 2027,domain:default/products,catalog-reporting uses inventory-db of domain inventory,component:default/catalog-reporting resource:default/inventory-db',
      'own-datastore,No cross-domain DB access,error,false,,domain:default/payments,"payments-reconciliation uses acme-legacy-db, ""the monolith DB""",component:default/payments-reconciliation resource:default/acme-legacy-db',
      '',
    ]);
  });

  it('says when no rule is configured', async () => {
    await renderWith({
      listRules: jest.fn().mockResolvedValue([]),
      listFindings: jest.fn().mockResolvedValue([]),
    });
    expect(await screen.findByText('No rules configured')).toBeInTheDocument();
  });

  it('shows the backend error', async () => {
    const error = await backendError(
      403,
      'Not allowed: domain-atlas.report.read',
    );
    await renderWith({
      listRules: jest.fn().mockResolvedValue(rules),
      listFindings: jest.fn().mockRejectedValue(error),
    });
    expect(
      await screen.findByText('Not allowed: domain-atlas.report.read'),
    ).toBeInTheDocument();
  });
});
