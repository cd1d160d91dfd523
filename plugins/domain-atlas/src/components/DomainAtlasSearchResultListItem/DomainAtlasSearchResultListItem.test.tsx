import { renderTestApp } from '@backstage/frontend-test-utils';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import searchPlugin from '@backstage/plugin-search/alpha';
import type { SearchResultSet } from '@backstage/plugin-search-common';
import {
  MockSearchApi,
  SearchContextProvider,
  SearchResult,
  searchApiRef,
} from '@backstage/plugin-search-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type {
  ContractSearchDocument,
  DomainSearchDocument,
} from '@domain-atlas/plugin-domain-atlas-common';
import { screen, waitFor, within } from '@testing-library/react';
import domainAtlasPlugin from '../../alpha';
import { DomainAtlasSearchResultListItem } from '../../plugin';
import {
  ContractSearchResultListItem,
  DomainSearchResultListItem,
} from './DomainAtlasSearchResultListItem';

jest.setTimeout(30_000);

// As the search backend module indexes the demo organisation.
const ordersV2: ContractSearchDocument = {
  title: 'Orders API v2',
  text: 'openapi contract orders-api-v2, family orders-api. Version 2.3.0 (v2). Lifecycle production. Domain Orders (orders). 2 consumers. Last change 2.2.0 → 2.3.0: breaking, needs a major version.',
  location: '/catalog/default/api/orders-api-v2#contract-versions',
  authorization: { resourceRef: 'api:default/orders-api-v2' },
  kind: 'API',
  entityRef: 'api:default/orders-api-v2',
  domain: 'domain:default/orders',
  domainTitle: 'Orders',
  specType: 'openapi',
  version: '2.3.0',
  family: 'orders-api',
  lifecycle: 'production',
  consumerCount: 2,
  lastChange: 'breaking',
  lastChangeAt: '2026-12-01T10:00:00.000Z',
  lastChangeNeedsMajor: true,
};

const payments: DomainSearchDocument = {
  title: 'Payments',
  text: 'Payments domain (payments). Owned by Payments Team (group:default/payments-team). Phase 2, logical split, on the evidence; declares phase 3, physical repo split. Health score 70.',
  location: '/catalog/default/domain/payments/domain-atlas',
  authorization: { resourceRef: 'domain:default/payments' },
  kind: 'Domain',
  entityRef: 'domain:default/payments',
  owner: 'group:default/payments-team',
  ownerTitle: 'Payments Team',
  evidencePhase: 2,
  declaredPhase: 3,
  score: 70,
  systemCount: 1,
  componentCount: 4,
  apiCount: 2,
  resourceCount: 1,
};

const contractWith = (
  changes: Partial<ContractSearchDocument>,
): ContractSearchDocument => ({ ...ordersV2, ...changes });

const domainWith = (
  changes: Partial<DomainSearchDocument>,
): DomainSearchDocument => ({ ...payments, ...changes });

const results: SearchResultSet = {
  numberOfResults: 3,
  results: [
    { type: 'domain-atlas-contract', document: ordersV2 },
    { type: 'domain-atlas-domain', document: payments },
    {
      type: 'software-catalog',
      document: {
        title: 'orders-service',
        text: 'Places orders',
        location: '/catalog/default/component/orders-service',
      },
    },
  ],
};

/**
 * Waits until the result item titled `title` links to `location` and
 * shows each of `texts`. The search page renders its results more than
 * once (the result type counts query too), so the item is looked up anew
 * at each try.
 */
async function expectResultItem(
  title: string,
  location: string,
  texts: string[],
) {
  await waitFor(
    () => {
      const link = screen.getByRole('link', { name: title });
      expect(link).toHaveAttribute('href', location);
      const item = link.closest<HTMLElement>('li')!;
      for (const text of texts) {
        expect(within(item).getByText(text)).toBeVisible();
      }
    },
    { timeout: 10_000 },
  );
}

