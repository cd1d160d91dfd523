import type { DomainAtlasRule, RuleViolation } from './types';
import { crossDomainLinks } from '../crossDomainLinks';

/**
 * `no-shared-business-logic`: share contracts, not logic. Violated when a
 * component depends on a library component of another domain. Contract and
 * schema packages (`spec.type: contract`, or a library labelled
 * `domain-atlas.io/shared-contract: "true"`) may be shared.
 *
 * @public
 */
export const noSharedBusinessLogicRule: DomainAtlasRule = {
  id: 'no-shared-business-logic',
  principle: 'Share contracts, not logic',
  description:
    'A component depends on a library of another domain (contract/schema packages are allowed).',
  defaultSeverity: 'error',
  *evaluate(context): Iterable<RuleViolation> {
    for (const link of crossDomainLinks(context)) {
      if (
        link.via === 'dependsOn' &&
        context.roles.isBusinessLibrary(link.target)
      ) {
        const { component, own, target, theirs } = link;
        yield {
          subject: component.ref,
          entities: [component.ref, target.ref],
          domain: own,
          message: `${component.ref} depends on the library ${target.ref} of ${theirs}; share a contract package, not business logic`,
        };
      }
    }
  },
};
