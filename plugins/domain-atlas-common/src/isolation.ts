import type { BlastRadius, DomainDependency, IsolationEntry } from './report';
import type { RuleContext } from './rules/types';
import { compareStrings, sortedUnique } from './model/ordering';
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
function buildDependencies(context: RuleContext): DomainDependency[] {
  const { roles } = context;
  // from → to → kind → the entities that make the dependency.
  const edges = new Map<string, Map<string, Record<Kind, string[]>>>();
  const add = (from: string, to: string, kind: Kind, entities: string[]) => {
    let byTarget = edges.get(from);
    if (!byTarget) {
      byTarget = new Map();
      edges.set(from, byTarget);
    }
    let byKind = byTarget.get(to);
    if (!byKind) {
      byKind = { sync: [], async: [] };
      byTarget.set(to, byKind);
    }
    byKind[kind].push(...entities);
  };
  for (const link of crossDomainLinks(context)) {
    const { component, own, target } = link;
    if (own === null || roles.isGateway(component)) {
      continue;
    }
    if (link.via === 'consumesApis') {
      const style = roles.apiStyle(target);
      if (style !== null) {
        add(link.theirs, own, style, [component.ref, target.ref]);
      }
    } else if (
      target.kind === 'resource' ||
      (target.kind === 'component' &&
        !roles.isGateway(target) &&
        !roles.isBusinessLibrary(target) &&
        !roles.isContractLibrary(target))
    ) {
      add(link.theirs, own, 'sync', [component.ref, target.ref]);
    }
  }
  const dependencies: DomainDependency[] = [];
  for (const from of [...edges.keys()].sort(compareStrings)) {
    const byTarget = edges.get(from)!;
    for (const to of [...byTarget.keys()].sort(compareStrings)) {
      const byKind = byTarget.get(to)!;
      // 'async' sorts before 'sync'.
      for (const kind of ['async', 'sync'] as const) {
        if (byKind[kind].length > 0) {
          dependencies.push({
            from,
            to,
            kind,
            entities: sortedUnique(byKind[kind]),
          });
        }
      }
    }
  }
  return dependencies;
}

/**
 * The domains as numbers (their index in the sorted domain list) with
 * their outgoing edges, so that the search below, which runs once per
 * domain, touches typed arrays instead of Maps of refs.
 */
interface DomainGraph {
  /** Successors of each domain, in ascending order (= by ref). */
  readonly sync: ReadonlyArray<ReadonlyArray<number>>;
  readonly any: ReadonlyArray<ReadonlyArray<number>>;
}

function buildGraph(
  domains: ReadonlyArray<string>,
  dependencies: ReadonlyArray<DomainDependency>,
): DomainGraph {
  const indexOf = new Map(domains.map((domain, index) => [domain, index]));
  const sync: number[][] = domains.map(() => []);
  const any: number[][] = domains.map(() => []);
  // Dependencies are sorted by from, then to: each list comes out sorted,
  // and a sync and an async edge between the same two domains are adjacent.
  for (const dependency of dependencies) {
    const from = indexOf.get(dependency.from)!;
    const to = indexOf.get(dependency.to)!;
    if (dependency.kind === 'sync') {
      sync[from].push(to);
    }
    const list = any[from];
    if (list[list.length - 1] !== to) {
      list.push(to);
    }
  }
  return { sync, any };
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
  const path = [domains[node]];
  for (let current = node; previous[current] !== current; ) {
    current = previous[current];
    path.push(domains[current]);
  }
  return path.reverse();
}

/**
 * For every ordered pair of domains: `blocked` when a chain of synchronous
 * dependencies leads from the domain that is down to the affected one;
 * otherwise `delayed` when any chain leads there (it then contains at least
 * one asynchronous edge: the affected domain waits for events); pairs with
 * no chain are left out. Paths are shortest chains, ties broken by ref.
 */
export function analyzeIsolation(context: RuleContext): IsolationAnalysis {
  const dependencies = buildDependencies(context);
  const domains = context.domains.domains;
  const graph = buildGraph(domains, dependencies);
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
