import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DomainAtlasApi, domainAtlasApiRef, TeamDetail } from '../../api';
import { OwnedDomainsCard } from './OwnedDomainsCard';

const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'orders-team', namespace: 'default' },
  spec: { type: 'team', children: ['checkout-squad'] },
};

const domain = (name: string, title: string, via: 'direct' | 'sub-team') => ({
  ref: `domain:default/${name}`,
  title,
  owner: 'group:default/orders-team',
  parent: null,
  score: 80,
  findingCounts: { error: 1, warning: 0, info: 0, waived: 0 },
  phase: {
    evidence: 1 as const,
    declared: null,
    target: null,
    targetDate: null,
    status: 'none' as const,
  },
  repositoryCount: 1,
  via,
  ...(via === 'sub-team' ? { through: 'group:default/checkout-squad' } : {}),
});

const team: TeamDetail = {
  ref: 'group:default/orders-team',
  title: 'Orders Team',
  parent: null,
  children: ['group:default/checkout-squad'],
  domains: [
    domain('orders', 'Orders', 'direct'),
    domain('checkout', 'Checkout', 'sub-team'),
  ],
};

async function renderWith(api: Partial<DomainAtlasApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[domainAtlasApiRef, api]]}>
      <EntityProvider entity={group}>
        <OwnedDomainsCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('OwnedDomainsCard', () => {
  it("lists the group's domains including its sub-teams', and only its own when switched", async () => {
    const getTeam = jest.fn().mockResolvedValue(team);
    await renderWith({ getTeam });

    expect(
      await screen.findByRole('link', { name: 'Checkout' }),
    ).toBeInTheDocument();
    expect(getTeam).toHaveBeenCalledWith('group:default/orders-team');
    expect(screen.getByRole('link', { name: 'Orders' })).toHaveAttribute(
      'href',
      '/catalog/default/domain/orders',
    );
    expect(screen.getByText(/^via/)).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'checkout-squad' }),
    ).toBeInTheDocument();
    expect(screen.getByText('2 of 2')).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Include sub-teams' }),
    );

    expect(
      screen.queryByRole('link', { name: 'Checkout' }),
    ).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Orders' })).toBeInTheDocument();
    expect(screen.getByText('1 of 2')).toBeInTheDocument();
  });

  it('says so when the group owns no domain', async () => {
    await renderWith({
      getTeam: jest.fn().mockResolvedValue({ ...team, domains: [] }),
    });
    expect(
      await screen.findByText(
        'This group owns no domain, directly or through its sub-teams.',
      ),
    ).toBeInTheDocument();
  });
});
