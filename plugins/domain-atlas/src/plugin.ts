import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { DomainAtlasClient, domainAtlasApiRef } from './api';
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
export const DomainAtlasPage = domainAtlasPlugin.provide(
  createRoutableExtension({
    name: 'DomainAtlasPage',
    component: () =>
      import('./components/DomainAtlasPage').then(m => m.DomainAtlasPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The "Domain Atlas" tab for Domain entity pages: ownership and health,
 * migration phase with its criteria, findings and failure isolation.
 *
 * @public
 */
export const EntityDomainAtlasContent = domainAtlasPlugin.provide(
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
