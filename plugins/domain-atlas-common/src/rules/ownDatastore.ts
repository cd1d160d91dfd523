import type { DomainAtlasRule, RuleViolation } from './types';

/**
 * `own-datastore`: no cross-domain database access. Violated when a
 * component depends on (`spec.dependsOn`) a datastore resource that
 * belongs to another domain. Datastores without a domain are not checked.
 *
 * @public
 */
export const ownDatastoreRule: DomainAtlasRule = {
  id: 'own-datastore',
  principle: 'No cross-domain DB access',
  description: 'A component depends on a datastore of another domain.',
  defaultSeverity: 'error',
  *evaluate({ catalog, relations, domains, roles }): Iterable<RuleViolation> {
    for (const component of catalog.ofKind('component')) {
      const own = domains.domainOf(component.ref);
      for (const target of relations.of(component.ref).dependsOn) {
        const resource = catalog.get(target);
        const theirs = domains.domainOf(target);
        if (
          resource &&
          roles.isDatastore(resource) &&
          theirs !== null &&
          theirs !== own
        ) {
          yield {
            subject: component.ref,
            entities: [component.ref, target],
            message: `${component.ref} uses the datastore ${target} of ${theirs}; read its data through a contract of ${theirs} instead`,
          };
        }
      }
    }
  },
};
