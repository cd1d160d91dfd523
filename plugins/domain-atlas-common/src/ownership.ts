import type { TeamDomain, TeamSummary } from './report';
import type { CatalogIndex } from './model/catalog';
import type { CatalogRelations } from './model/relations';
import type { DomainModel } from './domains';
import { CatalogProblems } from './model/problems';
import { findCycles } from './model/cycles';
import { compareStrings, sortedUnique } from './model/ordering';
import { kindOfRef } from './model/refs';

/**
 * The group hierarchy (from both `spec.parent` and `spec.children`, cycle
 * safe) and who owns which domain.
 *
 * @public
 */
export interface OwnershipModel {
  /** Parent groups of a group, sorted. */
  parentsOf(group: string): ReadonlyArray<string>;
  /** Child groups of a group, sorted. */
  childrenOf(group: string): ReadonlyArray<string>;
  /** The group and all its descendants. */
  teamTree(group: string): ReadonlySet<string>;
  /**
   * Whether an owner is inside a group's team tree: one of its groups, or a
   * user who is a member of one of them.
   */
  isWithinTeamTree(owner: string, group: string): boolean;
  /**
   * The owner group of a domain, or null when the domain has no owner, a
   * User owner, or an owner that resolves to no Group.
   */
  owningGroupOf(domain: string): string | null;
  /** Every group with the domains it owns directly or through sub-teams. */
  readonly teams: ReadonlyArray<TeamSummary>;
}

function addEdge(map: Map<string, Set<string>>, from: string, to: string) {
  let set = map.get(from);
  if (!set) {
    set = new Set();
    map.set(from, set);
  }
  set.add(to);
}

/** Builds the group hierarchy and aggregates domain ownership over sub-teams. */
export function buildOwnershipModel(
  catalog: CatalogIndex,
  relations: CatalogRelations,
  domains: DomainModel,
  problems: CatalogProblems,
): OwnershipModel {
  const groups = catalog.ofKind('group');
  const parentSets = new Map<string, Set<string>>();
  const childSets = new Map<string, Set<string>>();
  const groupsOfUser = new Map<string, Set<string>>();
  for (const group of groups) {
    const own = relations.of(group.ref);
    if (own.parent) {
      addEdge(parentSets, group.ref, own.parent);
      addEdge(childSets, own.parent, group.ref);
    }
    for (const child of own.children) {
      addEdge(parentSets, child, group.ref);
      addEdge(childSets, group.ref, child);
    }
    for (const user of own.members) {
      addEdge(groupsOfUser, user, group.ref);
    }
  }
  for (const user of catalog.ofKind('user')) {
    for (const group of relations.of(user.ref).memberOf) {
      addEdge(groupsOfUser, user.ref, group);
    }
  }
  const sorted = (map: Map<string, Set<string>>) => {
    const result = new Map<string, string[]>();
    for (const [key, set] of map) {
      result.set(key, sortedUnique(set));
    }
    return result;
  };
  const parents = sorted(parentSets);
  const children = sorted(childSets);

  for (const cycle of findCycles(
    groups.map(group => group.ref),
    group => children.get(group) ?? [],
  )) {
    problems.add('invalid-reference', {
      subject: cycle[0],
      entities: cycle,
      key: 'group-cycle',
      message: `Groups ${cycle.join(
        ', ',
      )} are their own ancestors through spec.parent/spec.children; each one's team tree includes the others`,
    });
  }

  const trees = new Map<string, Set<string>>();
  const teamTree = (group: string): ReadonlySet<string> => {
    let tree = trees.get(group);
    if (!tree) {
      tree = new Set([group]);
      const queue = [group];
      for (let i = 0; i < queue.length; i++) {
        for (const child of children.get(queue[i]) ?? []) {
          if (!tree.has(child)) {
            tree.add(child);
            queue.push(child);
          }
        }
      }
      trees.set(group, tree);
    }
    return tree;
  };

  const owningGroupOf = (domain: string): string | null => {
    const owner = relations.of(domain).owner;
    return owner !== null &&
      kindOfRef(owner) === 'group' &&
      catalog.get(owner) !== undefined
      ? owner
      : null;
  };

  const owned = new Map<string, TeamDomain[]>();
  for (const domain of domains.domains) {
    const owner = owningGroupOf(domain);
    if (owner === null) {
      continue;
    }
    const direct = owned.get(owner) ?? [];
    direct.push({ ref: domain, via: 'direct' });
    owned.set(owner, direct);
    const seen = new Set([owner]);
    const queue = [...(parents.get(owner) ?? [])];
    for (let i = 0; i < queue.length; i++) {
      const ancestor = queue[i];
      if (seen.has(ancestor)) {
        continue;
      }
      seen.add(ancestor);
      const list = owned.get(ancestor) ?? [];
      list.push({ ref: domain, via: 'sub-team', through: owner });
      owned.set(ancestor, list);
      queue.push(...(parents.get(ancestor) ?? []));
    }
  }

  const teams: TeamSummary[] = groups.map(group => {
    const own = relations.of(group.ref);
    return {
      ref: group.ref,
      title: group.title,
      parent: own.parent ?? parents.get(group.ref)?.[0] ?? null,
      children: children.get(group.ref) ?? [],
      domains: (owned.get(group.ref) ?? []).sort((a, b) =>
        compareStrings(a.ref, b.ref),
      ),
    };
  });

  return {
    parentsOf: group => parents.get(group) ?? [],
    childrenOf: group => children.get(group) ?? [],
    teamTree,
    isWithinTeamTree: (owner, group) => {
      if (owner === group) {
        // Most entities are owned by their domain's team itself.
        return true;
      }
      const tree = teamTree(group);
      if (tree.has(owner)) {
        return true;
      }
      for (const memberOf of groupsOfUser.get(owner) ?? []) {
        if (tree.has(memberOf)) {
          return true;
        }
      }
      return false;
    },
    owningGroupOf,
    teams,
  };
}
