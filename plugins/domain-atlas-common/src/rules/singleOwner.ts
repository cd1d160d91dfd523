import type { DomainAtlasRule, RuleViolation } from './types';
import type { DomainMembers } from '../report';

/**
 * `single-owner`: no shared ownership. Violated when a system, component,
 * API or resource of a domain is owned by a team (or user) outside the team
 * tree of the domain owner (the owner group and all its sub-teams).
 * Domains without a valid owner group are left to `domain-owned`; members
 * without `spec.owner` are not checked.
 *
 * @public
 */
export const singleOwnerRule: DomainAtlasRule = {
  id: 'single-owner',
  principle: 'No shared ownership',
  description:
    "An entity in a domain is owned by a team outside the domain owner's team tree.",
  defaultSeverity: 'error',
  *evaluate({ domains, relations, ownership }): Iterable<RuleViolation> {
    for (const domain of domains.domains) {
      const team = ownership.owningGroupOf(domain);
      if (team === null) {
        continue;
      }
      const members = domains.membersOf(domain);
      for (const list of Object.keys(members) as Array<keyof DomainMembers>) {
        for (const member of members[list]) {
          const owner = relations.of(member).owner;
          if (owner !== null && !ownership.isWithinTeamTree(owner, team)) {
            yield {
              subject: member,
              entities: [member, owner, domain],
              domain,
              message: `${member} is owned by ${owner}, outside the team tree of ${team}, which owns ${domain}`,
            };
          }
        }
      }
    }
  },
};
