import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import type { ContractListItem } from '@domain-atlas/plugin-domain-atlas-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DomainAtlasApi, domainAtlasApiRef } from '../../api';
import { backendError } from '../../testing/backendError';
import { captureDownloads } from '../../testing/captureDownloads';
import { ContractsTable } from './ContractsTable';

const ordersV2: ContractListItem = {
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
    at: '2026-05-02T10:00:00.000Z',
  },
};

const ordersV1: ContractListItem = {
  ...ordersV2,
  ref: 'api:default/orders-api-v1',
  title: 'Orders API v1',
  version: '1.8.2',
  lifecycle: 'deprecated',
  consumerCount: 1,
  latestChange: null,
};

const payments: ContractListItem = {
  ref: 'api:default/payments-api',
  title: 'Payments API',
  domain: 'domain:default/payments',
  type: 'grpc',
  version: '2',
  family: 'payments-api',
  lifecycle: 'production',
  consumerCount: 1,
  unsatisfiedPins: 1,
  latestChange: {
    classification: 'non-breaking',
    needsMajor: false,
    fromVersion: '2',
    toVersion: '2',
    at: '2026-04-01T08:00:00.000Z',
  },
};

const search: ContractListItem = {
  ref: 'api:default/search-graphql',
  title: 'Search GraphQL',
  domain: null,
  type: 'graphql',
  version: null,
  family: 'search-graphql',
  lifecycle: null,
  consumerCount: 0,
  unsatisfiedPins: 0,
  latestChange: null,
};

function renderWith(api: Partial<DomainAtlasApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[domainAtlasApiRef, api]]}>
      <ContractsTable />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

const rowOf = (title: string) =>
  screen
    .getAllByRole('row')
    .find(row => within(row).queryByRole('link', { name: title }))!;

describe('ContractsTable', () => {
  // material-table re-renders on every filter change; slow on a busy CI machine.
  jest.setTimeout(20_000);

  it('lists every contract with its domain, version, family, consumers and latest change', async () => {
    const listContracts = jest
      .fn()
      .mockResolvedValue([ordersV2, ordersV1, payments, search]);
    await renderWith({ listContracts });

    expect(await screen.findByText('Contracts (4)')).toBeInTheDocument();
    expect(listContracts).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('link', { name: 'Orders API v2' })).toHaveAttribute(
      'href',
      '/catalog/default/api/orders-api-v2',
    );

    const v2 = within(rowOf('Orders API v2'));
    expect(v2.getByRole('link', { name: 'orders' })).toHaveAttribute(
      'href',
      '/catalog/default/domain/orders',
    );
    expect(v2.getByText('openapi')).toBeInTheDocument();
    expect(v2.getByText('2.3.0')).toBeInTheDocument();
    expect(v2.getByText('orders-api')).toBeInTheDocument();
    expect(v2.getByText('breaking')).toBeInTheDocument();
    expect(v2.getByText('needs major')).toBeInTheDocument();
    expect(v2.getByText('2.2.0 → 2.3.0, 2026-05-02')).toBeInTheDocument();

    const v1 = within(rowOf('Orders API v1'));
    expect(v1.getByText('deprecated')).toBeInTheDocument();
    expect(v1.getByText('none recorded')).toBeInTheDocument();

    const p = within(rowOf('Payments API'));
    expect(p.getByText('non-breaking')).toBeInTheDocument();
    expect(p.queryByText('needs major')).not.toBeInTheDocument();

    const s = within(rowOf('Search GraphQL'));
    expect(s.getByText('unknown')).toBeInTheDocument();
    expect(s.getByText('none')).toBeInTheDocument();
  });

  it('filters by search, domain, type and change class, with labelled controls', async () => {
    await renderWith({
      listContracts: jest
        .fn()
        .mockResolvedValue([ordersV2, ordersV1, payments, search]),
    });
    await screen.findByText('Contracts (4)');

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Domain' }),
      'domain:default/orders',
    );
    expect(await screen.findByText('Contracts (2 of 4)')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Payments API' })).toBeNull();

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Latest change' }),
      'needs-major',
    );
    expect(await screen.findByText('Contracts (1 of 4)')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Orders API v2' }),
    ).toBeInTheDocument();

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Domain' }),
      '',
    );
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Latest change' }),
      'none',
    );
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Type' }),
      'graphql',
    );
    expect(await screen.findByText('Contracts (1 of 4)')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Search GraphQL' }),
    ).toBeInTheDocument();

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Type' }),
      '',
    );
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Latest change' }),
      '',
    );
    const searchBox = screen.getByRole('searchbox', {
      name: 'Search contracts',
    });
    await userEvent.click(searchBox);
    await userEvent.paste('payments');
    await waitFor(() =>
      expect(screen.getByText('Contracts (1 of 4)')).toBeInTheDocument(),
    );
    expect(
      screen.getByRole('link', { name: 'Payments API' }),
    ).toBeInTheDocument();

    await userEvent.paste(' nothing-like-this');
    expect(
      await screen.findByText('No contracts match the search and filters.'),
    ).toBeInTheDocument();
  });

  it('downloads the contracts shown as CSV', async () => {
    const downloads = captureDownloads();
    await renderWith({
      listContracts: jest.fn().mockResolvedValue([ordersV2, payments, search]),
    });
    await screen.findByText('Contracts (3)');
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Latest change' }),
      'breaking',
    );
    await screen.findByText('Contracts (1 of 3)');

    await userEvent.click(
      screen.getByRole('button', {
        name: 'Download the contracts shown as CSV',
      }),
    );

    expect(downloads[0].filename).toBe('domain-atlas-contracts.csv');
    expect((await downloads[0].blob.text()).split('\r\n')).toEqual([
      'domain,contract,title,type,version,family,lifecycle,consumers,unsatisfied pins,latest change,needs major,from version,to version,changed at',
      'domain:default/orders,api:default/orders-api-v2,Orders API v2,openapi,2.3.0,orders-api,production,2,0,breaking,true,2.2.0,2.3.0,2026-05-02T10:00:00.000Z',
      '',
    ]);
    jest.restoreAllMocks();
  });

  it('explains what to do when the catalog has no APIs', async () => {
    await renderWith({ listContracts: jest.fn().mockResolvedValue([]) });

    expect(await screen.findByText('No contracts yet')).toBeInTheDocument();
  });

  it('shows the backend error', async () => {
    await renderWith({
      listContracts: jest
        .fn()
        .mockRejectedValue(await backendError(503, 'catalog unavailable')),
    });

    expect(
      await screen.findByText('Error: Request failed with 503'),
    ).toBeInTheDocument();
    expect(screen.getByText('catalog unavailable')).toBeInTheDocument();
  });
});
