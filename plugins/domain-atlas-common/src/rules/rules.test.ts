import type { Entity } from '@backstage/catalog-model';
import { analyze } from '../analyze';
import type { AnalysisOptions } from '../options';
import type { Severity } from '../report';
import {
  api,
  component,
  domain,
  exempt,
  findingsOf,
  group,
  inRepo,
  resource,
  twoDomains,
  user,
  withPipeline,
} from '../testing/catalogBuilders';

const c = (name: string) => `component:default/${name}`;
const d = (name: string) => `domain:default/${name}`;
const r = (name: string) => `resource:default/${name}`;
const a = (name: string) => `api:default/${name}`;
const g = (name: string) => `group:default/${name}`;

interface Expected {
  domain: string | null;
  entities: string[];
  waived?: boolean;
  severity?: Severity;
}

interface Case {
  name: string;
  entities: Entity[];
  options?: AnalysisOptions;
  expected: Expected[];
}

const ordersSvc = (spec: Record<string, unknown> = {}, annotations = {}) =>
  component(
    'orders-svc',
    { system: 'orders-system', owner: 'team-orders', ...spec },
    { annotations: { ...withPipeline, ...annotations } },
  );

const cases: Record<string, Case[]> = {
  'domain-owned': [
    {
      name: 'no owner',
      entities: [domain('d')],
      expected: [{ domain: d('d'), entities: [d('d')] }],
    },
    {
      name: 'a User owner',
      entities: [user('ann'), domain('d', { owner: 'user:ann' })],
      expected: [{ domain: d('d'), entities: [d('d'), 'user:default/ann'] }],
    },
    {
      name: 'an owner that resolves to nothing',
      entities: [domain('d', { owner: 'ghost' })],
      expected: [{ domain: d('d'), entities: [d('d'), g('ghost')] }],
    },
    {
      name: 'clean: a Group owner',
      entities: [group('t'), domain('d', { owner: 't' })],
      expected: [],
    },
    {
      name: 'waived on the domain',
      entities: [domain('d', {}, { annotations: exempt('domain-owned') })],
      expected: [{ domain: d('d'), entities: [d('d')], waived: true }],
    },
  ],
  'single-owner': [
    {
      name: 'a component owned by another team',
      entities: [...twoDomains(), ordersSvc({ owner: 'team-payments' })],
      expected: [
        {
          domain: d('orders'),
          entities: [c('orders-svc'), d('orders'), g('team-payments')],
        },
      ],
    },
    {
      name: 'clean: owned by a sub-team of the domain owner',
      entities: [
        ...twoDomains(),
        group('checkout', { parent: 'team-orders' }),
        ordersSvc({ owner: 'checkout' }),
      ],
      expected: [],
    },
    {
      name: 'clean: owned by a user of the owner team',
      entities: [
        ...twoDomains(),
        user('ann', { memberOf: ['team-orders'] }),
        ordersSvc({ owner: 'user:ann' }),
      ],
      expected: [],
    },
    {
      name: 'waived on the component',
      entities: [
        ...twoDomains(),
        ordersSvc({ owner: 'team-payments' }, exempt('single-owner')),
      ],
      expected: [
        {
          domain: d('orders'),
          entities: [c('orders-svc'), d('orders'), g('team-payments')],
          waived: true,
        },
      ],
    },
  ],
  'repo-per-domain': [
    {
      name: 'one repository hosts two domains',
      entities: [
        ...twoDomains(),
        component(
          'o',
          { system: 'orders-system' },
          { annotations: inRepo('mono', 'orders') },
        ),
        component(
          'p',
          { system: 'payments-system' },
          { annotations: inRepo('Mono.git', 'payments') },
        ),
      ],
      // Each domain's finding names its own components there and the
      // domains it shares the repository with.
      expected: [
        { domain: d('orders'), entities: [c('o'), d('payments')] },
        { domain: d('payments'), entities: [c('p'), d('orders')] },
      ],
    },
    {
      name: 'clean: one repository per domain, unassigned components ignored',
      entities: [
        ...twoDomains(),
        component(
          'o',
          { system: 'orders-system' },
          { annotations: inRepo('orders') },
        ),
        component('tool', {}, { annotations: inRepo('orders', 'tools') }),
        component(
          'p',
          { system: 'payments-system' },
          { annotations: inRepo('payments') },
        ),
      ],
      expected: [],
    },
    {
      name: 'waived for one domain only',
      entities: [
        ...twoDomains(),
        component(
          'o',
          { system: 'orders-system' },
          { annotations: { ...inRepo('mono'), ...exempt('repo-per-domain') } },
        ),
        component(
          'p',
          { system: 'payments-system' },
          { annotations: inRepo('mono') },
        ),
      ],
      expected: [
        {
          domain: d('orders'),
          entities: [c('o'), d('payments')],
          waived: true,
        },
        {
          domain: d('payments'),
          entities: [c('p'), d('orders')],
          waived: false,
        },
      ],
    },
  ],
  'repo-per-service': [
    {
      name: 'two deployables share a repository in a declared phase-3 domain: error',
      entities: [
        ...twoDomains().map(e =>
          e.metadata.name === 'orders'
            ? domain(
                'orders',
                { owner: 'team-orders' },
                { annotations: { 'domain-atlas.io/migration-phase': '3' } },
              )
            : e,
        ),
        component(
          'o1',
          { system: 'orders-system' },
          { annotations: inRepo('orders', 'a') },
        ),
        component(
          'o2',
          { system: 'orders-system', type: 'website' },
          { annotations: inRepo('orders', 'b') },
        ),
      ],
      expected: [
        {
          domain: d('orders'),
          entities: [c('o1'), c('o2')],
          severity: 'error',
        },
      ],
    },
    {
      name: 'without a declared phase 3: info',
      entities: [
        ...twoDomains(),
        component(
          'o1',
          { system: 'orders-system' },
          { annotations: inRepo('orders', 'a') },
        ),
        component(
          'o2',
          { system: 'orders-system' },
          { annotations: inRepo('orders', 'b') },
        ),
      ],
      expected: [
        { domain: d('orders'), entities: [c('o1'), c('o2')], severity: 'info' },
      ],
    },
    {
      name: "clean: one deployable of each of two domains (repo-per-domain's finding)",
      entities: [
        ...twoDomains(),
        component(
          'o1',
          { system: 'orders-system' },
          { annotations: inRepo('mono', 'a') },
        ),
        component(
          'p1',
          { system: 'payments-system' },
          { annotations: inRepo('mono', 'b') },
        ),
      ],
      expected: [],
    },
    {
      name: 'clean: a service and a library share a repository',
      entities: [
        ...twoDomains(),
        component(
          'o1',
          { system: 'orders-system' },
          { annotations: inRepo('orders', 'a') },
        ),
        component(
          'lib',
          { system: 'orders-system', type: 'library' },
          { annotations: inRepo('orders', 'b') },
        ),
      ],
      expected: [],
    },
    {
      name: 'waived on the domain',
      entities: [
        ...twoDomains().map(e =>
          e.metadata.name === 'orders'
            ? domain(
                'orders',
                { owner: 'team-orders' },
                { annotations: exempt('repo-per-service') },
              )
            : e,
        ),
        component(
          'o1',
          { system: 'orders-system' },
          { annotations: inRepo('orders', 'a') },
        ),
        component(
          'o2',
          { system: 'orders-system' },
          { annotations: inRepo('orders', 'b') },
        ),
      ],
      expected: [
        { domain: d('orders'), entities: [c('o1'), c('o2')], waived: true },
      ],
    },
  ],
  'own-datastore': [
    {
      name: "a component uses another domain's database",
      entities: [
        ...twoDomains(),
        resource('payments-db', { system: 'payments-system' }),
        ordersSvc({ dependsOn: ['resource:payments-db'] }),
      ],
      expected: [
        { domain: d('orders'), entities: [c('orders-svc'), r('payments-db')] },
      ],
    },
    {
      name: 'clean: its own database, and a cache is not a datastore',
      entities: [
        ...twoDomains(),
        resource('orders-db', { system: 'orders-system' }),
        resource('payments-cache', {
          system: 'payments-system',
          type: 'cache',
        }),
        ordersSvc({
          dependsOn: ['resource:orders-db', 'resource:payments-cache'],
        }),
      ],
      expected: [],
    },
    {
      name: 'configurable datastore types',
      entities: [
        ...twoDomains(),
        resource('payments-bucket', {
          system: 'payments-system',
          type: 's3-bucket',
        }),
        ordersSvc({ dependsOn: ['resource:payments-bucket'] }),
      ],
      options: { datastoreTypes: ['database', 's3-bucket'] },
      expected: [
        {
          domain: d('orders'),
          entities: [c('orders-svc'), r('payments-bucket')],
        },
      ],
    },
    {
      name: 'waived on the component',
      entities: [
        ...twoDomains(),
        resource('payments-db', { system: 'payments-system' }),
        ordersSvc(
          { dependsOn: ['resource:payments-db'] },
          exempt('own-datastore'),
        ),
      ],
      expected: [
        {
          domain: d('orders'),
          entities: [c('orders-svc'), r('payments-db')],
          waived: true,
        },
      ],
    },
  ],
  'no-shared-cache': [
    {
      name: 'a cache of payments used by orders',
      entities: [
        ...twoDomains(),
        resource('cache', { system: 'payments-system', type: 'cache' }),
        ordersSvc({ dependsOn: ['resource:cache'] }),
        component('payments-svc', {
          system: 'payments-system',
          dependsOn: ['resource:cache'],
        }),
      ],
      expected: [
        {
          domain: d('orders'),
          entities: [c('orders-svc'), c('payments-svc'), r('cache')],
        },
      ],
    },
    {
      name: 'an unassigned cache used by two domains',
      entities: [
        ...twoDomains(),
        resource('cache', { type: 'cache' }),
        ordersSvc({ dependsOn: ['resource:cache'] }),
        component('payments-svc', {
          system: 'payments-system',
          dependsOn: ['resource:cache'],
        }),
      ],
      expected: [
        {
          domain: d('orders'),
          entities: [c('orders-svc'), c('payments-svc'), r('cache')],
        },
        {
          domain: d('payments'),
          entities: [c('orders-svc'), c('payments-svc'), r('cache')],
        },
      ],
    },
    {
      name: 'clean: a cache used by its own domain',
      entities: [
        ...twoDomains(),
        resource('cache', { system: 'orders-system', type: 'cache' }),
        ordersSvc({ dependsOn: ['resource:cache'] }),
      ],
      expected: [],
    },
    {
      name: 'waived',
      entities: [
        ...twoDomains(),
        resource('cache', { system: 'payments-system', type: 'cache' }),
        ordersSvc({ dependsOn: ['resource:cache'] }, exempt('no-shared-cache')),
      ],
      expected: [
        {
          domain: d('orders'),
          entities: [c('orders-svc'), r('cache')],
          waived: true,
        },
      ],
    },
  ],
  'no-shared-business-logic': [
    {
      name: 'a library of another domain',
      entities: [
        ...twoDomains(),
        component('pricing', { system: 'payments-system', type: 'library' }),
        ordersSvc({ dependsOn: ['component:pricing'] }),
      ],
      expected: [
        { domain: d('orders'), entities: [c('orders-svc'), c('pricing')] },
      ],
    },
    {
      name: 'clean: contract packages and own libraries',
      entities: [
        ...twoDomains(),
        component('payments-schema', {
          system: 'payments-system',
          type: 'contract',
        }),
        component(
          'payments-types',
          { system: 'payments-system', type: 'library' },
          { labels: { 'domain-atlas.io/shared-contract': 'true' } },
        ),
        component('orders-lib', { system: 'orders-system', type: 'library' }),
        ordersSvc({
          dependsOn: [
            'component:payments-schema',
            'component:payments-types',
            'component:orders-lib',
          ],
        }),
      ],
      expected: [],
    },
    {
      name: 'waived',
      entities: [
        ...twoDomains(),
        component('pricing', { system: 'payments-system', type: 'library' }),
        ordersSvc(
          { dependsOn: ['component:pricing'] },
          exempt('no-shared-business-logic'),
        ),
      ],
      expected: [
        {
          domain: d('orders'),
          entities: [c('orders-svc'), c('pricing')],
          waived: true,
        },
      ],
    },
  ],
  'events-between-domains': [
    {
      name: 'a synchronous API of another domain, and a direct dependency on its service',
      entities: [
        ...twoDomains(),
        api('payments-api', { system: 'payments-system', type: 'grpc' }),
        component('payments-svc', { system: 'payments-system' }),
        ordersSvc({
          consumesApis: ['payments-api'],
          dependsOn: ['component:payments-svc'],
        }),
      ],
      expected: [
        { domain: d('orders'), entities: [a('payments-api'), c('orders-svc')] },
        { domain: d('orders'), entities: [c('orders-svc'), c('payments-svc')] },
      ],
    },
    {
      name: 'clean: events, and a gateway calling synchronously',
      entities: [
        ...twoDomains(),
        api('payment-events', { system: 'payments-system', type: 'asyncapi' }),
        api('payments-api', { system: 'payments-system' }),
        ordersSvc({ consumesApis: ['payment-events'] }),
        component('edge', {
          type: 'gateway',
          system: 'orders-system',
          consumesApis: ['payments-api'],
        }),
        component(
          'bff',
          { system: 'orders-system', consumesApis: ['payments-api'] },
          { annotations: { 'domain-atlas.io/role': 'gateway' } },
        ),
      ],
      expected: [],
    },
    {
      name: 'waived',
      entities: [
        ...twoDomains(),
        api('payments-api', { system: 'payments-system' }),
        ordersSvc(
          { consumesApis: ['payments-api'] },
          exempt('events-between-domains'),
        ),
      ],
      expected: [
        {
          domain: d('orders'),
          entities: [a('payments-api'), c('orders-svc')],
          waived: true,
        },
      ],
    },
  ],
  'contract-versioned': [
    {
      name: 'an API without any version',
      entities: [
        ...twoDomains(),
        api('orders-api', { system: 'orders-system' }),
      ],
      expected: [{ domain: d('orders'), entities: [a('orders-api')] }],
    },
    {
      name: 'clean: versions from the definition, the annotation and the name',
      entities: [
        ...twoDomains(),
        api('a1', {
          system: 'orders-system',
          definition: 'openapi: 3.0.0\ninfo:\n  title: A\n  version: 1.2.0\n',
        }),
        api(
          'a2',
          { system: 'orders-system' },
          { annotations: { 'domain-atlas.io/contract-version': '3' } },
        ),
        api('a-v2', { system: 'orders-system' }),
      ],
      expected: [],
    },
    {
      name: 'waived',
      entities: [
        ...twoDomains(),
        api(
          'orders-api',
          { system: 'orders-system' },
          { annotations: exempt('contract-versioned') },
        ),
      ],
      expected: [
        { domain: d('orders'), entities: [a('orders-api')], waived: true },
      ],
    },
  ],
  'breaking-change-needs-major': [
    {
      name: 'a breaking change within one major version',
      entities: [
        ...twoDomains(),
        api('orders-api', { system: 'orders-system' }),
        ordersSvc({ consumesApis: ['orders-api'] }),
      ],
      options: {
        contractChanges: [
          {
            api: 'orders-api',
            fromVersion: '2.0.0',
            toVersion: '2.1.0',
            breaking: true,
          },
        ],
      },
      expected: [
        { domain: d('orders'), entities: [a('orders-api'), c('orders-svc')] },
      ],
    },
    {
      name: 'clean: a new major version, and a non-breaking change',
      entities: [
        ...twoDomains(),
        api('orders-api', { system: 'orders-system' }),
      ],
      options: {
        contractChanges: [
          {
            api: 'orders-api',
            fromVersion: '1.4.0',
            toVersion: '2.0.0',
            breaking: true,
          },
          {
            api: 'api:default/orders-api',
            fromVersion: '2.0.0',
            toVersion: '2.1.0',
            breaking: false,
          },
        ],
      },
      expected: [],
    },
    {
      name: 'waived on the API',
      entities: [
        ...twoDomains(),
        api(
          'orders-api',
          { system: 'orders-system' },
          { annotations: exempt('breaking-change-needs-major') },
        ),
      ],
      options: {
        contractChanges: [
          {
            api: 'orders-api',
            fromVersion: null,
            toVersion: null,
            breaking: true,
          },
        ],
      },
      expected: [
        { domain: d('orders'), entities: [a('orders-api')], waived: true },
      ],
    },
  ],
  'independent-pipeline': [
    {
      name: 'a service without pipeline evidence',
      entities: [
        ...twoDomains(),
        component('orders-svc', { system: 'orders-system' }),
      ],
      expected: [{ domain: d('orders'), entities: [c('orders-svc')] }],
    },
    {
      name: 'clean: a CI annotation counts, libraries need none',
      entities: [
        ...twoDomains(),
        component(
          'o1',
          { system: 'orders-system' },
          { annotations: { 'jenkins.io/job-full-name': 'orders/o1' } },
        ),
        component('lib', { system: 'orders-system', type: 'library' }),
      ],
      expected: [],
    },
    {
      name: 'waived',
      entities: [
        ...twoDomains(),
        component(
          'o1',
          { system: 'orders-system' },
          { annotations: exempt('independent-pipeline') },
        ),
      ],
      expected: [{ domain: d('orders'), entities: [c('o1')], waived: true }],
    },
  ],
  'invalid-annotation': [
    {
      name: 'an invalid declared phase',
      entities: [
        domain(
          'd',
          {},
          { annotations: { 'domain-atlas.io/migration-phase': 'four' } },
        ),
      ],
      expected: [{ domain: d('d'), entities: [d('d')] }],
    },
    {
      name: 'an exemption of an unknown rule',
      entities: [component('x', {}, { annotations: exempt('no-such-rule') })],
      expected: [{ domain: null, entities: [c('x')] }],
    },
  ],
  'invalid-reference': [
    {
      name: 'a dangling spec.domain and an unparsable spec.system',
      entities: [
        {
          apiVersion: 'v1',
          kind: 'System',
          metadata: { name: 's' },
          spec: { domain: 'ghost' },
        },
        component('x', { system: 42 }),
      ],
      expected: [
        { domain: null, entities: [c('x')] },
        {
          domain: null,
          entities: ['domain:default/ghost', 'system:default/s'],
        },
      ],
    },
  ],
  'invalid-entity': [
    {
      name: 'no name, and a duplicate',
      entities: [
        { kind: 'Component', metadata: {} } as Entity,
        component('x'),
        component('X'),
      ],
      expected: [
        { domain: null, entities: [] },
        { domain: null, entities: [c('x')] },
      ],
    },
  ],
};