describe('ContractSearchResultListItem', () => {
  it('shows the version, spec type, domain and a breaking marker, linking to the API page', async () => {
    await renderInTestApp(<ContractSearchResultListItem result={ordersV2} />);
    expect(screen.getByRole('link', { name: 'Orders API v2' })).toHaveAttribute(
      'href',
      '/catalog/default/api/orders-api-v2#contract-versions',
    );
    expect(screen.getByText('Version 2.3.0')).toBeInTheDocument();
    expect(screen.getByText('openapi')).toBeInTheDocument();
    expect(screen.getByText('Domain: Orders')).toBeInTheDocument();
    expect(screen.getByText('breaking')).toBeInTheDocument();
    expect(screen.getByText('needs major')).toBeInTheDocument();
  });

  it('highlights the matched terms and shows no marker for a non-breaking change', async () => {
    const tag = { preTag: '<m>', postTag: '</m>' };
    await renderInTestApp(
      <ContractSearchResultListItem
        result={contractWith({
          lastChange: 'non-breaking',
          lastChangeNeedsMajor: false,
          domainTitle: null,
        })}
        highlight={{
          ...tag,
          fields: { title: '<m>Orders</m> API <m>v2</m>' },
        }}
      />,
    );
    expect(screen.getByText('Orders').tagName).toBe('MARK');
    expect(screen.getByText('v2').tagName).toBe('MARK');
    expect(screen.queryByText('breaking')).not.toBeInTheDocument();
    // Without a title the domain is named by its ref.
    expect(screen.getByText('Domain: orders')).toBeInTheDocument();
  });

  it('says when a contract has no version or domain', async () => {
    await renderInTestApp(
      <ContractSearchResultListItem
        result={contractWith({
          version: null,
          domain: null,
          domainTitle: null,
        })}
      />,
    );
    expect(screen.getByText('No version')).toBeInTheDocument();
    expect(screen.getByText('No domain')).toBeInTheDocument();
  });
});

describe('DomainSearchResultListItem', () => {
  it('shows the owner, the evidenced and declared phase and the score, linking to the Domain Atlas tab', async () => {
    await renderInTestApp(<DomainSearchResultListItem result={payments} />);
    expect(screen.getByRole('link', { name: 'Payments' })).toHaveAttribute(
      'href',
      '/catalog/default/domain/payments/domain-atlas',
    );
    expect(screen.getByText('Owner: Payments Team')).toBeInTheDocument();
    expect(screen.getByText('Phase 2 · Logical split')).toBeInTheDocument();
    expect(screen.getByText('declares 3')).toBeInTheDocument();
    expect(screen.getByText('Health score 70')).toBeInTheDocument();
  });

  it('names an owner outside the teams by its ref, and no declaration when none differs', async () => {
    await renderInTestApp(
      <DomainSearchResultListItem
        result={domainWith({
          ownerTitle: null,
          owner: 'user:default/ana',
          declaredPhase: 2,
        })}
      />,
    );
    expect(screen.getByText('Owner: user:ana')).toBeInTheDocument();
    expect(screen.queryByText(/^declares/)).not.toBeInTheDocument();
  });
});

describe('the search result items on the search page', () => {
  it('renders domains and contracts with their own items in the new frontend system', async () => {
    renderTestApp({
      extensions: [
        searchPlugin.getExtension('page:search'),
        domainAtlasPlugin.getExtension(
          'search-result-list-item:domain-atlas/domain',
        ),
        domainAtlasPlugin.getExtension(
          'search-result-list-item:domain-atlas/contract',
        ),
        domainAtlasPlugin.getExtension(
          'search-filter-result-type:domain-atlas/domains',
        ),
        domainAtlasPlugin.getExtension(
          'search-filter-result-type:domain-atlas/contracts',
        ),
      ],
      initialRouteEntries: ['/search?query=orders'],
      apis: [
        [searchApiRef, new MockSearchApi(results)],
        [catalogApiRef, catalogApiMock()],
      ],
    });

    await expectResultItem(
      'Orders API v2',
      '/catalog/default/api/orders-api-v2#contract-versions',
      ['Version 2.3.0', 'Domain: Orders', 'breaking'],
    );
    await expectResultItem(
      'Payments',
      '/catalog/default/domain/payments/domain-atlas',
      ['Owner: Payments Team', 'Phase 2 · Logical split', 'Health score 70'],
    );
    // Other results keep their own items; the result types narrow the
    // search to domains or contracts.
    expect(
      await screen.findByRole('link', { name: 'orders-service' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('Domains')).toBeInTheDocument();
    expect(await screen.findByText('Contracts')).toBeInTheDocument();
  });

  it('renders both types through the one legacy item among SearchResult children', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[searchApiRef, new MockSearchApi(results)]]}>
        <SearchContextProvider
          initialState={{ term: 'orders', types: [], filters: {} }}
        >
          <SearchResult>
            <DomainAtlasSearchResultListItem />
          </SearchResult>
        </SearchContextProvider>
      </TestApiProvider>,
    );
    await expectResultItem(
      'Orders API v2',
      '/catalog/default/api/orders-api-v2#contract-versions',
      ['Version 2.3.0', 'Domain: Orders', 'breaking'],
    );
    await expectResultItem(
      'Payments',
      '/catalog/default/domain/payments/domain-atlas',
      ['Owner: Payments Team', 'Health score 70'],
    );
    // The catalog's result is not Domain Atlas's: the default item shows it.
    expect(
      screen.getByRole('link', { name: 'orders-service' }).closest('li'),
    ).not.toHaveTextContent(/Version|Health score/);
  });
});
