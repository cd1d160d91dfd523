import type { DomainAtlasRule, RuleViolation } from './types';
import { kindOfRef } from '../model/refs';
import { internalsOf } from '../model/internals';

/** The kinds whose owner this rule looks at; domains are `domain-owned`'s. */
const KINDS = ['system', 'component', 'api', 'resource'];

const violation = (subject: string, owner: string): RuleViolation => ({
  subject,
  entities: [subject, owner],
  message: `${subject} is owned by the person ${owner}, not a team; ownership by a person leaves with the person`,
});

/**
 * `team-owned`: a system, component, API or resource is owned by a person
 * (a User in the catalog) rather than a team. Ownership by a person leaves
 * with the person, so this is worth knowing, not yet wrong: info by
 * default.
 *
 * @public
 */
export const teamOwnedRule: DomainAtlasRule = {
  id: 'team-owned',
  principle: 'Teams own domains',
  description:
    'A system, component, API or resource is owned by a person (a User), not a team: ownership by a person leaves with the person.',
  defaultSeverity: 'info',
  *evaluate(context): Iterable<RuleViolation> {
    const internals = internalsOf(context);
    for (const kind of KINDS) {
      if (internals) {
        // The records point at their owner's record: no lookup.
        for (const { ref, ownerRecord } of internals.catalog.recordsOfKind(
          kind,
        )) {
          if (ownerRecord !== null && ownerRecord.entity.kind === 'user') {
            yield violation(ref, ownerRecord.ref);
          }
        }
        continue;
      }
      const { catalog, relations } = context;
      for (const entity of catalog.ofKind(kind)) {
        const owner = relations.of(entity.ref).owner;
        if (
          owner !== null &&
          kindOfRef(owner) === 'user' &&
          catalog.get(owner) !== undefined
        ) {
          yield violation(entity.ref, owner);
        }
      }
    }
  },
};
