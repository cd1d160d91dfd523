import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { captureDownloads } from '../../testing/captureDownloads';
import { DomainAtlasApi, domainAtlasApiRef, DomainListItem } from '../../api';
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
  // material-table re-renders on every filter change; slow on a busy CI machine.
  jest.setTimeout(20_000);

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
      'domain,title,owner,evidence phase,declared phase,target phase,target date,target status,health score,errors,warnings,infos,waived,repositories,parent',
    );
    // In the order shown: least healthy first.
    expect(lines[1]).toBe(
      'domain:default/payments,Payments,group:default/payments-team,2,3,3,2026-12-15,at-risk,60,2,1,0,1,1,',
    );
    jest.restoreAllMocks();
  });

  it('explains what to do when the catalog has no domains', async () => {
    await renderWith({ listDomains: jest.fn().mockResolvedValue([]) });

    expect(await screen.findByText('No domains yet')).toBeInTheDocument();
    expect(
      screen.getByText(/A component joins a domain through its System/),
    ).toBeInTheDocument();
    // The example: a Domain with an owner, and a System in that domain.
    const example = await screen.findByText(
      (_, element) =>
        element?.tagName === 'CODE' &&
        /kind: Domain/.test(element.textContent ?? ''),
    );
    expect(example.textContent).toContain(
      'kind: Domain\nmetadata:\n  name: payments\nspec:\n  owner: group:default/payments-team\n',
    );
    expect(example.textContent).toContain(
      'kind: System\nmetadata:\n  name: payments-platform\nspec:\n  owner: group:default/payments-team\n  domain: payments\n',
    );
    expect(screen.queryByText(/^Domains \(/)).not.toBeInTheDocument();
  });

  it('shows no such explanation once the catalog has domains', async () => {
    await renderWith({ listDomains: jest.fn().mockResolvedValue([orders]) });

    expect(await screen.findByText('Domains (1)')).toBeInTheDocument();
    expect(screen.queryByText('No domains yet')).not.toBeInTheDocument();
    expect(
      screen.queryByText(/A component joins a domain through its System/),
    ).not.toBeInTheDocument();
    expect(screen.queryByText(/kind: Domain/)).not.toBeInTheDocument();
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

  const domain = (
    name: string,
    overrides: Partial<DomainListItem> = {},
  ): DomainListItem => ({
    ...orders,
    ref: `domain:default/${name}`,
    title: name[0].toUpperCase() + name.slice(1),
    owner: `group:default/${name}-team`,
    ...overrides,
  });

  /** The rows of domains (not the header, nor the pagination footer). */
  const bodyRows = () =>
    screen
      .getAllByRole('row')
      .filter(row => row.querySelector('a[href^="/catalog/default/domain/"]'));
  const domainTitles = () =>
    bodyRows().map(row => within(row).getAllByRole('link')[0].textContent);

  it('keeps subdomains right under their parent, indented and named, in either sort direction', async () => {
    await renderWith({
      listDomains: jest.fn().mockResolvedValue([
        domain('checkout', {
          score: 40,
          parent: 'domain:default/orders',
        }),
        domain('commerce', { score: 90 }),
        domain('payments', { score: 70 }),
        domain('orders', { score: 50, parent: 'domain:default/commerce' }),
      ]),
    });
    await screen.findByText('Domains (4)');

    // Least healthy first among siblings; subdomains follow their parent.
    expect(domainTitles()).toEqual([
      'Payments',
      'Commerce',
      'Orders',
      'Checkout',
    ]);
    const checkout = within(bodyRows()[3]);
    expect(
      checkout.getByText('subdomain of Commerce › Orders'),
    ).toBeInTheDocument();
    expect(within(bodyRows()[1]).getByText('1 subdomain')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Health' }));
    expect(domainTitles()).toEqual([
      'Commerce',
      'Orders',
      'Checkout',
      'Payments',
    ]);

    // material-table keeps the direction when switching columns.
    await userEvent.click(screen.getByRole('button', { name: 'Domain' }));
    expect(domainTitles()).toEqual([
      'Payments',
      'Commerce',
      'Orders',
      'Checkout',
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Domain' }));
    expect(domainTitles()).toEqual([
      'Commerce',
      'Orders',
      'Checkout',
      'Payments',
    ]);
  });

  it('filters by owner team, evidence phase and findings, with labelled controls', async () => {
    const listDomains = jest.fn().mockResolvedValue([
      orders,
      payments,
      coupons,
      domain('shipping', {
        owner: 'group:default/orders-team',
        findingCounts: counts(0, 0, 2),
        phase: { ...orders.phase, evidence: 1 },
      }),
    ]);
    await renderWith({ listDomains });
    await screen.findByText('Domains (4)');

    const owner = screen.getByRole('combobox', { name: 'Owner team' });
    expect(
      within(owner)
        .getAllByRole('option')
        .map(option => option.textContent),
    ).toEqual([
      'Any owner',
      'orders-team',
      'payments-team',
      'Without an owner',
    ]);
    await userEvent.selectOptions(owner, 'group:default/orders-team');
    expect(await screen.findByText('Domains (2 of 4)')).toBeInTheDocument();
    expect(domainTitles().sort()).toEqual(['Orders', 'Shipping']);

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Phase (evidence)' }),
      '1',
    );
    expect(await screen.findByText('Domains (1 of 4)')).toBeInTheDocument();
    expect(domainTitles()).toEqual(['Shipping']);

    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    expect(await screen.findByText('Domains (4)')).toBeInTheDocument();
    expect(owner).toHaveValue('');
    expect(
      screen.queryByRole('button', { name: 'Clear filters' }),
    ).not.toBeInTheDocument();

    const findings = screen.getByRole('combobox', { name: 'Findings' });
    await userEvent.selectOptions(findings, 'error');
    expect(await screen.findByText('Domains (2 of 4)')).toBeInTheDocument();
    expect(domainTitles()).toEqual(['Payments', 'Coupons']);
    await userEvent.selectOptions(findings, 'warning');
    expect(domainTitles().sort()).toEqual(['Orders', 'Payments']);
    await userEvent.selectOptions(findings, 'clean');
    expect(domainTitles()).toEqual(['Shipping']);

    await userEvent.selectOptions(owner, '(none)');
    expect(
      await screen.findByText('No domains match the search and filters.'),
    ).toBeInTheDocument();
    expect(listDomains).toHaveBeenCalledTimes(1);
  });

  it('searches titles, owners and parent domains', async () => {
    await renderWith({
      listDomains: jest
        .fn()
        .mockResolvedValue([
          domain('commerce', { score: 90 }),
          domain('orders', { parent: 'domain:default/commerce' }),
          domain('payments', { score: 70 }),
        ]),
    });
    await screen.findByText('Domains (3)');
    const search = screen.getByRole('searchbox', { name: 'Search domains' });

    await userEvent.click(search);
    await userEvent.paste('commerce');
    await waitFor(() => expect(domainTitles()).toEqual(['Commerce', 'Orders']));
    expect(screen.getByText('Domains (2 of 3)')).toBeInTheDocument();

    await userEvent.clear(search);
    await userEvent.paste('payments-team');
    await waitFor(() => expect(domainTitles()).toEqual(['Payments']));
  });

  it('pages through an organisation of 1,200 domains, 20 at a time', async () => {
    const many = Array.from({ length: 1200 }, (_, i) =>
      domain(`d${String(i).padStart(4, '0')}`, {
        score: 100 - (i % 100),
        owner: `group:default/team-${i % 40}`,
      }),
    );
    await renderWith({ listDomains: jest.fn().mockResolvedValue(many) });

    expect(await screen.findByText('Domains (1200)')).toBeInTheDocument();
    expect(bodyRows()).toHaveLength(20);
    expect(screen.getAllByText('1-20 of 1200').length).toBeGreaterThan(0);
    expect(domainTitles()[0]).toBe('D0099'); // score 1, the least healthy

    await userEvent.click(screen.getByRole('button', { name: 'Next Page' }));
    expect(screen.getAllByText('21-40 of 1200').length).toBeGreaterThan(0);
    expect(bodyRows()).toHaveLength(20);

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Owner team' }),
      'group:default/team-7',
    );
    expect(await screen.findByText('Domains (30 of 1200)')).toBeInTheDocument();
    expect(bodyRows().length).toBeGreaterThan(0);
  });
});
