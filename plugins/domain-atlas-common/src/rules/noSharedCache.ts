import type { DomainAtlasRule, RuleViolation } from './types';
import { sortedUnique } from '../model/ordering';

/**
 * `no-shared-cache`: no shared cache. Violated when a cache resource is used
 * (`spec.dependsOn`) by components of more than one domain, counting the
 * cache's own domain. Every using domain other than the cache's own gets a
 * finding naming the cache and its components that use it.
 *
 * @public
 */
export const noSharedCacheRule: DomainAtlasRule = {
  id: 'no-shared-cache',
  principle: 'No shared cache',
  description: 'A cache resource is used by more than one domain.',
  defaultSeverity: 'warning',
  *evaluate({ catalog, relations, domains, roles }): Iterable<RuleViolation> {
    for (const cache of catalog.ofKind('resource')) {
      if (!roles.isCache(cache)) {
        continue;
      }
      const home = domains.domainOf(cache.ref);
      const users = new Map<string, string[]>();
      for (const dependent of relations.dependentsOf(cache.ref)) {
        const domain = domains.domainOf(dependent);
        if (domain !== null && catalog.get(dependent)?.kind === 'component') {
          const list = users.get(domain);
          if (list) {
            list.push(dependent);
          } else {
            users.set(domain, [dependent]);
          }
        }
      }
      const all = sortedUnique(
        home === null ? users.keys() : [home, ...users.keys()],
      );
      if (all.length < 2) {
        continue;
      }
      for (const [domain, components] of users) {
        if (domain !== home) {
          yield {
            subject: components[0],
            // Every user of the cache is involved, not only this domain's.
            entities: [cache.ref, ...[...users.values()].flat()],
            domain,
            message: `The cache ${cache.ref} is shared by ${all.join(
              ', ',
            )}; ${domain} should use a cache of its own`,
          };
        }
      }
    }
  },
};
