import { analyze } from './analyze';
import { domain, group, user } from './testing/catalogBuilders';

const g = (name: string) => `group:default/${name}`;
const d = (name: string) => `domain:default/${name}`;

describe('team ownership', () => {
  const entities = [
    group('engineering', { children: ['commerce'] }),
    group('commerce', { parent: 'engineering' }),
    group('checkout', { parent: 'commerce' }),
    group('payments', {}),
    group('commerce-ops', {}, {}),
    domain('orders', { owner: 'commerce' }),
    domain('cart', { owner: 'checkout' }),
    domain('billing', { owner: 'payments' }),
    user('ann'),
    domain('personal', { owner: 'user:ann' }),
  ];
  // commerce lists its child through the child's spec.parent only; engineering through spec.children.
  entities[1] = group('commerce', {
    parent: 'engineering',
    children: ['commerce-ops'],
  });

  it('aggregates domains over sub-teams, naming the sub-team that owns them', () => {
    const report = analyze(entities);
    const teams = Object.fromEntries(report.teams.map(t => [t.ref, t]));
    expect(teams[g('engineering')]).toEqual({
      ref: g('engineering'),
      title: 'engineering',
      parent: null,
      children: [g('commerce')],
      domains: [
        { ref: d('cart'), via: 'sub-team', through: g('checkout') },
        { ref: d('orders'), via: 'sub-team', through: g('commerce') },
      ],
    });
    expect(teams[g('commerce')]).toMatchObject({
      parent: g('engineering'),
      children: [g('checkout'), g('commerce-ops')],
      domains: [
        { ref: d('cart'), via: 'sub-team', through: g('checkout') },
        { ref: d('orders'), via: 'direct' },
      ],
    });
    expect(teams[g('commerce-ops')]).toMatchObject({
      parent: g('commerce'),
      domains: [],
    });
    expect(teams[g('payments')].domains).toEqual([
      { ref: d('billing'), via: 'direct' },
    ]);
  });

  it('reports the owner kind of a domain', () => {
    const report = analyze(entities);
    const owners = Object.fromEntries(
      report.domains.map(x => [x.ref, [x.owner, x.ownerKind]]),
    );
    expect(owners[d('orders')]).toEqual([g('commerce'), 'group']);
    expect(owners[d('personal')]).toEqual(['user:default/ann', 'user']);
  });

  it('survives a parent/children cycle and reports it', () => {
    const report = analyze([
      group('a', { parent: 'b' }),
      group('b', { parent: 'a' }),
      domain('x', { owner: 'a' }),
    ]);
    const teams = Object.fromEntries(report.teams.map(t => [t.ref, t.domains]));
    expect(teams[g('a')]).toEqual([{ ref: d('x'), via: 'direct' }]);
    expect(teams[g('b')]).toEqual([
      { ref: d('x'), via: 'sub-team', through: g('a') },
    ]);
    expect(
      report.findings
        .filter(f => f.rule === 'invalid-reference')
        .map(f => f.entities),
    ).toEqual([[g('a'), g('b')]]);
  });
});
