import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DomainAtlasApi, domainAtlasApiRef, TeamsOverview } from '../../api';
import { backendError } from '../../testing/backendError';
import { captureDownloads } from '../../testing/captureDownloads';
import { OwnershipMatrix } from './OwnershipMatrix';

const teams: TeamsOverview = {
  teams: [
    {
      ref: 'group:default/growth-team',
      title: 'Growth Team',
      parent: null,
      children: [],
      domains: [],
    },
    {
      ref: 'group:default/checkout-squad',
      title: 'Checkout Squad',
      parent: 'group:default/orders-team',
      children: [],
      domains: [{ ref: 'domain:default/checkout', via: 'direct' }],
    },
    {
      ref: 'group:default/orders-team',
      title: 'Orders Team',
      parent: null,
      children: ['group:default/checkout-squad'],
      domains: [
        {
          ref: 'domain:default/checkout',
          via: 'sub-team',
          through: 'group:default/checkout-squad',
        },
        { ref: 'domain:default/orders', via: 'direct' },
      ],
    },
  ],
  domains: [
    {
      ref: 'domain:default/checkout',
      title: 'Checkout',
      owner: 'group:default/checkout-squad',
      ownerKind: 'group',
      sharedWith: [],
      singleOwnerFindings: [],
    },
    {
      ref: 'domain:default/orders',
      title: 'Orders',
      owner: 'group:default/orders-team',
      ownerKind: 'group',
      sharedWith: ['group:default/growth-team'],
      singleOwnerFindings: ['single-owner:x'],
    },
    {
      ref: 'domain:default/reviews',
      title: 'Reviews',
      owner: 'user:default/li-wei',
      ownerKind: 'user',
      sharedWith: [],
      singleOwnerFindings: [],
    },
  ],
};

function renderWith(api: Partial<DomainAtlasApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[domainAtlasApiRef, api]]}>
      <OwnershipMatrix />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

function row(name: string) {
  return screen
    .getAllByRole('row')
    .find(r => within(r).queryByRole('rowheader', { name }))!;
}

describe('OwnershipMatrix', () => {
  afterEach(() => jest.restoreAllMocks());

  it('shows teams in tree order × domains, direct and through sub-teams', async () => {
    const getTeams = jest.fn().mockResolvedValue(teams);
    await renderWith({ getTeams });

    const matrix = await screen.findByRole('table', {
      name: 'Ownership matrix',
    });
    const headers = within(matrix)
      .getAllByRole('columnheader')
      .map(h => h.textContent);
    expect(headers).toEqual([
      'Team',
      'Checkout',
      'Ordersshared',
      'Reviewsno team owner',
    ]);
    const rowHeaders = within(matrix)
      .getAllByRole('rowheader')
      .map(h => h.textContent);
    expect(rowHeaders).toEqual([
      'Growth Team',
      'Orders Team',
      'Checkout Squad',
    ]);

    const cells = (name: string) =>
      within(row(name))
        .getAllByRole('cell')
        .map(c => c.textContent);
    expect(cells('Orders Team')).toEqual(['via Checkout Squad', 'owns', '']);
    expect(cells('Checkout Squad')).toEqual(['owns', '', '']);
    expect(cells('Growth Team')).toEqual(['', 'owns entities in it', '']);

    expect(
      within(row('Orders Team')).getByRole('link', { name: 'Orders Team' }),
    ).toHaveAttribute('href', '/catalog/default/group/orders-team');
    expect(
      within(matrix).getByRole('link', { name: 'Checkout' }),
    ).toHaveAttribute('href', '/catalog/default/domain/checkout');
    expect(getTeams).toHaveBeenCalledTimes(1);
  });

  it('explains shared ownership with the teams outside the owner’s tree', async () => {
    await renderWith({ getTeams: jest.fn().mockResolvedValue(teams) });

    await screen.findByText('Shared ownership');
    const explanation = screen.getByText(
      /owns entities in it \(single-owner\)/,
    );
    expect(explanation).toHaveTextContent(
      'Orders is owned by orders-team, but Growth Team owns entities in it (single-owner).',
    );
    expect(
      within(explanation).getByRole('link', { name: 'Growth Team' }),
    ).toHaveAttribute('href', '/catalog/default/group/growth-team');
  });

  it('downloads the matrix as CSV', async () => {
    const downloads = captureDownloads();
    await renderWith({ getTeams: jest.fn().mockResolvedValue(teams) });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Download the ownership matrix as CSV',
      }),
    );

    expect(downloads[0].filename).toBe('domain-atlas-teams.csv');
    expect(await downloads[0].blob.text()).toBe(
      [
        'team,Checkout,Orders,Reviews',
        'Growth Team,,owns entities in it,',
        'Orders Team,via Checkout Squad,owns,',
        'Checkout Squad,owns,,',
        '',
      ].join('\r\n'),
    );
  });

  it('says what is missing when there are no teams', async () => {
    await renderWith({
      getTeams: jest.fn().mockResolvedValue({ teams: [], domains: [] }),
    });
    expect(
      await screen.findByText('No teams or domains yet'),
    ).toBeInTheDocument();
  });

  it('shows the backend error', async () => {
    const error = await backendError(503, 'catalog unavailable');
    await renderWith({ getTeams: jest.fn().mockRejectedValue(error) });
    expect(await screen.findByText('catalog unavailable')).toBeInTheDocument();
  });
});
