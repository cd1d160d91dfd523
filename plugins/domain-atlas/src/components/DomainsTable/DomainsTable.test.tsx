import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { DomainAtlasApi, domainAtlasApiRef } from '../../api';
import { DomainsTable } from './DomainsTable';

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
    const listDomains = jest.fn().mockResolvedValue([
      {
        ref: 'domain:default/orders',
        title: 'Orders',
        owner: 'group:default/orders-team',
      },
      { ref: 'domain:default/coupons', title: 'Coupons', owner: null },
    ]);
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
