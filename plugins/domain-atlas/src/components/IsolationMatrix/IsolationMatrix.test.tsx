import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  DomainAtlasApi,
  domainAtlasApiRef,
  IsolationOverview,
} from '../../api';
import { backendError } from '../../testing/backendError';
import { captureDownloads } from '../../testing/captureDownloads';
import { IsolationMatrix } from './IsolationMatrix';

const isolation: IsolationOverview = {
  domains: [
    'domain:default/checkout',
    'domain:default/orders',
    'domain:default/payments',
  ],
  titles: {
    'domain:default/checkout': 'Checkout',
    'domain:default/orders': 'Orders',
    'domain:default/payments': 'Payments',
  },
  entries: [
    {
      down: 'domain:default/payments',
      affected: 'domain:default/checkout',
      impact: 'blocked',
      path: ['domain:default/payments', 'domain:default/checkout'],
    },
    {
      down: 'domain:default/payments',
      affected: 'domain:default/orders',
      impact: 'delayed',
      path: ['domain:default/payments', 'domain:default/orders'],
    },
    {
      down: 'domain:default/orders',
      affected: 'domain:default/payments',
      impact: 'delayed',
      path: ['domain:default/orders', 'domain:default/payments'],
    },
  ],
  blastRadius: [
    { domain: 'domain:default/checkout', blocks: 0, delays: 0 },
    { domain: 'domain:default/orders', blocks: 0, delays: 1 },
    { domain: 'domain:default/payments', blocks: 1, delays: 1 },
  ],
};

function renderWith(api: Partial<DomainAtlasApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[domainAtlasApiRef, api]]}>
      <IsolationMatrix />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

function rowOf(table: HTMLElement, name: string) {
  return within(table)
    .getAllByRole('row')
    .find(r => within(r).queryByRole('rowheader', { name }))!;
}

describe('IsolationMatrix', () => {
  afterEach(() => jest.restoreAllMocks());

  it('shows who is blocked or delayed while a domain is down, with the chain', async () => {
    const getIsolation = jest.fn().mockResolvedValue(isolation);
    await renderWith({ getIsolation });

    const matrix = await screen.findByRole('table', {
      name: 'Failure-isolation matrix',
    });
    expect(
      within(matrix)
        .getAllByRole('columnheader')
        .map(h => h.textContent),
    ).toEqual(['Down ↓ / affected →', 'Checkout', 'Orders', 'Payments']);
    const payments = rowOf(matrix, 'Payments');
    expect(
      within(payments)
        .getAllByRole('cell')
        .map(c => c.textContent),
    ).toEqual(['blocked', 'delayed', '–']);
    expect(
      within(payments).getByTitle('Payments → Checkout'),
    ).toHaveTextContent('blocked');
    expect(
      within(rowOf(matrix, 'Checkout'))
        .getAllByRole('cell')
        .map(c => c.textContent),
    ).toEqual(['–', '', '']);
    expect(
      within(payments).getByRole('link', { name: 'Payments' }),
    ).toHaveAttribute('href', '/catalog/default/domain/payments');
    expect(getIsolation).toHaveBeenCalledTimes(1);
  });

  it('lists the blast radius, most dangerous first', async () => {
    await renderWith({ getIsolation: jest.fn().mockResolvedValue(isolation) });

    const radius = await screen.findByRole('table', { name: 'Blast radius' });
    const rows = within(radius).getAllByRole('row').slice(1);
    expect(rows.map(r => r.textContent)).toEqual([
      'Payments11CheckoutOrders',
      'Orders01Payments',
      'Checkout00',
    ]);
  });

  it('downloads the matrix entries as CSV', async () => {
    const downloads = captureDownloads();
    await renderWith({ getIsolation: jest.fn().mockResolvedValue(isolation) });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Download the failure-isolation matrix as CSV',
      }),
    );

    expect(downloads[0].filename).toBe('domain-atlas-isolation.csv');
    expect((await downloads[0].blob.text()).split('\r\n')).toEqual([
      'down,affected,impact,chain',
      'Payments,Checkout,blocked,Payments → Checkout',
      'Payments,Orders,delayed,Payments → Orders',
      'Orders,Payments,delayed,Orders → Payments',
      '',
    ]);
  });

  it('says when there are no domains', async () => {
    await renderWith({
      getIsolation: jest.fn().mockResolvedValue({
        domains: [],
        titles: {},
        entries: [],
        blastRadius: [],
      }),
    });
    expect(await screen.findByText('No domains yet')).toBeInTheDocument();
  });

  it('shows the backend error', async () => {
    const error = await backendError(503, 'no report yet');
    await renderWith({ getIsolation: jest.fn().mockRejectedValue(error) });
    expect(await screen.findByText('no report yet')).toBeInTheDocument();
  });
});
