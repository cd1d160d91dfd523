import type { BlastRadius, DomainDependency, IsolationEntry } from './report';
import type { RuleContext } from './rules/types';
import { sortedUnique } from './model/ordering';
import { CrossDomainLink, crossDomainLinks } from './crossDomainLinks';
import type { EntityRoles } from './model/entityRoles';

/**
 * The dependency graph between domains and what a domain outage does to
 * the others.
 *
 * @public
 */
export interface IsolationAnalysis {
  dependencies: DomainDependency[];
  isolation: IsolationEntry[];
  blastRadius: BlastRadius[];
}

type Kind = 'sync' | 'async';

/**
 * Direct dependencies: `from → to` (`to` needs `from`) is `sync` when a
 * component of `to` consumes a synchronous API of `from`, depends on a
 * component of `from` (libraries and contract packages excluded: they are
 * build-time) or depends on a resource of `from` (its database, cache or
 * queue: when `from` is down, so is what it runs); `async` when it
 * consumes an asynchronous API of `from`. Gateway components and
 * unassigned entities are left out of the graph.
 */
function buildDependencies(
  context: RuleContext,
  domains: ReadonlyArray<string>,
): { dependencies: DomainDependency[]; graph: DomainGraph } {
  const { roles } = context;
  const indexOf = new Map(domains.map((domain, index) => [domain, index]));
  // `to` needs `from`, keyed from × count + to: the keys sort in ref order.
  const edges = new Map<
    number,
    { from: number; to: number; sync: string[]; async: string[] }
  >();
  const count = domains.length;
  const add = (
    from: string,
    to: string,
    kind: Kind,
    component: string,
    target: string,
  ) => {
    const fromIndex = indexOf.get(from)!;
    const toIndex = indexOf.get(to)!;
    const key = fromIndex * count + toIndex;
    let edge = edges.get(key);
    if (!edge) {
      edge = { from: fromIndex, to: toIndex, sync: [], async: [] };
      edges.set(key, edge);
    }
    edge[kind].push(component, target);
  };
  for (const link of crossDomainLinks(context)) {
    addLink(link, roles, add);
  }
  const dependencies: DomainDependency[] = [];
  const sync: number[][] = domains.map(() => []);
  const any: number[][] = domains.map(() => []);
  for (const key of [...edges.keys()].sort((a, b) => a - b)) {
    const edge = edges.get(key)!;
    // 'async' sorts before 'sync'.
    for (const kind of ['async', 'sync'] as const) {
      if (edge[kind].length > 0) {
        dependencies.push({
          from: domains[edge.from],
          to: domains[edge.to],
          kind,
          entities: sortedUnique(edge[kind]),
        });
      }
    }
    if (edge.sync.length > 0) {
      sync[edge.from].push(edge.to);
    }
    any[edge.from].push(edge.to);
  }
  return { dependencies, graph: { sync, any } };
}

/** Adds the dependency a link makes, if any. */
function addLink(
  link: CrossDomainLink,
  roles: EntityRoles,
  add: (
    from: string,
    to: string,
    kind: Kind,
    component: string,
    target: string,
  ) => void,
) {
  const { component, own, target } = link;
  if (own === null || roles.isGateway(component)) {
    return;
  }
  if (link.via === 'consumesApis') {
    const style = roles.apiStyle(target);
    if (style !== null) {
      add(link.theirs, own, style, component.ref, target.ref);
    }
  } else if (
    target.kind === 'resource' ||
    (target.kind === 'component' &&
      !roles.isGateway(target) &&
      !roles.isBusinessLibrary(target) &&
      !roles.isContractLibrary(target))
  ) {
    add(link.theirs, own, 'sync', component.ref, target.ref);
  }
}

/**
 * The domains as numbers (their index in the sorted domain list) with
 * their outgoing edges, so that the search below, which runs once per
 * domain, touches arrays of numbers instead of Maps of refs.
 */
interface DomainGraph {
  /** Successors of each domain, in ascending order (= by ref). */
  readonly sync: ReadonlyArray<ReadonlyArray<number>>;
  readonly any: ReadonlyArray<ReadonlyArray<number>>;
}

/**
 * Breadth-first search over domain numbers. `previous` is filled with each
 * reached domain's predecessor on a shortest path (the start points to
 * itself); every other entry must be -1 and is left so. Successors are
 * visited in ascending order, so ties go to the smallest ref. Returns the
 * reached domains, for the caller to reset `previous` afterwards.
 */
function reach(
  start: number,
  successors: ReadonlyArray<ReadonlyArray<number>>,
  previous: Int32Array,
): number[] {
  previous[start] = start;
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i];
    for (const next of successors[node]) {
      if (previous[next] === -1) {
        previous[next] = node;
        queue.push(next);
      }
    }
  }
  return queue;
}

function pathTo(
  node: number,
  previous: Int32Array,
  domains: ReadonlyArray<string>,
): string[] {
  let length = 1;
  for (let current = node; previous[current] !== current; length++) {
    current = previous[current];
  }
  const path: string[] = new Array(length);
  for (let current = node, i = length - 1; i >= 0; i--) {
    path[i] = domains[current];
    current = previous[current];
  }
  return path;
}

/**
 * For every ordered pair of domains: `blocked` when a chain of synchronous
 * dependencies leads from the domain that is down to the affected one;
 * otherwise `delayed` when any chain leads there (it then contains at least
 * one asynchronous edge: the affected domain waits for events); pairs with
 * no chain are left out. Paths are shortest chains, ties broken by ref.
 */
export function analyzeIsolation(context: RuleContext): IsolationAnalysis {
  const domains = context.domains.domains;
  const { dependencies, graph } = buildDependencies(context, domains);
  const search: Search = {
    domains,
    graph,
    blockedBy: new Int32Array(domains.length).fill(-1),
    reachedBy: new Int32Array(domains.length).fill(-1),
    isolation: [],
    blastRadius: [],
  };
  for (let down = 0; down < domains.length; down++) {
    isolate(down, search);
  }
  return {
    dependencies,
    isolation: search.isolation,
    blastRadius: search.blastRadius,
  };
}

/** The state of {@link analyzeIsolation}'s searches. */
interface Search {
  readonly domains: ReadonlyArray<string>;
  readonly graph: DomainGraph;
  readonly blockedBy: Int32Array;
  readonly reachedBy: Int32Array;
  readonly isolation: IsolationEntry[];
  readonly blastRadius: BlastRadius[];
}

/**
 * What an outage of one domain does to the others. One function per
 * domain, so that V8 optimises it once rather than entering the searches
 * of every domain through the loop of {@link analyzeIsolation}.
 */
function isolate(down: number, search: Search) {
  const { domains, graph, blockedBy, reachedBy } = search;
  const blocked = reach(down, graph.sync, blockedBy);
  const reached = reach(down, graph.any, reachedBy);
  // Every domain reached is affected; report them in domain order.
  reached.sort((a, b) => a - b);
  let blocks = 0;
  let delays = 0;
  for (const affected of reached) {
    if (affected === down) {
      continue;
    }
    const isBlocked = blockedBy[affected] !== -1;
    if (isBlocked) {
      blocks++;
    } else {
      delays++;
    }
    search.isolation.push({
      down: domains[down],
      affected: domains[affected],
      impact: isBlocked ? 'blocked' : 'delayed',
      path: pathTo(affected, isBlocked ? blockedBy : reachedBy, domains),
    });
  }
  search.blastRadius.push({ domain: domains[down], blocks, delays });
  for (const node of blocked) {
    blockedBy[node] = -1;
  }
  for (const node of reached) {
    reachedBy[node] = -1;
  }
}
