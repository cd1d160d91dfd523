import type { DomainAtlasRule, RuleViolation } from './types';
import { MEMBER_LIST_NAMES } from '../domains';
import { internalsOf } from '../model/internals';

const violation = (
  member: string,
  owner: string,
  domain: string,
  team: string,
): RuleViolation => ({
  subject: member,
  entities: [member, owner, domain],
  domain,
  message: `${member} is owned by ${owner}, outside the team tree of ${team}, which owns ${domain}`,
});

/**
 * `single-owner`: no shared ownership. Violated when a system, component,
 * API or resource of a domain is owned by a team (or user) outside the team
 * tree of the domain owner (the owner group and all its sub-teams).
 * Domains without a valid owner group are left to `domain-owned`; members
 * without `spec.owner`, or whose owner is not in the catalog (an
 * `invalid-reference`, which says so), are not checked.
 *
 * @public
 */
export const singleOwnerRule: DomainAtlasRule = {
  id: 'single-owner',
  principle: 'No shared ownership',
  description:
    "An entity in a domain is owned by a team outside the domain owner's team tree.",
  defaultSeverity: 'error',
  *evaluate(context): Iterable<RuleViolation> {
    const { domains, relations, ownership } = context;
    const internals = internalsOf(context);
    if (internals) {
      // The same walk over the member records: no lookup per member.
      for (const domain of internals.domains.domainRecords) {
        const ref = domain.ref;
        const team = ownership.owningGroupOf(ref);
        if (team === null) {
          continue;
        }
        const members = internals.domains.memberRecordsOf(domain);
        for (const list of MEMBER_LIST_NAMES) {
          for (const member of members[list]) {
            const owner = member.owner;
            if (
              owner !== null &&
              member.ownerRecord !== null &&
              !ownership.isWithinTeamTree(owner, team)
            ) {
              yield violation(member.ref, owner, ref, team);
            }
          }
        }
      }
      return;
    }
    for (const domain of domains.domains) {
      const team = ownership.owningGroupOf(domain);
      if (team === null) {
        continue;
      }
      const members = domains.membersOf(domain);
      for (const list of MEMBER_LIST_NAMES) {
        for (const member of members[list]) {
          const owner = relations.of(member).owner;
          if (
            owner !== null &&
            context.catalog.get(owner) !== undefined &&
            !ownership.isWithinTeamTree(owner, team)
          ) {
            yield violation(member, owner, domain, team);
          }
        }
      }
    }
  },
};
