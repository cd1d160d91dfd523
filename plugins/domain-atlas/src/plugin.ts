import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import {
  createSearchResultListItemExtension,
  SearchResultListItemExtensionProps,
} from '@backstage/plugin-search-react';
import {
  CONTRACT_SEARCH_DOCUMENT_TYPE,
  DOMAIN_SEARCH_DOCUMENT_TYPE,
} from '@domain-atlas/plugin-domain-atlas-common';
import { DomainAtlasClient, domainAtlasApiRef } from './api';
import type { DomainAtlasSearchResultListItemProps } from './components/DomainAtlasSearchResultListItem';
import { rootRouteRef } from './routes';

/**
 * The Domain Atlas frontend plugin.
 *
 * @public
 */
export const domainAtlasPlugin = createPlugin({
  id: 'domain-atlas',
  apis: [
    createApiFactory({
      api: domainAtlasApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new DomainAtlasClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
  },
});

/**
 * The organisation page: every domain of the catalog with its owner.
 *
 * @public
 */
export const DomainAtlasPage: () => JSX.Element = domainAtlasPlugin.provide(
  createRoutableExtension({
    name: 'DomainAtlasPage',
    component: () =>
      import('./components/DomainAtlasPage').then(m => m.DomainAtlasPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The "Domain Atlas" tab for Domain entity pages: ownership and health
 * with the score's history, findings, migration phase with its criteria,
 * failure isolation and the domain's contracts.
 *
 * @public
 */
export const EntityDomainAtlasContent: () => JSX.Element =
  domainAtlasPlugin.provide(
    createComponentExtension({
      name: 'EntityDomainAtlasContent',
      component: {
        lazy: () =>
          import('./components/DomainAtlasContent').then(
            m => m.DomainAtlasContent,
          ),
      },
    }),
  );

/**
 * "Owned domains" card for Group entity pages: each domain the group owns,
 * directly or through sub-teams, with phase and health.
 *
 * @public
 */
export const EntityOwnedDomainsCard: () => JSX.Element =
  domainAtlasPlugin.provide(
    createComponentExtension({
      name: 'EntityOwnedDomainsCard',
      component: {
        lazy: () =>
          import('./components/OwnedDomainsCard').then(m => m.OwnedDomainsCard),
      },
    }),
  );

/**
 * Findings card for System, Component, API and Resource entity pages.
 *
 * @public
 */
export const EntityDomainAtlasFindingsCard: () => JSX.Element =
  domainAtlasPlugin.provide(
    createComponentExtension({
      name: 'EntityDomainAtlasFindingsCard',
      component: {
        lazy: () =>
          import('./components/EntityFindingsCard').then(
            m => m.EntityFindingsCard,
          ),
      },
    }),
  );

/**
 * Info bar for the top of an entity page when the entity breaks a
 * repo-per-domain rule; show it with `hasDomainAtlasFindings`.
 *
 * @public
 */
export const EntityDomainAtlasWarning: () => JSX.Element | null =
  domainAtlasPlugin.provide(
    createComponentExtension({
      name: 'EntityDomainAtlasWarning',
      component: {
        lazy: () =>
          import('./components/DomainAtlasWarning').then(
            m => m.DomainAtlasWarning,
          ),
      },
    }),
  );

/**
 * "Contract versions" card for API entity pages: the current version and
 * where it came from, the family's other versions, the history of the
 * definitions with breaking changes, and the consumers with their pins.
 *
 * @public
 */
export const EntityContractVersionsCard: () => JSX.Element =
  domainAtlasPlugin.provide(
    createComponentExtension({
      name: 'EntityContractVersionsCard',
      component: {
        lazy: () =>
          import('./components/ContractVersionsCard').then(
            m => m.ContractVersionsCard,
          ),
      },
    }),
  );

/**
 * Search result list item for Domain Atlas's domains (owner, phase,
 * score) and contracts (version, domain, a marker when the latest change
 * is breaking), for search pages composed by hand: put it among the
 * children of `SearchResult`. Needs the search backend module
 * `@domain-atlas/plugin-search-backend-module-domain-atlas`.
 *
 * @public
 */
export const DomainAtlasSearchResultListItem: (
  props: SearchResultListItemExtensionProps<DomainAtlasSearchResultListItemProps>,
) => JSX.Element | null = domainAtlasPlugin.provide(
  createSearchResultListItemExtension({
    name: 'DomainAtlasSearchResultListItem',
    component: () =>
      import('./components/DomainAtlasSearchResultListItem').then(
        m => m.DomainAtlasSearchResultItem,
      ),
    predicate: result =>
      result.type === DOMAIN_SEARCH_DOCUMENT_TYPE ||
      result.type === CONTRACT_SEARCH_DOCUMENT_TYPE,
  }),
);
