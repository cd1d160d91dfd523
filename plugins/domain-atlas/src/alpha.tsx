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
 * The Domain Atlas plugin for the new frontend system: the API client, the
 * organisation page, the Domain tab and the Group, System, Component and
 * API entity cards.
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
  ],
});
