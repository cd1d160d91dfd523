import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type { ContractDetail } from '@domain-atlas/plugin-domain-atlas-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DomainAtlasApi, domainAtlasApiRef } from '../../api';
import { backendError } from '../../testing/backendError';
import { ContractVersionsCard } from './ContractVersionsCard';

const api: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'API',
  metadata: { name: 'orders-api-v2', namespace: 'default' },
  spec: {
    type: 'openapi',
    lifecycle: 'production',
    owner: 'orders-team',
    definition: 'openapi: 3.0.3',
  },
};

const contract = {
  ref: 'api:default/orders-api-v2',
  title: 'orders-api-v2',
  domain: 'domain:default/orders',
  type: 'openapi',
  version: '2.3.0',
  versionSource: 'definition' as const,
  family: 'orders-api',
  lifecycle: 'production',
  providers: ['component:default/orders-service'],
  consumers: [
    'component:default/api-gateway',
    'component:default/order-history-web',
  ],
  pins: [],
};

const detail: ContractDetail = {
  contract,
  family: [
    {
      ref: 'api:default/orders-api-v1',
      version: '1.8.2',
      lifecycle: 'deprecated',
    },
    {
      ref: 'api:default/orders-api-v2',
      version: '2.3.0',
      lifecycle: 'production',
    },
  ],
  history: [
    {
      hash: 'a1',
      version: '2.1.0',
      firstSeen: '2026-01-10T09:00:00.000Z',
      lastSeen: '2026-02-01T09:00:00.000Z',
      change: null,
    },
    {
      hash: 'b2',
      version: '2.2.0',
      firstSeen: '2026-02-01T09:00:00.000Z',
      lastSeen: '2026-04-30T09:00:00.000Z',
      change: {
        type: 'openapi',
        tool: 'openapi-diff 0.23.7',
        fromVersion: '2.1.0',
        toVersion: '2.2.0',
        majorChanged: false,
        classification: 'non-breaking',
        needsMajor: false,
        changes: [
          {
            class: 'non-breaking',
            action: 'added',
            path: 'paths./orders/{id}/history.get',
            message: '[Added] operation GET /orders/{id}/history',
          },
        ],
      },
    },
    {
      hash: 'c3',
      version: '2.3.0',
      firstSeen: '2026-05-02T10:00:00.000Z',
      lastSeen: '2026-05-10T10:00:00.000Z',
      change: {
        type: 'openapi',
        tool: 'openapi-diff 0.23.7',
        fromVersion: '2.2.0',
        toVersion: '2.3.0',
        majorChanged: false,
        classification: 'breaking',
        needsMajor: true,
        changes: [
          {
            class: 'breaking',
            action: 'removed',
            path: 'paths./orders/{id}.delete',
            message: '[Removed] operation DELETE /orders/{id}',
          },
          {
            class: 'non-breaking',
            action: 'added',
            path: 'paths./orders/{id}/cancel.post',
            message: '[Added] operation POST /orders/{id}/cancel',
          },
          {
            class: 'unclassified',
            action: 'changed',
            path: 'info.x-audience',
            message: '[Changed] extension x-audience',
          },
        ],
      },
    },
  ],
  consumers: [
    {
      ref: 'component:default/api-gateway',
      domain: 'domain:default/platform',
      consumesApi: true,
      pin: null,
    },
    {
      ref: 'component:default/order-history-web',
      domain: 'domain:default/orders',
      consumesApi: true,
      pin: { range: '^2', satisfied: true },
    },
    {
      ref: 'component:default/legacy-reports',
      domain: null,
      consumesApi: false,
      pin: { range: '~2.1', satisfied: false },
    },
    {
      ref: 'component:default/odd-pinner',
      domain: 'domain:default/orders',
      consumesApi: false,
      pin: { range: 'latest', satisfied: null },
    },
  ],
};

function renderWith(domainAtlas: Partial<DomainAtlasApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[domainAtlasApiRef, domainAtlas]]}>
      <EntityProvider entity={api}>
        <ContractVersionsCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

