import type { DomainAtlasRule, RuleViolation } from './types';
import { kindOfRef } from '../model/refs';

/**
 * `domain-owned`: teams own domains. Violated when a domain has no owner, a
 * User owner, or an owner ref that resolves to no Group.
 *
 * @public
 */
export const domainOwnedRule: DomainAtlasRule = {
  id: 'domain-owned',
  principle: 'Teams own domains',
  description:
    'A domain has no owner, a User owner, or an owner ref that resolves to no Group.',
  defaultSeverity: 'error',
  *evaluate({ domains, relations, catalog }): Iterable<RuleViolation> {
    for (const domain of domains.domains) {
      const owner = relations.of(domain).owner;
      if (owner === null) {
        yield {
          subject: domain,
          entities: [domain],
          message: `${domain} has no owner; set spec.owner to the team that owns it`,
        };
      } else if (kindOfRef(owner) === 'user') {
        yield {
          subject: domain,
          entities: [domain, owner],
          message: `${domain} is owned by the user ${owner}; a domain is owned by a team (Group)`,
        };
      } else if (!catalog.get(owner)) {
        yield {
          subject: domain,
          entities: [domain, owner],
          message: `${domain} is owned by ${owner}, which is not in the catalog`,
        };
      }
    }
  },
};
