import type { DomainAtlasRule, RuleViolation } from './types';
import type { CatalogEntity } from '../model/catalog';
import { internalsOf } from '../model/internals';
import { sortedUnique } from '../model/ordering';

/** A cache, its domain and its dependents (ref, domain, kind). */
interface CacheUse {
  cache: CatalogEntity;
  home: string | null;
  dependents: Iterable<[string, string | null, string | undefined]>;
}

function* violationsOf({
  cache,
  home,
  dependents,
}: CacheUse): Iterable<RuleViolation> {
  const users = new Map<string, string[]>();
  for (const [dependent, domain, kind] of dependents) {
    if (domain !== null && kind === 'component') {
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
    return;
  }
  for (const [domain, components] of users) {
    if (domain !== home) {
      yield {
        subject: components[0],
        // Every user of the cache is involved, not only this domain's.
        entities: [cache.ref, ...[...users.values()].flat()],
        // The id: this domain uses this cache, whoever else does.
        identity: [cache.ref],
        domain,
        message: `The cache ${cache.ref} is shared by ${all.join(
          ', ',
        )}; ${domain} should use a cache of its own`,
      };
    }
  }
}

/**
 * `no-shared-cache`: no shared cache. Violated when a cache resource is used
 * (`spec.dependsOn`) by components of more than one domain, counting the
 * cache's own domain. Every using domain other than the cache's own gets a
 * finding naming the cache and all components that use it; its id names
 * the domain and the cache only, so further users do not change it.
 *
 * @public
 */
export const noSharedCacheRule: DomainAtlasRule = {
  id: 'no-shared-cache',
  principle: 'No shared cache',
  description: 'A cache resource is used by more than one domain.',
  defaultSeverity: 'warning',
  *evaluate(context): Iterable<RuleViolation> {
    const { catalog, relations, domains, roles } = context;
    const internals = internalsOf(context);
    if (internals) {
      for (const record of internals.catalog.recordsOfKind('resource')) {
        if (roles.isCache(record.entity)) {
          yield* violationsOf({
            cache: record.entity,
            home: record.domain === null ? null : record.domain.ref,
            dependents: record.dependents.map(dependent => [
              dependent.ref,
              dependent.domain === null ? null : dependent.domain.ref,
              dependent.entity.kind,
            ]),
          });
        }
      }
      return;
    }
    for (const cache of catalog.ofKind('resource')) {
      if (roles.isCache(cache)) {
        yield* violationsOf({
          cache,
          home: domains.domainOf(cache.ref),
          dependents: relations
            .dependentsOf(cache.ref)
            .map(dependent => [
              dependent,
              domains.domainOf(dependent),
              catalog.get(dependent)?.kind,
            ]),
        });
      }
    }
  },
};
