import type { DomainAtlasRule } from './types';
import { kindOfRef } from '../model/refs';

/** The kinds whose owner this rule looks at; domains are `domain-owned`'s. */
const KINDS = ['system', 'component', 'api', 'resource'];

/**
 * `team-owned`: a system, component, API or resource is owned by a person
 * (a User) rather than a team. Ownership by a person leaves with the
 * person, so this is worth knowing, not yet wrong: info by default.
 *
 * @public
 */
export const teamOwnedRule: DomainAtlasRule = {
  id: 'team-owned',
  principle: 'Teams own domains',
  description:
    'A system, component, API or resource is owned by a person (a User), not a team: ownership by a person leaves with the person.',
  defaultSeverity: 'info',
  *evaluate({ catalog, relations }) {
    for (const kind of KINDS) {
      for (const entity of catalog.ofKind(kind)) {
        const owner = relations.of(entity.ref).owner;
        if (
          owner !== null &&
          kindOfRef(owner) === 'user' &&
          catalog.get(owner) !== undefined
        ) {
          yield {
            subject: entity.ref,
            entities: [entity.ref, owner],
            message: `${entity.ref} is owned by the person ${owner}, not a team; ownership by a person leaves with the person`,
          };
        }
      }
    }
  },
};
