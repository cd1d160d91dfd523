import type { DomainAtlasRule, RuleViolation } from './types';

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
  *evaluate({ catalog, relations, domains, roles }): Iterable<RuleViolation> {
    for (const component of catalog.ofKind('component')) {
      const own = domains.domainOf(component.ref);
      for (const target of relations.of(component.ref).dependsOn) {
        const library = catalog.get(target);
        const theirs = domains.domainOf(target);
        if (
          library &&
          roles.isBusinessLibrary(library) &&
          theirs !== null &&
          theirs !== own
        ) {
          yield {
            subject: component.ref,
            entities: [component.ref, target],
            message: `${component.ref} depends on the library ${target} of ${theirs}; share a contract package, not business logic`,
          };
        }
      }
    }
  },
};