describe.each(Object.entries(cases))('rule %s', (rule, ruleCases) => {
  it.each(ruleCases.map(testCase => [testCase.name, testCase] as const))(
    '%s',
    (_name, { entities, options, expected }) => {
      const report = analyze(entities, options);
      expect(findingsOf(report, rule)).toEqual(
        expected.map(e => ({
          waived: false,
          severity: expect.any(String),
          ...e,
        })),
      );
      for (const finding of report.findings.filter(f => f.rule === rule)) {
        expect(finding.message).toEqual(expect.any(String));
        expect(finding.waiver === undefined).toBe(!finding.waived);
      }
    },
  );
});

describe('rule configuration', () => {
  const entities = [
    ...twoDomains(),
    component('o1', { system: 'orders-system' }),
  ];

  it('switches a rule off', () => {
    const report = analyze(entities, {
      rules: { 'independent-pipeline': { enabled: false } },
    });
    expect(findingsOf(report, 'independent-pipeline')).toEqual([]);
    expect(
      report.rules.find(rule => rule.id === 'independent-pipeline'),
    ).toMatchObject({
      enabled: false,
      severity: 'warning',
    });
  });

  it('re-levels a rule', () => {
    const report = analyze(entities, {
      rules: { 'independent-pipeline': { severity: 'error' } },
    });
    expect(findingsOf(report, 'independent-pipeline')).toEqual([
      {
        domain: d('orders'),
        entities: [c('o1')],
        waived: false,
        severity: 'error',
      },
    ]);
  });

  it('runs extra rules, and reports a rule that throws as a finding', () => {
    const report = analyze(entities, {
      extraRules: [
        {
          id: 'custom',
          principle: 'p',
          description: 'every domain is flagged',
          defaultSeverity: 'info',
          *evaluate({ domains }) {
            for (const ref of domains.domains) {
              yield { subject: ref, entities: [], message: 'flagged' };
            }
          },
        },
        {
          id: 'broken',
          principle: 'p',
          description: 'throws',
          defaultSeverity: 'warning',
          evaluate() {
            throw new Error('boom');
          },
        },
      ],
      rules: { custom: { severity: 'warning' } },
    });
    expect(findingsOf(report, 'custom')).toEqual([
      {
        domain: d('orders'),
        entities: [d('orders')],
        waived: false,
        severity: 'warning',
      },
      {
        domain: d('payments'),
        entities: [d('payments')],
        waived: false,
        severity: 'warning',
      },
    ]);
    expect(report.findings.find(f => f.rule === 'broken')?.message).toMatch(
      /boom/,
    );
  });
});
