import type { DomainMembers } from './report';
import type { EntityRecord, IndexedCatalog } from './model/catalog';
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

/**
 * The domain model as the analysis sees it: with the records. Each
 * record's `domain` is filled in.
 */
export interface IndexedDomainModel extends DomainModel {
  /** Every Domain record, sorted by ref. */
  readonly domainRecords: ReadonlyArray<EntityRecord>;
  /** The members of a domain as records, each list sorted by ref. */
  memberRecordsOf(domain: EntityRecord): MemberRecords;
}

/** {@link DomainMembers} as records. */
export type MemberRecords = {
  readonly [list in keyof DomainMembers]: ReadonlyArray<EntityRecord>;
};

/** The member lists in the order of {@link DomainMembers}. */
export const MEMBER_LIST_NAMES: ReadonlyArray<keyof DomainMembers> = [
  'systems',
  'components',
  'apis',
  'resources',
];

const MEMBER_KINDS = ['system', 'component', 'api', 'resource'] as const;

const MEMBER_LISTS: Record<string, keyof DomainMembers> = {
  system: 'systems',
  component: 'components',
  api: 'apis',
  resource: 'resources',
};

function emptyMembers(): DomainMembers {
  return { systems: [], components: [], apis: [], resources: [] };
}

function emptyMemberRecords(): {
  [list in keyof DomainMembers]: EntityRecord[];
} {
  return { systems: [], components: [], apis: [], resources: [] };
}

const NO_MEMBER_RECORDS: MemberRecords = emptyMemberRecords();

/** The most frequent domain, ties to the smallest ref; null for none. */
function mostFrequent(
  values: ReadonlyArray<EntityRecord | null>,
): EntityRecord | null {
  const counts = new Map<EntityRecord, number>();
  for (const value of values) {
    if (value !== null) {
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
  }
  let best: EntityRecord | null = null;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (
      count > bestCount ||
      (count === bestCount &&
        best !== null &&
        compareStrings(value.ref, best.ref) < 0)
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
  domains: ReadonlyArray<EntityRecord>,
  problems: CatalogProblems,
): Map<string, string | null> {
  const parents = new Map<string, string | null>();
  for (const domain of domains) {
    parents.set(domain.ref, domain.subdomainOf?.ref ?? null);
  }
  const done = new Set<string>();
  for (const { entity } of domains) {
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let current: string | null = entity.ref;
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

/**
 * The domain of a component whose system leads to none: through
 * `spec.subcomponentOf` (transitively), else through the systems of the
 * APIs it provides. Fills `resolved` for every component on the way.
 */
function resolveComponent(
  start: EntityRecord,
  resolved: Map<EntityRecord, EntityRecord | null>,
  problems: CatalogProblems,
) {
  const path: EntityRecord[] = [];
  const onPath = new Set<EntityRecord>();
  let inherited: EntityRecord | null = null;
  let current: EntityRecord | null = start;
  while (current !== null) {
    if (resolved.has(current)) {
      inherited = resolved.get(current) ?? null;
      break;
    }
    if (onPath.has(current)) {
      const cycle = path.slice(path.indexOf(current)).map(record => record.ref);
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
    const direct = current.system?.domain ?? null;
    if (direct !== null) {
      inherited = direct;
      break;
    }
    current = current.subcomponentOf;
  }
  for (let i = path.length - 1; i >= 0; i--) {
    const own = path[i].system?.domain ?? null;
    const result =
      own ??
      inherited ??
      mostFrequent(path[i].providesApis.map(api => api.system?.domain ?? null));
    resolved.set(path[i], result);
    inherited = result;
  }
}

/** The members of a domain, as refs and as records. */
interface Members {
  refs: DomainMembers;
  records: ReturnType<typeof emptyMemberRecords>;
}

/** Adds the records of one kind to the members of their domains. */
function addMembers(
  records: ReadonlyArray<EntityRecord>,
  list: keyof DomainMembers,
  byDomain: ReadonlyMap<EntityRecord, Members>,
  unassigned: DomainMembers,
) {
  for (const record of records) {
    if (record.domain === null) {
      unassigned[list].push(record.ref);
    } else {
      const members = byDomain.get(record.domain)!;
      members.refs[list].push(record.ref);
      members.records[list].push(record);
    }
  }
}

/** Builds the domain tree and the membership of every entity. */
export function buildDomainModel(
  catalog: IndexedCatalog,
  problems: CatalogProblems,
): IndexedDomainModel {
  const domainRecords = catalog.recordsOfKind('domain');
  const domains = domainRecords.map(record => record.ref);
  const parents = buildParents(domainRecords, problems);
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

  // Each entity's domain is kept on its catalog record. The relations
  // model has checked every target's kind: a system is a System, its
  // domain a Domain.
  for (const record of domainRecords) {
    record.domain = record;
  }
  for (const record of catalog.recordsOfKind('system')) {
    record.domain = record.specDomain;
  }
  // Components that another component resolved on the way.
  const resolved = new Map<EntityRecord, EntityRecord | null>();
  for (const record of catalog.recordsOfKind('component')) {
    // The common case: the component's system leads to a domain.
    record.domain = record.system?.domain ?? null;
    if (record.domain === null) {
      resolveComponent(record, resolved, problems);
      record.domain = resolved.get(record) ?? null;
    }
  }
  for (const record of catalog.recordsOfKind('api')) {
    record.domain =
      record.system?.domain ??
      mostFrequent(record.providers.map(provider => provider.domain));
  }
  for (const record of catalog.recordsOfKind('resource')) {
    record.domain = record.system?.domain ?? null;
  }

  const byDomain = new Map<EntityRecord, Members>();
  const membersByRef = new Map<string, DomainMembers>();
  for (const record of domainRecords) {
    const own: Members = {
      refs: emptyMembers(),
      records: emptyMemberRecords(),
    };
    byDomain.set(record, own);
    membersByRef.set(record.ref, own.refs);
  }
  const unassigned = emptyMembers();
  for (const kind of MEMBER_KINDS) {
    addMembers(
      catalog.recordsOfKind(kind),
      MEMBER_LISTS[kind],
      byDomain,
      unassigned,
    );
  }

  return {
    domains,
    domainRecords,
    parentOf: domain => parents.get(domain) ?? null,
    childrenOf: domain => children.get(domain) ?? [],
    domainOf: ref =>
      ref === null ? null : catalog.record(ref)?.domain?.ref ?? null,
    membersOf: domain => membersByRef.get(domain) ?? emptyMembers(),
    memberRecordsOf: domain =>
      byDomain.get(domain)?.records ?? NO_MEMBER_RECORDS,
    unassigned,
  };
}
