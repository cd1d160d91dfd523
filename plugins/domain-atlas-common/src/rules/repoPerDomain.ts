import type { DomainAtlasRule, RuleViolation } from './types';
import { internalsOf } from '../model/internals';

/**
 * `repo-per-domain`: domains own repos. Violated when one repository hosts
 * components of more than one domain (unassigned components do not count
 * as a domain). Each domain in the repository gets a finding naming its
 * own components there and the other domains it shares the repository
 * with, so each team sees what it has to move. Its id names the domain
 * and the repository only, so it stays the same while those lists change.
 *
 * @public
 */
export const repoPerDomainRule: DomainAtlasRule = {
  id: 'repo-per-domain',
  principle: 'Domains own repos',
  description: 'One repository hosts components of more than one domain.',
  defaultSeverity: 'error',
  *evaluate(context): Iterable<RuleViolation> {
    const { repositories, domains } = context;
    const hosted = internalsOf(context)?.repositories.hosted;
    for (let i = 0; i < repositories.repositories.length; i++) {
      const repository = repositories.repositories[i];
      if (repository.domains.length < 2) {
        continue;
      }
      // One pass over the repository's components (a monorepo may hold
      // thousands), not one per domain in it.
      const byDomain = new Map<string, string[]>();
      const add = (component: string, domain: string | null) => {
        if (domain !== null) {
          const list = byDomain.get(domain);
          if (list) {
            list.push(component);
          } else {
            byDomain.set(domain, [component]);
          }
        }
      };
      if (hosted) {
        for (const { entity, domain } of hosted[i].components) {
          add(entity.ref, domain === null ? null : domain.ref);
        }
      } else {
        for (const component of repository.components) {
          add(component, domains.domainOf(component));
        }
      }
      for (const domain of repository.domains) {
        const own = byDomain.get(domain)!;
        const others = repository.domains.filter(other => other !== domain);
        yield {
          subject: own[0],
          entities: [...own, ...others],
          // "This domain shares this repository": the same finding when
          // another domain joins or one more component moves in.
          identity: [],
          key: repository.id,
          domain,
          message: `${repository.id} hosts components of ${
            repository.domains.length
          } domains; ${own.join(', ')} of ${domain} share it with ${others.join(
            ', ',
          )} and should live in a repository of their own domain`,
        };
      }
    }
  },
};
