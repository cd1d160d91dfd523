import type { DomainMembers } from './report';
import type { IndexedCatalog } from './model/catalog';
import type { CatalogRelations } from './model/relations';
import { CatalogProblems } from './model/problems';
import { compareStrings } from './model/ordering';

/**
 * The domain tree and which domain every system, component, API and
 * resource belongs to.
 *
 * Membership: a System through `spec.domain`; a Component, API or Resource
 * through the domain of its `spec.system`. A Component whose system leads
 * to no domain belongs through `spec.subcomponentOf` (transitively), else
 * through the systems of the APIs it provides. An API whose system leads to
 * no domain belongs to the domain of the components that provide it. When
 * several domains compete, the most frequent wins, ties go to the smallest
 * ref. The rest is unassigned.
 *
 * @public
 */
export interface DomainModel {
  /** Every Domain ref, sorted. */
  readonly domains: ReadonlyArray<string>;
  parentOf(domain: string): string | null;
  childrenOf(domain: string): ReadonlyArray<string>;
  /** A Domain's own ref for a Domain, the domain of a member, else null. */
  domainOf(ref: string): string | null;
  membersOf(domain: string): DomainMembers;
  readonly unassigned: DomainMembers;
}

const MEMBER_LISTS: Record<string, keyof DomainMembers> = {
  system: 'systems',
  component: 'components',
  api: 'apis',
  resource: 'resources',
};

function emptyMembers(): DomainMembers {
  return { systems: [], components: [], apis: [], resources: [] };
}

/** The most frequent value, ties to the smallest; null for none. */
function mostFrequent(values: ReadonlyArray<string | null>): string | null {
  const counts = new Map<string, number>();
  for (const value of values) {
    if (value !== null) {
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (
      count > bestCount ||
      (count === bestCount && best !== null && compareStrings(value, best) < 0)
    ) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Parent of every domain after dangling parents (already reported by the
 * relations) are dropped and each `subdomainOf` cycle is cut at its
 * smallest ref.
 */
function buildParents(
  domains: ReadonlyArray<string>,
  relations: CatalogRelations,
  problems: CatalogProblems,
): Map<string, string | null> {
  const parents = new Map<string, string | null>();
  for (const domain of domains) {
    parents.set(domain, relations.of(domain).subdomainOf);
  }
  const done = new Set<string>();
  for (const start of domains) {
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let current: string | null = start;
    while (current !== null && !done.has(current)) {
      if (onPath.has(current)) {
        const cycle = path.slice(onPath.get(current));
        const cut = [...cycle].sort(compareStrings)[0];
        parents.set(cut, null);
        problems.add('invalid-reference', {
          subject: cut,
          entities: cycle,
          key: 'subdomainOf-cycle',
          message: `spec.subdomainOf forms a cycle (${[...cycle, cycle[0]].join(
            ' → ',
          )}); ${cut} is treated as a root domain`,
        });
        break;
      }
      onPath.set(current, path.length);
      path.push(current);
      current = parents.get(current) ?? null;
    }
    path.forEach(domain => done.add(domain));
  }
  return parents;
}

/** Builds the domain tree and the membership of every entity. */
export function buildDomainModel(
  catalog: IndexedCatalog,
  relations: CatalogRelations,
  problems: CatalogProblems,
): DomainModel {
  const domains = catalog.ofKind('domain').map(entity => entity.ref);
  const parents = buildParents(domains, relations, problems);
  const children = new Map<string, string[]>();
  for (const domain of domains) {
    const parent = parents.get(domain);
    if (parent) {
      const siblings = children.get(parent);
      if (siblings) {
        siblings.push(domain);
      } else {
        children.set(parent, [domain]);
      }
    }
  }

  // Each entity's domain is kept on its catalog record.
  const domainOf = (ref: string | null) =>
    ref === null ? null : catalog.record(ref)?.domain ?? null;
  for (const record of catalog.recordsOfKind('domain')) {
    record.domain = record.entity.ref;
  }
  for (const record of catalog.recordsOfKind('system')) {
    record.domain = record.relations!.domain;
  }
  const apiSystemDomain = (api: string) => domainOf(relations.of(api).system);

  const componentDomains = new Map<string, string | null>();
  const resolveComponent = (start: string) => {
    const path: string[] = [];
    const onPath = new Set<string>();
    let inherited: string | null = null;
    let current: string | null = start;
    while (current !== null) {
      if (componentDomains.has(current)) {
        inherited = componentDomains.get(current) ?? null;
        break;
      }
      if (onPath.has(current)) {
        const cycle = path.slice(path.indexOf(current));
        problems.add('invalid-reference', {
          subject: [...cycle].sort(compareStrings)[0],
          entities: cycle,
          key: 'subcomponentOf-cycle',
          message: `spec.subcomponentOf forms a cycle (${[
            ...cycle,
            cycle[0],
          ].join(' → ')}); it gives these components no domain`,
        });
        break;
      }
      onPath.add(current);
      path.push(current);
      const direct = domainOf(relations.of(current).system);
      if (direct !== null) {
        inherited = direct;
        break;
      }
      current = relations.of(current).subcomponentOf;
    }
    for (let i = path.length - 1; i >= 0; i--) {
      const own = domainOf(relations.of(path[i]).system);
      const result =
        own ??
        inherited ??
        mostFrequent(relations.of(path[i]).providesApis.map(apiSystemDomain));
      componentDomains.set(path[i], result);
      inherited = result;
    }
  };
  for (const record of catalog.recordsOfKind('component')) {
    const system = record.relations!.system;
    // The common case: the component's system leads to a domain.
    record.domain = domainOf(system);
    if (record.domain === null) {
      resolveComponent(record.entity.ref);
      record.domain = componentDomains.get(record.entity.ref) ?? null;
    }
  }
  for (const record of catalog.recordsOfKind('api')) {
    record.domain =
      domainOf(record.relations!.system) ??
      mostFrequent(
        relations
          .providersOf(record.entity.ref)
          .map(provider => catalog.record(provider)?.domain ?? null),
      );
  }
  for (const record of catalog.recordsOfKind('resource')) {
    record.domain = domainOf(record.relations!.system);
  }

  const members = new Map<string, DomainMembers>();
  domains.forEach(domain => members.set(domain, emptyMembers()));
  const unassigned = emptyMembers();
  for (const kind of Object.keys(MEMBER_LISTS)) {
    for (const record of catalog.recordsOfKind(kind)) {
      const bucket =
        record.domain === null ? unassigned : members.get(record.domain)!;
      bucket[MEMBER_LISTS[kind]].push(record.entity.ref);
    }
  }

  return {
    domains,
    parentOf: domain => parents.get(domain) ?? null,
    childrenOf: domain => children.get(domain) ?? [],
    domainOf,
    membersOf: domain => members.get(domain) ?? emptyMembers(),
    unassigned,
  };
}
