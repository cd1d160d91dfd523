import { analyze } from './analyze';
import {
  api,
  component,
  domain,
  group,
  resource,
  system,
} from './testing/catalogBuilders';

const d = (name: string) => `domain:default/${name}`;

describe('domain tree', () => {
  it('links subdomains, drops a dangling parent with a finding, and cuts a cycle at its smallest ref', () => {
    const report = analyze([
      domain('shop'),
      domain('orders', { subdomainOf: 'shop' }),
      domain('returns', { subdomainOf: 'domain:default/orders' }),
      domain('lost', { subdomainOf: 'nowhere' }),
      domain('a', { subdomainOf: 'c' }),
      domain('b', { subdomainOf: 'a' }),
      domain('c', { subdomainOf: 'b' }),
      domain('self', { subdomainOf: 'self' }),
    ]);
    const tree = Object.fromEntries(
      report.domains.map(x => [
        x.ref,
        { parent: x.parent, children: x.children },
      ]),
    );
    expect(tree).toEqual({
      [d('shop')]: { parent: null, children: [d('orders')] },
      [d('orders')]: { parent: d('shop'), children: [d('returns')] },
      [d('returns')]: { parent: d('orders'), children: [] },
      [d('lost')]: { parent: null, children: [] },
      [d('a')]: { parent: null, children: [d('b')] },
      [d('b')]: { parent: d('a'), children: [d('c')] },
      [d('c')]: { parent: d('b'), children: [] },
      [d('self')]: { parent: null, children: [] },
    });
    const references = report.findings.filter(
      f => f.rule === 'invalid-reference',
    );
    expect(references.map(f => [f.domain, f.entities])).toEqual([
      [d('a'), [d('a'), d('b'), d('c')]],
      [d('lost'), [d('lost'), d('nowhere')]],
      [d('self'), [d('self')]],
    ]);
  });
});

describe('membership', () => {
  const entities = [
    group('team'),
    domain('orders', { owner: 'team' }),
    domain('billing', { owner: 'team' }),
    system('orders-system', { domain: 'orders' }),
    system('billing-system', { domain: 'billing' }),
    system('floating'),
    component('orders-svc', { system: 'orders-system' }),
    component('orders-worker', { subcomponentOf: 'orders-svc' }),
    component('orders-worker-part', { subcomponentOf: 'orders-worker' }),
    api('invoices-api', { system: 'billing-system' }),
    component('invoicer', { providesApis: ['invoices-api'] }),
    component('in-floating-system', { system: 'floating' }),
    api('provided-only', {}),
    component('provider', {
      system: 'orders-system',
      providesApis: ['provided-only'],
    }),
    resource('orders-db', { system: 'orders-system' }),
    component('loop-a', { subcomponentOf: 'loop-b' }),
    component('loop-b', { subcomponentOf: 'loop-a' }),
    component('orphan'),
    api('orphan-api', {}),
    resource('orphan-db'),
    {
      apiVersion: 'v1',
      kind: 'Template',
      metadata: { name: 'ignored' },
      spec: {},
    },
  ];

  it('places members through system, subcomponentOf, provided APIs, and providers', () => {
    const report = analyze(entities);
    const members = Object.fromEntries(
      report.domains.map(x => [x.ref, x.members]),
    );
    expect(members[d('orders')]).toEqual({
      systems: ['system:default/orders-system'],
      components: [
        'component:default/orders-svc',
        'component:default/orders-worker',
        'component:default/orders-worker-part',
        'component:default/provider',
      ],
      apis: ['api:default/provided-only'],
      resources: ['resource:default/orders-db'],
    });
    expect(members[d('billing')]).toEqual({
      systems: ['system:default/billing-system'],
      components: ['component:default/invoicer'],
      apis: ['api:default/invoices-api'],
      resources: [],
    });
  });

  it('puts everything else in the unassigned bucket, and reports subcomponentOf cycles', () => {
    const report = analyze(entities);
    expect(report.unassigned).toEqual({
      systems: ['system:default/floating'],
      components: [
        'component:default/in-floating-system',
        'component:default/loop-a',
        'component:default/loop-b',
        'component:default/orphan',
      ],
      apis: ['api:default/orphan-api'],
      resources: ['resource:default/orphan-db'],
    });
    expect(
      report.findings
        .filter(f => f.rule === 'invalid-reference')
        .map(f => f.entities),
    ).toEqual([['component:default/loop-a', 'component:default/loop-b']]);
  });

  it('defaults kinds and namespaces like Backstage, and compares refs case-insensitively', () => {
    const report = analyze([
      domain('Orders', {}, { namespace: 'shop' }),
      system('S', { domain: 'Orders' }, { namespace: 'shop' }),
      component('C', { system: 'system:shop/s' }, { namespace: 'shop' }),
    ]);
    expect(report.domains[0].ref).toBe('domain:shop/orders');
    expect(report.domains[0].members.components).toEqual(['component:shop/c']);
  });
});
