import type { DomainListItem } from '../../api';
import { DomainTree } from './domainTree';

const domain = (
  name: string,
  parent: string | null,
  score: number,
): DomainListItem => ({
  ref: `domain:default/${name}`,
  title: name,
  owner: null,
  parent: parent && `domain:default/${parent}`,
  score,
  findingCounts: { error: 0, warning: 0, info: 0, waived: 0 },
  phase: {
    evidence: 0,
    declared: null,
    target: null,
    targetDate: null,
    status: 'none',
  },
  repositoryCount: 0,
});

describe('DomainTree', () => {
  it('gives each domain its depth, ancestors and subdomain count', () => {
    const tree = new DomainTree([
      domain('c', 'b', 1),
      domain('a', null, 1),
      domain('b', 'a', 1),
      domain('orphan', 'gone', 1),
    ]);
    expect(
      tree.rows.map(row => [
        row.title,
        row.depth,
        row.ancestors,
        row.subdomainCount,
      ]),
    ).toEqual([
      ['c', 2, ['a', 'b'], 0],
      ['a', 0, [], 1],
      ['b', 1, ['a'], 1],
      // A parent that is not in the list ends the chain.
      ['orphan', 0, [], 0],
    ]);
  });

  it('ends a subdomainOf cycle instead of looping', () => {
    const tree = new DomainTree([domain('x', 'y', 1), domain('y', 'x', 2)]);
    expect(tree.rows.map(row => row.ancestors)).toEqual([['y'], ['x']]);
  });

  it('sorts siblings by the value and keeps subdomains after their parent, in both directions', () => {
    const domains = [
      domain('a1', 'a', 10),
      domain('b', null, 20),
      domain('a', null, 50),
      domain('a2', 'a', 5),
      domain('b1', 'b', 99),
    ];
    const tree = new DomainTree(domains);
    const byScore = tree.sortBy(d => d.score);
    const asc = [...domains].sort((x, y) => byScore(x, y, 'row'));
    // material-table sorts descending with the rows swapped and 'desc'.
    const desc = [...domains].sort((x, y) => byScore(y, x, 'row', 'desc'));

    expect(asc.map(d => d.title)).toEqual(['b', 'b1', 'a', 'a2', 'a1']);
    expect(desc.map(d => d.title)).toEqual(['a', 'a1', 'a2', 'b', 'b1']);
  });
});
