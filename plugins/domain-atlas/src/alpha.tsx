/**
 * The Domain Atlas frontend plugin for Backstage's new frontend system.
 *
 * @packageDocumentation
 */

import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  SearchFilterResultTypeBlueprint,
  SearchResultListItemBlueprint,
} from '@backstage/plugin-search-react/alpha';
import {
  CONTRACT_SEARCH_DOCUMENT_TYPE,
  DOMAIN_SEARCH_DOCUMENT_TYPE,
} from '@domain-atlas/plugin-domain-atlas-common';
import ApartmentIcon from '@material-ui/icons/Apartment';
import ExtensionIcon from '@material-ui/icons/Extension';
import MapIcon from '@material-ui/icons/Map';
import { DomainAtlasClient, domainAtlasApiRef } from './api';
import { rootRouteRef } from './routes';

/**
 * The client of the Domain Atlas backend: `api:domain-atlas`.
 */
const domainAtlasApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: domainAtlasApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new DomainAtlasClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * The organisation page at `/domain-atlas`, with a nav item:
 * `page:domain-atlas`. It brings its own header and tabs.
 */
const domainAtlasPage = PageBlueprint.make({
  params: {
    path: '/domain-atlas',
    routeRef: rootRouteRef,
    title: 'Domain Atlas',
    icon: <MapIcon fontSize="inherit" />,
    noHeader: true,
    loader: () =>
      import('./components/DomainAtlasPage').then(m => <m.DomainAtlasPage />),
  },
});

/**
 * The "Domain Atlas" tab of Domain entity pages:
 * `entity-content:domain-atlas`.
 */
const domainAtlasEntityContent = EntityContentBlueprint.make({
  params: {
    path: '/domain-atlas',
    title: 'Domain Atlas',
    filter: { kind: 'domain' },
    loader: () =>
      import('./components/DomainAtlasContent').then(m => (
        <m.DomainAtlasContent />
      )),
  },
});

/**
 * The "Owned domains" card of Group entity pages:
 * `entity-card:domain-atlas/owned-domains`.
 */
const ownedDomainsEntityCard = EntityCardBlueprint.make({
  name: 'owned-domains',
  params: {
    filter: { kind: 'group' },
    loader: () =>
      import('./components/OwnedDomainsCard').then(m => <m.OwnedDomainsCard />),
  },
});

/**
 * The findings card of System and Component entity pages:
 * `entity-card:domain-atlas/findings`.
 */
const findingsEntityCard = EntityCardBlueprint.make({
  name: 'findings',
  params: {
    filter: { kind: { $in: ['system', 'component'] } },
    loader: () =>
      import('./components/EntityFindingsCard').then(m => (
        <m.EntityFindingsCard />
      )),
  },
});

/**
 * The "Contract versions" card of API entity pages:
 * `entity-card:domain-atlas/contract-versions`.
 */
const contractVersionsEntityCard = EntityCardBlueprint.make({
  name: 'contract-versions',
  params: {
    filter: { kind: 'api' },
    loader: () =>
      import('./components/ContractVersionsCard').then(m => (
        <m.ContractVersionsCard />
      )),
  },
});

/**
 * Domains in the search page's results (owner, phase, score):
 * `search-result-list-item:domain-atlas/domain`. The search backend module
 * `@domain-atlas/plugin-search-backend-module-domain-atlas` indexes them.
 */
const domainSearchResultListItem = SearchResultListItemBlueprint.make({
  name: 'domain',
  params: {
    icon: <ApartmentIcon />,
    predicate: result => result.type === DOMAIN_SEARCH_DOCUMENT_TYPE,
    component: () =>
      import('./components/DomainAtlasSearchResultListItem').then(
        m => m.DomainSearchResultListItem,
      ),
  },
});

/**
 * Contracts in the search page's results (version, domain, a marker when
 * the latest change is breaking):
 * `search-result-list-item:domain-atlas/contract`.
 */
const contractSearchResultListItem = SearchResultListItemBlueprint.make({
  name: 'contract',
  params: {
    icon: <ExtensionIcon />,
    predicate: result => result.type === CONTRACT_SEARCH_DOCUMENT_TYPE,
    component: () =>
      import('./components/DomainAtlasSearchResultListItem').then(
        m => m.ContractSearchResultListItem,
      ),
  },
});

/**
 * "Domains" among the search page's result types:
 * `search-filter-result-type:domain-atlas/domains`.
 */
const domainsSearchResultType = SearchFilterResultTypeBlueprint.make({
  name: 'domains',
  params: {
    value: DOMAIN_SEARCH_DOCUMENT_TYPE,
    name: 'Domains',
    icon: <ApartmentIcon />,
  },
});

/**
 * "Contracts" among the search page's result types:
 * `search-filter-result-type:domain-atlas/contracts`.
 */
const contractsSearchResultType = SearchFilterResultTypeBlueprint.make({
  name: 'contracts',
  params: {
    value: CONTRACT_SEARCH_DOCUMENT_TYPE,
    name: 'Contracts',
    icon: <ExtensionIcon />,
  },
});

/**
 * The Domain Atlas plugin for the new frontend system: the API client, the
 * organisation page, the Domain tab, the Group, System, Component and
 * API entity cards, and the search page's result items and result types
 * for domains and contracts.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'domain-atlas',
  title: 'Domain Atlas',
  icon: <MapIcon fontSize="inherit" />,
  routes: { root: rootRouteRef },
  extensions: [
    domainAtlasApi,
    domainAtlasPage,
    domainAtlasEntityContent,
    ownedDomainsEntityCard,
    findingsEntityCard,
    contractVersionsEntityCard,
    domainSearchResultListItem,
    contractSearchResultListItem,
    domainsSearchResultType,
    contractsSearchResultType,
  ],
});
