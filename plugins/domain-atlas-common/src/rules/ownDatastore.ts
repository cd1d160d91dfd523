import type { DomainAtlasRule, RuleViolation } from './types';
import { crossDomainLinks } from '../crossDomainLinks';

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
  *evaluate(context): Iterable<RuleViolation> {
    for (const link of crossDomainLinks(context)) {
      if (link.via === 'dependsOn' && context.roles.isDatastore(link.target)) {
        const { component, own, target, theirs } = link;
        yield {
          subject: component.ref,
          entities: [component.ref, target.ref],
          domain: own,
          message: `${component.ref} uses the datastore ${target.ref} of ${theirs}; read its data through a contract of ${theirs} instead`,
        };
      }
    }
  },
};
