import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { captureDownloads } from '../../testing/captureDownloads';
import { DomainAtlasApi, domainAtlasApiRef } from '../../api';
import { DomainsTable } from './DomainsTable';

const counts = (error: number, warning = 0, info = 0, waived = 0) => ({
  error,
  warning,
  info,
  waived,
});

const orders = {
  ref: 'domain:default/orders',
  title: 'Orders',
  owner: 'group:default/orders-team',
  parent: null,
  score: 95,
  findingCounts: counts(0, 1),
  phase: {
    evidence: 3 as const,
    declared: 3 as const,
    target: null,
    targetDate: null,
    status: 'none' as const,
  },
  repositoryCount: 2,
};

const payments = {
  ref: 'domain:default/payments',
  title: 'Payments',
  owner: 'group:default/payments-team',
  parent: null,
  score: 60,
  findingCounts: counts(2, 1, 0, 1),
  phase: {
    evidence: 2 as const,
    declared: 3 as const,
    target: 3 as const,
    targetDate: '2026-12-15',
    status: 'at-risk' as const,
  },
  repositoryCount: 1,
};

const coupons = {
  ...orders,
  ref: 'domain:default/coupons',
  title: 'Coupons',
  owner: null,
  score: 85,
  findingCounts: counts(1),
  phase: { ...orders.phase, evidence: 0 as const, declared: null },
};

function renderWith(api: Partial<DomainAtlasApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[domainAtlasApiRef, api]]}>
      <DomainsTable />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('DomainsTable', () => {
  it('lists each domain with a link to it and to its owner', async () => {
    const listDomains = jest.fn().mockResolvedValue([orders, coupons]);
    await renderWith({ listDomains });

    expect(await screen.findByText('Domains (2)')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Orders' })).toHaveAttribute(
      'href',
      '/catalog/default/domain/orders',
    );
    expect(screen.getByRole('link', { name: 'orders-team' })).toHaveAttribute(
      'href',
      '/catalog/default/group/orders-team',
    );
    expect(screen.getByText('No owner')).toBeInTheDocument();
    expect(listDomains).toHaveBeenCalledTimes(1);
  });

  it('shows phase, target, health and findings, least healthy first', async () => {
    await renderWith({
      listDomains: jest.fn().mockResolvedValue([orders, payments]),
    });
    await screen.findByText('Domains (2)');

    const rows = screen.getAllByRole('row').slice(1);
    expect(
      within(rows[0]).getByRole('link', { name: 'Payments' }),
    ).toBeInTheDocument();
    expect(within(rows[0]).getByText('2 · Logical split')).toBeInTheDocument();
    expect(within(rows[0]).getByText('declares 3')).toBeInTheDocument();
    expect(
      within(rows[0]).getByText('target 3 by 2026-12-15: at risk'),
    ).toBeInTheDocument();
    expect(
      within(rows[0]).getByRole('img', { name: 'Health score 60 of 100' }),
    ).toBeInTheDocument();
    expect(
      within(rows[0]).getByText('2 errors, 1 warning, 1 waived'),
    ).toBeInTheDocument();

    expect(
      within(rows[1]).getByText('3 · Physical repo split'),
    ).toBeInTheDocument();
    expect(within(rows[1]).queryByText(/declares/)).not.toBeInTheDocument();
    expect(within(rows[1]).getByText('1 warning')).toBeInTheDocument();
  });

  it('downloads the domains as CSV', async () => {
    const downloads = captureDownloads();
    await renderWith({
      listDomains: jest.fn().mockResolvedValue([orders, payments]),
    });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Download domains as CSV' }),
    );

    expect(downloads[0].filename).toBe('domain-atlas-domains.csv');
    const lines = (await downloads[0].blob.text()).split('\r\n');
    expect(lines[0]).toBe(
      'domain,title,owner,evidence phase,declared phase,target phase,target date,target status,health score,errors,warnings,infos,waived,repositories',
    );
    expect(lines[2]).toBe(
      'domain:default/payments,Payments,group:default/payments-team,2,3,3,2026-12-15,at-risk,60,2,1,0,1,1',
    );
    jest.restoreAllMocks();
  });

  it('explains what to do when the catalog has no domains', async () => {
    await renderWith({ listDomains: jest.fn().mockResolvedValue([]) });

    expect(await screen.findByText('No domains yet')).toBeInTheDocument();
  });

  it('shows the backend error', async () => {
    const response = new Response(
      JSON.stringify({
        error: { name: 'Error', message: 'catalog unavailable' },
        request: { method: 'GET', url: '/domains' },
        response: { statusCode: 503 },
      }),
      { status: 503, headers: { 'content-type': 'application/json' } },
    );
    const error = await ResponseError.fromResponse(response);
    await renderWith({ listDomains: jest.fn().mockRejectedValue(error) });

    expect(
      await screen.findByText('Error: Request failed with 503'),
    ).toBeInTheDocument();
    expect(screen.getByText('catalog unavailable')).toBeInTheDocument();
  });
});
