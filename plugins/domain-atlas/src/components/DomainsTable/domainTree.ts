import type { DomainListItem } from '../../api';

/** A domain with its place in the subdomain tree. */
export interface DomainTreeRow extends DomainListItem {
  /** material-table keeps a row's state by `id`: the domain ref. */
  id: string;
  /** How many ancestors the domain has in the list (0 for a top domain). */
  depth: number;
  /** Titles of the ancestors, outermost first. */
  ancestors: string[];
  /** How many direct subdomains the domain has. */
  subdomainCount: number;
}

/**
 * The subdomain tree of a domain list: each domain's ancestors (parents
 * that are not in the list, and cycles, end the chain), and a comparator
 * that sorts by a value among siblings while keeping every subdomain
 * right after its parent.
 */
export class DomainTree {
  readonly rows: DomainTreeRow[];
  /** Each ref's chain of domains from its top ancestor down to itself. */
  private readonly chains = new Map<string, DomainListItem[]>();

  constructor(domains: DomainListItem[]) {
    const byRef = new Map(domains.map(domain => [domain.ref, domain]));
    const subdomains = new Map<string, number>();
    for (const domain of domains) {
      const chain: DomainListItem[] = [domain];
      const seen = new Set([domain.ref]);
      let parent = domain.parent ? byRef.get(domain.parent) : undefined;
      while (parent && !seen.has(parent.ref)) {
        chain.unshift(parent);
        seen.add(parent.ref);
        parent = parent.parent ? byRef.get(parent.parent) : undefined;
      }
      this.chains.set(domain.ref, chain);
      if (domain.parent && byRef.has(domain.parent)) {
        subdomains.set(domain.parent, (subdomains.get(domain.parent) ?? 0) + 1);
      }
    }
    this.rows = domains.map(domain => {
      const chain = this.chains.get(domain.ref)!;
      return {
        ...domain,
        id: domain.ref,
        depth: chain.length - 1,
        ancestors: chain.slice(0, -1).map(ancestor => ancestor.title),
        subdomainCount: subdomains.get(domain.ref) ?? 0,
      };
    });
  }

  /**
   * A material-table `customSort` that orders siblings by `value` (then by
   * title) and puts every domain right after its ancestors, in either
   * direction: material-table sorts descending by calling it with the rows
   * swapped and `'desc'`, so ancestry is swapped back.
   */
  sortBy(
    value: (domain: DomainListItem) => number | string,
  ): (
    a: DomainListItem,
    b: DomainListItem,
    type?: string,
    direction?: string,
  ) => number {
    return (a, b, _type, direction) => {
      const ancestorFirst = direction === 'desc' ? 1 : -1;
      const chainA = this.chains.get(a.ref) ?? [a];
      const chainB = this.chains.get(b.ref) ?? [b];
      let level = 0;
      while (
        level < chainA.length &&
        level < chainB.length &&
        chainA[level].ref === chainB[level].ref
      ) {
        level++;
      }
      if (level === chainA.length && level === chainB.length) return 0;
      if (level === chainA.length) return ancestorFirst;
      if (level === chainB.length) return -ancestorFirst;
      const x = chainA[level];
      const y = chainB[level];
      return (
        compare(value(x), value(y)) ||
        compare(x.title.toLocaleLowerCase(), y.title.toLocaleLowerCase()) ||
        compare(x.ref, y.ref)
      );
    };
  }
}

function compare(x: number | string, y: number | string): number {
  if (x < y) return -1;
  return x > y ? 1 : 0;
}