const rowOf = (table: HTMLElement, name: string) =>
  within(table)
    .getAllByRole('row')
    .find(row => within(row).queryByRole('rowheader', { name }))!;

describe('ContractVersionsCard', () => {
  it('shows the current version, where it came from, and the family side by side', async () => {
    const getContract = jest.fn().mockResolvedValue(detail);
    await renderWith({ getContract });

    expect(
      await screen.findByText('2.3.0', { selector: 'strong' }),
    ).toBeInTheDocument();
    expect(getContract).toHaveBeenCalledWith('api:default/orders-api-v2');
    expect(screen.getByText('Contract versions')).toBeInTheDocument();
    expect(
      screen.getByText("(from the definition's info.version)"),
    ).toBeInTheDocument();

    const family = screen.getByRole('list', {
      name: 'Versions of the orders-api family',
    });
    const members = within(family).getAllByRole('listitem');
    expect(members).toHaveLength(2);
    expect(
      within(members[0]).getByRole('link', { name: 'orders-api-v1' }),
    ).toHaveAttribute('href', '/catalog/default/api/orders-api-v1');
    expect(within(members[0]).getByText('1.8.2 · deprecated')).toBeVisible();
    expect(members[1]).toHaveAttribute('aria-current', 'true');
    expect(
      within(members[1]).getByText('2.3.0 · production · this API'),
    ).toBeVisible();
  });

  it('lists the definitions newest first, with breaking changes and "needs a major version" up front', async () => {
    await renderWith({ getContract: jest.fn().mockResolvedValue(detail) });

    const history = await screen.findByRole('table', {
      name: 'Definition history',
    });
    const rows = within(history).getAllByRole('row').slice(1);
    expect(
      rows.map(row => within(row).getByRole('rowheader').textContent),
    ).toEqual(['2.3.0', '2.2.0', '2.1.0']);

    const newest = within(rows[0]);
    expect(newest.getByText('2026-05-02')).toBeInTheDocument();
    expect(newest.getByText('2026-05-10')).toBeInTheDocument();
    expect(newest.getByText('breaking')).toBeInTheDocument();
    expect(newest.getByText('needs a major version')).toBeInTheDocument();
    expect(
      newest.getByText(
        'Breaking change published as 2.3.0: it needs a major version.',
      ),
    ).toBeInTheDocument();
    const breaking = newest.getByRole('list', {
      name: 'Breaking changes from 2.2.0',
    });
    expect(breaking).toHaveTextContent(
      '[Removed] operation DELETE /orders/{id} paths./orders/{id}.delete',
    );
    // The other changes are one click away.
    expect(
      newest.queryByText('[Added] operation POST /orders/{id}/cancel'),
    ).not.toBeInTheDocument();
    const toggle = newest.getByRole('button', {
      name: 'Show 2 other changes',
    });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const others = newest.getByRole('list', {
      name: 'Other changes from 2.2.0',
    });
    expect(
      within(others).getByText('[Added] operation POST /orders/{id}/cancel'),
    ).toBeInTheDocument();
    expect(
      within(others).getByText('[Changed] extension x-audience'),
    ).toBeInTheDocument();
    expect(
      newest.getByText('2.2.0 → 2.3.0, compared by openapi-diff 0.23.7'),
    ).toBeInTheDocument();

    const middle = within(rows[1]);
    expect(middle.getByText('non-breaking')).toBeInTheDocument();
    expect(middle.queryByText('needs a major version')).not.toBeInTheDocument();
    expect(within(rows[2]).getByText('first definition seen')).toBeVisible();
  });

  it('shows a reverted definition as its own row (same hash, seen again later)', async () => {
    const reverted = {
      ...detail.history[0],
      version: '2.1.0',
      firstSeen: '2026-06-01T09:00:00.000Z',
      lastSeen: '2026-06-02T09:00:00.000Z',
      change: {
        ...detail.history[2].change!,
        classification: 'non-breaking' as const,
        needsMajor: false,
        changes: [],
      },
    };
    const errors = jest.spyOn(console, 'error');
    await renderWith({
      getContract: jest.fn().mockResolvedValue({
        ...detail,
        history: [...detail.history, reverted],
      }),
    });
    const history = await screen.findByRole('table', {
      name: 'Definition history',
    });
    expect(
      within(history)
        .getAllByRole('row')
        .slice(1)
        .map(row => within(row).getByRole('rowheader').textContent),
    ).toEqual(['2.1.0', '2.3.0', '2.2.0', '2.1.0']);
    expect(errors).not.toHaveBeenCalledWith(
      expect.stringContaining('same key'),
      expect.anything(),
      expect.anything(),
    );
    errors.mockRestore();
  });

  it('lists the consumers with their domain and whether their pin is satisfied', async () => {
    await renderWith({ getContract: jest.fn().mockResolvedValue(detail) });

    const consumers = await screen.findByRole('table', { name: 'Consumers' });
    expect(screen.getByText('Consumers (4)')).toBeInTheDocument();

    const gateway = within(rowOf(consumers, 'api-gateway'));
    expect(gateway.getByRole('link', { name: 'platform' })).toHaveAttribute(
      'href',
      '/catalog/default/domain/platform',
    );
    expect(gateway.getByText('consumesApis')).toBeInTheDocument();
    expect(gateway.getByText('no pin')).toBeInTheDocument();

    const web = within(rowOf(consumers, 'order-history-web'));
    expect(web.getByRole('rowheader')).toContainElement(
      web.getByRole('link', { name: 'order-history-web' }),
    );
    expect(web.getByText('consumesApis and pin')).toBeInTheDocument();
    expect(web.getByText(/orders-api@\^2/)).toHaveTextContent(
      'orders-api@^2 ✓ satisfied',
    );

    const legacy = within(rowOf(consumers, 'legacy-reports'));
    expect(legacy.getByText('pin')).toBeInTheDocument();
    expect(legacy.getByText(/orders-api@~2\.1/)).toHaveTextContent(
      'orders-api@~2.1 ✗ not satisfied by 2.3.0',
    );
    expect(legacy.getByText('none')).toBeInTheDocument();

    const odd = within(rowOf(consumers, 'odd-pinner'));
    expect(odd.getByText(/orders-api@latest/)).toHaveTextContent(
      'orders-api@latest ? unknown (no comparable version)',
    );
  });

  it('says so when the API has had one definition and has no consumers', async () => {
    await renderWith({
      getContract: jest.fn().mockResolvedValue({
        contract: {
          ...contract,
          version: null,
          versionSource: null,
          consumers: [],
        },
        family: [{ ref: contract.ref, version: null, lifecycle: null }],
        history: [{ ...detail.history[0], version: null }],
        consumers: [],
      }),
    });

    expect(
      await screen.findByText(
        'Only one definition has been seen so far (version unknown, since 2026-01-10): no changes to show.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('unknown', { selector: 'strong' })).toBeVisible();
    expect(
      screen.getByText(
        '(no version in the definition, the domain-atlas.io/contract-version annotation or a -vN name suffix)',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/^No consumers:/)).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    // A family of one is not worth a section.
    expect(screen.queryByText('Family orders-api')).not.toBeInTheDocument();
  });

  it('explains that the backend has not analysed the API yet when it answers 404', async () => {
    await renderWith({
      getContract: jest
        .fn()
        .mockRejectedValue(await backendError(404, 'unknown API')),
    });

    expect(
      await screen.findByText('Domain Atlas has not analysed this API yet'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Request failed/)).not.toBeInTheDocument();
  });

  it('shows other backend errors', async () => {
    await renderWith({
      getContract: jest
        .fn()
        .mockRejectedValue(await backendError(503, 'catalog unavailable')),
    });

    expect(
      await screen.findByText('Error: Request failed with 503'),
    ).toBeInTheDocument();
    expect(screen.getByText('catalog unavailable')).toBeInTheDocument();
    expect(screen.getByText('Contract versions')).toBeInTheDocument();
  });
});
