/*
 * Catalogs for the backend's plugin tests, which start a real backend with
 * a catalog service double. Test-only: not exported from the package.
 */
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

/** A catalog entity in the default namespace. */
export const entity = (
  kind: string,
  name: string,
  spec: object = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name },
  spec,
});

/** A team, two domains and one service in one of them. */
export const organisation: Entity[] = [
  entity('Group', 'orders-team', { type: 'team', children: [] }),
  entity('Domain', 'orders', { owner: 'orders-team' }),
  entity('Domain', 'payments', { owner: 'orders-team' }),
  entity('System', 'orders-system', { owner: 'orders-team', domain: 'orders' }),
  entity('Component', 'orders-service', {
    type: 'service',
    owner: 'orders-team',
    lifecycle: 'production',
    system: 'orders-system',
  }),
];

/**
 * A catalog whose entities a test can change between refreshes. It
 * streams them, and answers them by ref (as the notifications backend
 * asks for groups and their members).
 */
export function changingCatalog(initial: Entity[]) {
  const state = { entities: initial };
  const factory = createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => {
      const catalog = catalogServiceMock({ entities: [] });
      catalog.streamEntities = (req, opts) =>
        catalogServiceMock({ entities: state.entities }).streamEntities(
          req,
          opts,
        );
      catalog.getEntitiesByRefs = (req, opts) =>
        catalogServiceMock({ entities: state.entities }).getEntitiesByRefs(
          req,
          opts,
        );
      return catalog;
    },
  });
  return { factory, state };
}
