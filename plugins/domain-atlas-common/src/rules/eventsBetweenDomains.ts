import type { DomainAtlasRule, RuleViolation } from './types';

/**
 * `events-between-domains`: REST (synchronous calls) only from gateways into
 * a domain; domains talk to each other through events. Violated when a
 * non-gateway component consumes a synchronous API (`syncApiTypes`) of
 * another domain, or depends directly on a component of another domain
 * (libraries and contract packages are left to `no-shared-business-logic`).
 *
 * @public
 */
export const eventsBetweenDomainsRule: DomainAtlasRule = {
  id: 'events-between-domains',
  principle: 'REST sync only gateway → domain; events domain → domain',
  description:
    "A non-gateway component consumes a synchronous API of another domain, or depends directly on another domain's component.",
  defaultSeverity: 'warning',
  *evaluate({ catalog, relations, domains, roles }): Iterable<RuleViolation> {
    for (const component of catalog.ofKind('component')) {
      if (roles.isGateway(component)) {
        continue;
      }
      const own = domains.domainOf(component.ref);
      const links = relations.of(component.ref);
      for (const apiRef of links.consumesApis) {
        const api = catalog.get(apiRef);
        const theirs = domains.domainOf(apiRef);
        if (
          api &&
          roles.apiStyle(api) === 'sync' &&
          theirs !== null &&
          theirs !== own
        ) {
          yield {
            subject: component.ref,
            entities: [component.ref, apiRef],
            message: `${component.ref} calls the ${api.type} API ${apiRef} of ${theirs} synchronously; consume its events instead, or go through a gateway`,
          };
        }
      }
      for (const target of links.dependsOn) {
        const other = catalog.get(target);
        const theirs = domains.domainOf(target);
        if (
          other?.kind === 'component' &&
          !roles.isBusinessLibrary(other) &&
          !roles.isContractLibrary(other) &&
          theirs !== null &&
          theirs !== own
        ) {
          yield {
            subject: component.ref,
            entities: [component.ref, target],
            message: `${component.ref} depends directly on ${target} of ${theirs}; talk to ${theirs} through its contracts (events)`,
          };
        }
      }
    }
  },
};
