import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import type { WaiverSummary } from '@domain-atlas/plugin-domain-atlas-common';
import { screen, within } from '@testing-library/react';
import { DomainAtlasApi, domainAtlasApiRef } from '../../api';
import { backendError } from '../../testing/backendError';
import { WaiversTable } from './WaiversTable';

const waivers: WaiverSummary[] = [
  {
    entity: 'component:default/catalog-reporting',
    owner: 'group:default/catalog-team',
    domain: 'domain:default/products',
    rule: 'own-datastore',
    reason: 'read replica for reporting',
    until: '2027-06-30',
    daysLeft: 221,
    expired: false,
    findings: ['own-datastore:domain:default/products:x'],
  },
  {
    entity: 'component:default/payments-reconciliation',
    owner: 'group:default/payments-team',
    domain: 'domain:default/payments',
    rule: 'own-datastore',
    reason: 'the ledger moves in Q3',
    until: '2026-10-01',
    daysLeft: -51,
    expired: true,
    findings: ['own-datastore:domain:default/payments:y'],
  },
  {
    entity: 'component:default/referral-widget',
    domain: null,
    rule: 'no-such-rule',
    reason: 'left over',
    expired: false,
    unused: 'unknown-rule',
    findings: [],
  },
  {
    entity: 'component:default/search-indexer',
    owner: 'group:default/platform-team',
    domain: 'domain:default/search',
    rule: 'repo-per-service',
    reason: 'moves to a repository of its own',
    until: '2026-12-15',
    daysLeft: 24,
    expired: false,
    findings: [
      'repo-per-service:domain:default/search:a',
      'repo-per-service:domain:default/search:b',
    ],
  },
];

function renderWith(api: Partial<DomainAtlasApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[domainAtlasApiRef, api]]}>
      <WaiversTable />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

/** The cells of the row whose entity link leads to `name`'s page. */
async function rowOf(name: string): Promise<string[]> {
  const link = await screen.findByRole('link', { name });
  const row = link.closest('tr')!;
  return within(row)
    .getAllByRole('cell')
    .map(cell => cell.textContent ?? '');
}

describe('WaiversTable', () => {
  it('shows each waiver: entity, owner, rule, reason, until, days left and use', async () => {
    const listWaivers = jest.fn().mockResolvedValue(waivers);
    await renderWith({ listWaivers });

    expect(
      await screen.findByText(
        '4 waivers, 1 expiring within 30 days, 1 expired, 1 unused. Days left are counted from the newest report.',
      ),
    ).toBeInTheDocument();
    expect(await rowOf('catalog-reporting')).toEqual([
      'catalog-reporting',
      'catalog-team',
      'own-datastore',
      'read replica for reporting',
      '2027-06-30',
      '221 days',
      'waives 1 finding',
    ]);
    expect(await rowOf('search-indexer')).toEqual([
      'search-indexer',
      'platform-team',
      'repo-per-service',
      'moves to a repository of its own',
      '2026-12-15',
      'expires soon: 24 days left',
      'waives 2 findings',
    ]);
    expect(await rowOf('payments-reconciliation')).toEqual([
      'payments-reconciliation',
      'payments-team',
      'own-datastore',
      'the ledger moves in Q3',
      '2026-10-01',
      'expired 51 days ago',
      'waives 1 finding',
    ]);
    expect(await rowOf('referral-widget')).toEqual([
      'referral-widget',
      '–',
      'no-such-rule',
      'left over',
      'no end',
      '–',
      'unused: no rule has this id',
    ]);
    expect(
      screen.getByRole('link', { name: 'search-indexer' }),
    ).toHaveAttribute('href', '/catalog/default/component/search-indexer');
    expect(screen.getByRole('link', { name: 'platform-team' })).toHaveAttribute(
      'href',
      '/catalog/default/group/platform-team',
    );
    expect(listWaivers).toHaveBeenCalledWith();
  });

  it('marks the end in words, not by colour alone', async () => {
    await renderWith({ listWaivers: jest.fn().mockResolvedValue(waivers) });
    const soon = await screen.findByText('expires soon: 24 days left');
    // A chip: the colour comes with these words.
    expect(soon.closest('.MuiChip-root')).not.toBeNull();
    expect(
      screen.getByText('expired 51 days ago').closest('.MuiChip-root'),
    ).not.toBeNull();
    expect(screen.getByText('221 days').closest('.MuiChip-root')).toBeNull();
  });

  it('says when there are no waivers', async () => {
    await renderWith({ listWaivers: jest.fn().mockResolvedValue([]) });
    expect(await screen.findByText('No waivers')).toBeInTheDocument();
  });

  it('shows the backend error', async () => {
    const error = await backendError(
      403,
      'Not allowed: domain-atlas.report.read',
    );
    await renderWith({ listWaivers: jest.fn().mockRejectedValue(error) });
    expect(
      await screen.findByText('Not allowed: domain-atlas.report.read'),
    ).toBeInTheDocument();
  });
});
