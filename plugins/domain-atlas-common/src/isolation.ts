import type { BlastRadius, DomainDependency, IsolationEntry } from './report';
import type { RuleContext } from './rules/types';
import { sortedUnique } from './model/ordering';
import { crossDomainLinks } from './crossDomainLinks';

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
    const { component, own, target } = link;
    if (own === null || roles.isGateway(component)) {
      continue;
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
  const blockedBy = new Int32Array(domains.length).fill(-1);
  const reachedBy = new Int32Array(domains.length).fill(-1);
  const isolation: IsolationEntry[] = [];
  const blastRadius: BlastRadius[] = [];
  for (let down = 0; down < domains.length; down++) {
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
      isolation.push({
        down: domains[down],
        affected: domains[affected],
        impact: isBlocked ? 'blocked' : 'delayed',
        path: pathTo(affected, isBlocked ? blockedBy : reachedBy, domains),
      });
    }
    blastRadius.push({ domain: domains[down], blocks, delays });
    blocked.forEach(node => (blockedBy[node] = -1));
    reached.forEach(node => (reachedBy[node] = -1));
  }
  return { dependencies, isolation, blastRadius };
}
