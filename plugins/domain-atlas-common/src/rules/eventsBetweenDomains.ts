import type { DomainAtlasRule, RuleViolation } from './types';
import { crossDomainLinks } from '../crossDomainLinks';

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
  *evaluate(context): Iterable<RuleViolation> {
    const { roles } = context;
    for (const { component, own, via, target, theirs } of crossDomainLinks(
      context,
    )) {
      if (roles.isGateway(component)) {
        continue;
      }
      if (via === 'consumesApis' && roles.apiStyle(target) === 'sync') {
        yield {
          subject: component.ref,
          entities: [component.ref, target.ref],
          domain: own,
          message: `${component.ref} calls the ${target.type} API ${target.ref} of ${theirs} synchronously; consume its events instead, or go through a gateway`,
        };
      } else if (
        via === 'dependsOn' &&
        target.kind === 'component' &&
        !roles.isBusinessLibrary(target) &&
        !roles.isContractLibrary(target)
      ) {
        yield {
          subject: component.ref,
          entities: [component.ref, target.ref],
          domain: own,
          message: `${component.ref} depends directly on ${target.ref} of ${theirs}; talk to ${theirs} through its contracts (events)`,
        };
      }
    }
  },
};
