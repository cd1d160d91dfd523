import type { BlastRadius, DomainDependency, IsolationEntry } from './report';
import type { RuleContext } from './rules/types';
import { compareStrings, sortedUnique } from './model/ordering';

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
 * component of `to` consumes a synchronous API of `from` or depends on a
 * component of `from` (libraries and contract packages excluded: they are
 * build-time), `async` when it consumes an asynchronous API of `from`.
 * Gateway components and unassigned entities are left out of the graph.
 */
function buildDependencies(context: RuleContext): DomainDependency[] {
  const { catalog, relations, domains, roles } = context;
  const edges = new Map<string, Set<string>>();
  const add = (
    from: string | null,
    to: string,
    kind: Kind,
    entities: string[],
  ) => {
    if (from === null || from === to) {
      return;
    }
    const key = `${from}\u0000${to}\u0000${kind}`;
    const set = edges.get(key) ?? new Set<string>();
    entities.forEach(e => set.add(e));
    edges.set(key, set);
  };
  for (const component of catalog.ofKind('component')) {
    const to = domains.domainOf(component.ref);
    if (to === null || roles.isGateway(component)) {
      continue;
    }
    const links = relations.of(component.ref);
    for (const apiRef of links.consumesApis) {
      const api = catalog.get(apiRef);
      const style = api ? roles.apiStyle(api) : null;
      if (style !== null) {
        add(domains.domainOf(apiRef), to, style, [component.ref, apiRef]);
      }
    }
    for (const target of links.dependsOn) {
      const other = catalog.get(target);
      if (
        other?.kind === 'component' &&
        !roles.isGateway(other) &&
        !roles.isBusinessLibrary(other) &&
        !roles.isContractLibrary(other)
      ) {
        add(domains.domainOf(target), to, 'sync', [component.ref, target]);
      }
    }
  }
  return [...edges.entries()]
    .map(([key, entities]) => {
      const [from, to, kind] = key.split('\u0000');
      return { from, to, kind: kind as Kind, entities: sortedUnique(entities) };
    })
    .sort(
      (a, b) =>
        compareStrings(a.from, b.from) ||
        compareStrings(a.to, b.to) ||
        compareStrings(a.kind, b.kind),
    );
}

/** Breadth-first search from `start`; returns each reached node's predecessor. */
function reach(start: string, adjacency: ReadonlyMap<string, string[]>) {
  const previous = new Map<string, string>([[start, start]]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const next of adjacency.get(queue[i]) ?? []) {
      if (!previous.has(next)) {
        previous.set(next, queue[i]);
        queue.push(next);
      }
    }
  }
  return previous;
}

function pathTo(node: string, previous: ReadonlyMap<string, string>): string[] {
  const path = [node];
  let current = node;
  while (previous.get(current) !== current) {
    current = previous.get(current)!;
    path.unshift(current);
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
  const dependencies = buildDependencies(context);
  const sync = new Map<string, string[]>();
  const any = new Map<string, string[]>();
  for (const dependency of dependencies) {
    for (const [map, include] of [
      [sync, dependency.kind === 'sync'],
      [any, true],
    ] as const) {
      if (include) {
        const list = map.get(dependency.from) ?? [];
        if (list[list.length - 1] !== dependency.to) {
          list.push(dependency.to);
        }
        map.set(dependency.from, list);
      }
    }
  }
  const isolation: IsolationEntry[] = [];
  const blastRadius: BlastRadius[] = [];
  for (const down of context.domains.domains) {
    const blocked = reach(down, sync);
    const reached = reach(down, any);
    let blocks = 0;
    let delays = 0;
    for (const affected of context.domains.domains) {
      if (affected === down) {
        continue;
      }
      if (blocked.has(affected)) {
        blocks++;
        isolation.push({
          down,
          affected,
          impact: 'blocked',
          path: pathTo(affected, blocked),
        });
      } else if (reached.has(affected)) {
        delays++;
        isolation.push({
          down,
          affected,
          impact: 'delayed',
          path: pathTo(affected, reached),
        });
      }
    }
    blastRadius.push({ domain: down, blocks, delays });
  }
  return { dependencies, isolation, blastRadius };
}
