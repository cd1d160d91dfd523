import type { Entity } from '@backstage/catalog-model';
import { analyze } from '../analyze';
import type { AnalysisOptions } from '../options';
import type { Severity } from '../report';
import type { RuleViolation } from './types';
import {
  api,
  component,
  domain,
  exempt,
  findingsOf,
  group,
  inRepo,
  resource,
  system,
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
      name: 'one finding per domain and repository',
      entities: [
        ...twoDomains(),
        ...['o1', 'o2', 'o3', 'o4'].map((name, i) =>
          component(
            name,
            { system: 'orders-system' },
            { annotations: inRepo(i < 2 ? 'mono' : 'orders', name) },
          ),
        ),
        ...['p1', 'p2'].map(name =>
          component(
            name,
            { system: 'payments-system' },
            { annotations: inRepo('mono', name) },
          ),
        ),
      ],
      expected: [
        { domain: d('orders'), entities: [c('o1'), c('o2')], severity: 'info' },
        { domain: d('orders'), entities: [c('o3'), c('o4')], severity: 'info' },
        {
          domain: d('payments'),
          entities: [c('p1'), c('p2')],
          severity: 'info',
        },
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
      expected: [
        {
          domain: d('orders'),
          entities: [c('orders-svc')],
          severity: 'info',
        },
      ],
    },
    {
      name: 'a warning in a domain that declares phase 3',
      entities: [
        group('team-orders'),
        domain(
          'orders',
          { owner: 'team-orders' },
          { annotations: { 'domain-atlas.io/migration-phase': '3' } },
        ),
        system('orders-system', { owner: 'team-orders', domain: 'orders' }),
        component('orders-svc', { system: 'orders-system' }),
        component('loose'),
      ],
      expected: [
        {
          domain: d('orders'),
          entities: [c('orders-svc')],
          severity: 'warning',
        },
        { domain: null, entities: [c('loose')], severity: 'info' },
      ],
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
      name: 'an exemption without a reason',
      entities: [
        component(
          'x',
          {},
          { annotations: { 'domain-atlas.io/exemptions': 'own-datastore:' } },
        ),
      ],
      expected: [{ domain: null, entities: [c('x')] }],
    },
    {
      name: 'an exemption with an invalid until date',
      entities: [
        component(
          'x',
          {},
          {
            annotations: exempt('own-datastore', 'replica (until 2027-02-30)'),
          },
        ),
      ],
      expected: [{ domain: null, entities: [c('x')] }],
    },
    {
      name: 'clean: an exemption of a rule no rule has is no syntax problem',
      entities: [component('x', {}, { annotations: exempt('no-such-rule') })],
      expected: [],
    },
  ],
  'unused-exemption': [
    {
      name: 'no finding of the rule names the entity',
      entities: [...twoDomains(), ordersSvc({}, exempt('own-datastore'))],
      expected: [
        { domain: d('orders'), entities: [c('orders-svc')], severity: 'info' },
      ],
    },
    {
      name: 'no rule has the id',
      entities: [component('x', {}, { annotations: exempt('no-such-rule') })],
      expected: [{ domain: null, entities: [c('x')], severity: 'info' }],
    },
    {
      name: 'the rule is switched off',
      entities: [
        ...twoDomains(),
        resource('payments-db', { system: 'payments-system' }),
        ordersSvc(
          { dependsOn: ['resource:payments-db'] },
          exempt('own-datastore'),
        ),
      ],
      options: { rules: { 'own-datastore': { enabled: false } } },
      expected: [{ domain: d('orders'), entities: [c('orders-svc')] }],
    },
    {
      name: "on an entity of another domain than the finding's",
      entities: [
        ...twoDomains(),
        resource(
          'payments-db',
          { system: 'payments-system' },
          { annotations: exempt('own-datastore') },
        ),
        ordersSvc({ dependsOn: ['resource:payments-db'] }),
      ],
      expected: [{ domain: d('payments'), entities: [r('payments-db')] }],
    },
    {
      name: 'expired and applying to no finding',
      entities: [
        ...twoDomains(),
        ordersSvc({}, exempt('own-datastore', 'replica (until 2026-01-31)')),
      ],
      options: { now: '2026-11-21' },
      expected: [{ domain: d('orders'), entities: [c('orders-svc')] }],
    },
    {
      name: 'clean: expired, but applying to a finding (which carries the note)',
      entities: [
        ...twoDomains(),
        resource('payments-db', { system: 'payments-system' }),
        ordersSvc(
          { dependsOn: ['resource:payments-db'] },
          exempt('own-datastore', 'replica (until 2026-01-31)'),
        ),
      ],
      options: { now: '2026-11-21' },
      expected: [],
    },
    {
      name: 'clean: on the domain of the finding',
      entities: [
        ...twoDomains().map(e =>
          e.metadata.name === 'orders'
            ? domain(
                'orders',
                { owner: 'team-orders' },
                { annotations: exempt('own-datastore') },
              )
            : e,
        ),
        resource('payments-db', { system: 'payments-system' }),
        ordersSvc({ dependsOn: ['resource:payments-db'] }),
      ],
      expected: [],
    },
    {
      name: 'waived by an exemption of unused-exemption on the entity',
      entities: [
        ...twoDomains(),
        ordersSvc(
          {},
          {
            'domain-atlas.io/exemptions':
              'own-datastore: kept for the audit; unused-exemption: the audit reads it',
          },
        ),
      ],
      expected: [
        { domain: d('orders'), entities: [c('orders-svc')], waived: true },
      ],
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
    {
      name: 'every dangling reference, an owner included, one finding each',
      entities: [
        ...twoDomains(),
        domain('sub', { owner: 'team-orders', subdomainOf: 'gone-domain' }),
        group('team-x', {
          parent: 'gone-parent',
          children: ['gone-child'],
          members: ['gone-user'],
        }),
        user('ann', { memberOf: ['gone-group'] }),
        component('orders-svc', {
          system: 'orders-system',
          owner: 'ghost-team',
          subcomponentOf: 'gone-component',
          providesApis: ['gone-provided'],
          consumesApis: ['gone-consumed'],
          dependsOn: ['resource:gone-db'],
          dependencyOf: ['component:gone-app'],
        }),
        resource('orders-db', {
          system: 'gone-system',
          owner: 'team-orders',
          dependencyOf: ['orders-svc'],
        }),
        {
          apiVersion: 'scaffolder.backstage.io/v1beta3',
          kind: 'Template',
          metadata: { name: 'tpl' },
          spec: { owner: 'gone-owner' },
        } as Entity,
      ],
      expected: [
        {
          domain: d('orders'),
          entities: [a('gone-consumed'), c('orders-svc')],
        },
        {
          domain: d('orders'),
          entities: [a('gone-provided'), c('orders-svc')],
        },
        { domain: d('orders'), entities: [c('gone-app'), c('orders-svc')] },
        {
          domain: d('orders'),
          entities: [c('gone-component'), c('orders-svc')],
        },
        { domain: d('orders'), entities: [c('orders-svc'), g('ghost-team')] },
        { domain: d('orders'), entities: [c('orders-svc'), r('gone-db')] },
        { domain: d('sub'), entities: [d('gone-domain'), d('sub')] },
        { domain: null, entities: [g('gone-child'), g('team-x')] },
        { domain: null, entities: [g('gone-group'), 'user:default/ann'] },
        { domain: null, entities: [g('gone-owner'), 'template:default/tpl'] },
        { domain: null, entities: [g('gone-parent'), g('team-x')] },
        { domain: null, entities: [g('team-x'), 'user:default/gone-user'] },
        {
          domain: null,
          entities: [r('orders-db'), 'system:default/gone-system'],
        },
      ],
    },
  ],
  'team-owned': [
    {
      name: 'a component and an API owned by a person',
      entities: [
        ...twoDomains(),
        user('ann'),
        ordersSvc({ owner: 'user:ann' }),
        api('orders-api', { system: 'orders-system', owner: 'user:ann' }),
        component('loose', { owner: 'user:ghost' }),
      ],
      expected: [
        {
          domain: d('orders'),
          entities: [a('orders-api'), 'user:default/ann'],
          severity: 'info',
        },
        {
          domain: d('orders'),
          entities: [c('orders-svc'), 'user:default/ann'],
          severity: 'info',
        },
      ],
    },
  ],
  'empty-domain': [
    {
      name: 'a domain nothing belongs to',
      entities: [
        ...twoDomains(),
        group('team-x'),
        domain('empty', { owner: 'team-x' }),
        domain('parent-only', { owner: 'team-x' }),
        domain('child', { owner: 'team-x', subdomainOf: 'parent-only' }),
      ],
      expected: [
        { domain: d('child'), entities: [d('child')], severity: 'info' },
        { domain: d('empty'), entities: [d('empty')], severity: 'info' },
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
    {
      name: 'what Backstage refuses: a 64-character name, a space, an uppercase namespace, no apiVersion',
      entities: [
        component('n'.repeat(63)),
        component('n'.repeat(64)),
        component('bad name'),
        component('x', {}, { namespace: 'Shop' }),
        { kind: 'Component', metadata: { name: 'y' }, spec: {} } as Entity,
      ],
      expected: [
        { domain: null, entities: [] },
        { domain: null, entities: [] },
        { domain: null, entities: [] },
        { domain: null, entities: [] },
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

/** A third domain, `shipping`, with its team and system. */
const shipping = (): Entity[] => [
  group('team-shipping'),
  domain('shipping', { owner: 'team-shipping' }),
  system('shipping-system', { owner: 'team-shipping', domain: 'shipping' }),
];

interface GrowthCase {
  name: string;
  rule: string;
  before: Entity[];
  /** Entities the catalog gains; the finding stays the same one. */
  added: Entity[];
  options?: AnalysisOptions;
  /** The domain of the finding followed. */
  domain: string;
  /** Its id, before and after. */
  id: string;
  /** Its entities after: still every entity involved. */
  entitiesAfter: string[];
}

const inMono = (name: string, systemName: string) =>
  component(
    name,
    { system: systemName },
    { annotations: inRepo('mono', name) },
  );

const growthCases: GrowthCase[] = [
  {
    name: 'repo-per-domain: another domain joins the shared repository',
    rule: 'repo-per-domain',
    before: [
      ...twoDomains(),
      inMono('o', 'orders-system'),
      inMono('p', 'payments-system'),
    ],
    added: [...shipping(), inMono('s', 'shipping-system')],
    domain: d('orders'),
    id: 'repo-per-domain:domain:default/orders:github.com/acme/mono',
    entitiesAfter: [c('o'), d('payments'), d('shipping')],
  },
  {
    name: 'repo-per-domain: the domain adds a component to the shared repository',
    rule: 'repo-per-domain',
    before: [
      ...twoDomains(),
      inMono('o', 'orders-system'),
      inMono('p', 'payments-system'),
    ],
    added: [inMono('o2', 'orders-system')],
    domain: d('orders'),
    id: 'repo-per-domain:domain:default/orders:github.com/acme/mono',
    entitiesAfter: [c('o'), c('o2'), d('payments')],
  },
  {
    name: 'repo-per-service: the domain adds a deployable to the repository',
    rule: 'repo-per-service',
    before: [
      ...twoDomains(),
      inMono('o1', 'orders-system'),
      inMono('o2', 'orders-system'),
    ],
    added: [inMono('o3', 'orders-system')],
    domain: d('orders'),
    id: 'repo-per-service:domain:default/orders:github.com/acme/mono',
    entitiesAfter: [c('o1'), c('o2'), c('o3')],
  },
  {
    name: 'no-shared-cache: the cache gets another user',
    rule: 'no-shared-cache',
    before: [
      ...twoDomains(),
      resource('cache', { system: 'payments-system', type: 'cache' }),
      ordersSvc({ dependsOn: ['resource:cache'] }),
    ],
    added: [
      component('payments-svc', {
        system: 'payments-system',
        dependsOn: ['resource:cache'],
      }),
      component('orders-worker', {
        system: 'orders-system',
        dependsOn: ['resource:cache'],
      }),
    ],
    domain: d('orders'),
    id: 'no-shared-cache:domain:default/orders:resource:default/cache',
    entitiesAfter: [
      c('orders-svc'),
      c('orders-worker'),
      c('payments-svc'),
      r('cache'),
    ],
  },
  {
    name: 'breaking-change-needs-major: the API gets another consumer',
    rule: 'breaking-change-needs-major',
    before: [
      ...twoDomains(),
      api('orders-api', { system: 'orders-system' }),
      ordersSvc({ consumesApis: ['orders-api'] }),
    ],
    added: [
      component('payments-svc', {
        system: 'payments-system',
        consumesApis: ['orders-api'],
      }),
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
    domain: d('orders'),
    id: 'breaking-change-needs-major:domain:default/orders:api:default/orders-api:2.0.0->2.1.0',
    entitiesAfter: [a('orders-api'), c('orders-svc'), c('payments-svc')],
  },
];

describe('finding ids across catalog changes', () => {
  it.each(growthCases.map(testCase => [testCase.name, testCase] as const))(
    '%s: the id stays, the entities grow',
    (
      _name,
      { rule, before, added, options, domain: ref, id, entitiesAfter },
    ) => {
      const followed = (entities: Entity[]) =>
        analyze(entities, options)
          .findings.filter(f => f.rule === rule && f.domain === ref)
          .map(f => ({ id: f.id, entities: f.entities }));
      const earlier = followed(before);
      expect(earlier.map(f => f.id)).toEqual([id]);
      expect(followed([...before, ...added])).toEqual([
        { id, entities: entitiesAfter },
      ]);
    },
  );
});

describe('invalid-entity ids', () => {
  const duplicateIds = (entities: Entity[]) =>
    analyze(entities)
      .findings.filter(f => f.rule === 'invalid-entity')
      .map(f => f.id);

  it('name a duplicate by its ref and which repeat it is, not by its position', () => {
    const before = duplicateIds([component('x'), component('X')]);
    expect(before).toEqual([`invalid-entity:unassigned:${c('x')}:duplicate#2`]);
    expect(
      duplicateIds([
        component('a'),
        component('x'),
        component('b'),
        component('X'),
        component('x'),
      ]),
    ).toEqual([
      `invalid-entity:unassigned:${c('x')}:duplicate#2`,
      `invalid-entity:unassigned:${c('x')}:duplicate#3`,
    ]);
  });
});

describe('violation identity', () => {
  const entities = [
    ...twoDomains(),
    component('o1', { system: 'orders-system' }),
    component('o2', { system: 'orders-system' }),
  ];
  const idsOf = (
    violations: (domains: ReadonlyArray<string>) => RuleViolation[],
  ) =>
    analyze(entities, {
      extraRules: [
        {
          id: 'custom',
          principle: 'p',
          description: 'd',
          defaultSeverity: 'info',
          evaluate: ({ domains }) => violations(domains.domains),
        },
      ],
    })
      .findings.filter(f => f.rule === 'custom')
      .map(({ id, entities: named }) => ({ id, entities: named }));

  it('builds the id from the identity (sorted) and the key, not the entities', () => {
    expect(
      idsOf(() => [
        {
          subject: c('o1'),
          entities: [c('o2')],
          identity: [r('b'), r('a'), r('b')],
          key: 'k',
          message: 'm',
        },
      ]),
    ).toEqual([
      {
        id: 'custom:domain:default/orders:resource:default/a,resource:default/b:k',
        entities: [c('o1'), c('o2')],
      },
    ]);
  });

  it('leaves out an empty identity: the id ends in the key', () => {
    expect(
      idsOf(([orders, payments]) => [
        {
          entities: [c('o1')],
          identity: [],
          key: 'github.com/acme/mono',
          domain: orders,
          message: 'm',
        },
        { entities: [], identity: [], domain: payments, message: 'm' },
      ]),
    ).toEqual([
      {
        id: 'custom:domain:default/orders:github.com/acme/mono',
        entities: [c('o1')],
      },
      { id: 'custom:domain:default/payments:', entities: [] },
    ]);
  });

  it('reports violations with one identity once, and keeps the rest apart', () => {
    expect(
      idsOf(([orders]) => [
        {
          entities: [c('o1')],
          identity: [],
          key: 'repo-a',
          domain: orders,
          message: 'first',
        },
        {
          entities: [c('o2')],
          identity: [],
          key: 'repo-a',
          domain: orders,
          message: 'second',
        },
        {
          entities: [c('o2')],
          identity: [],
          key: 'repo-b',
          domain: orders,
          message: 'third',
        },
      ]),
    ).toEqual([
      { id: 'custom:domain:default/orders:repo-a', entities: [c('o1')] },
      { id: 'custom:domain:default/orders:repo-b', entities: [c('o2')] },
    ]);
  });

  it('without an identity, names the entities (and the subject) as before', () => {
    expect(
      idsOf(() => [
        {
          subject: c('o2'),
          entities: [c('o1')],
          key: 'k',
          message: 'm',
        },
        { subject: c('o1'), entities: [], message: 'm' },
      ]),
    ).toEqual([
      {
        id: 'custom:domain:default/orders:component:default/o1',
        entities: [c('o1')],
      },
      {
        id: 'custom:domain:default/orders:component:default/o1,component:default/o2:k',
        entities: [c('o1'), c('o2')],
      },
    ]);
  });
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
    // Outside declared phase 3 the finding is info, whatever the level.
    const phase3 = entities.map(each =>
      each.kind === 'Domain' && each.metadata.name === 'orders'
        ? {
            ...each,
            metadata: {
              ...each.metadata,
              annotations: { 'domain-atlas.io/migration-phase': '3' },
            },
          }
        : each,
    );
    const report = analyze(phase3, {
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

describe('catalog data findings name what users look for', () => {
  it('reports an invalid entity where it was read, with Backstage’s rule', () => {
    const report = analyze(
      [component('ok'), component('n'.repeat(64))],
      {},
      { entityLocations: ['catalog/a.yaml:1', 'catalog/a.yaml:12'] },
    );
    const [finding] = report.findings.filter(f => f.rule === 'invalid-entity');
    expect(finding.message).toContain('catalog/a.yaml:12');
    expect(finding.message).toContain('at most 63 characters');
    expect(finding.id).toContain('catalog/a.yaml:12');
  });

  it('names the entity and the missing owner, and how to name a user who exists', () => {
    const report = analyze([
      user('ben'),
      component('svc', { owner: 'ben' }),
      component('other', { owner: 'gone' }),
    ]);
    const messages = report.findings
      .filter(f => f.rule === 'invalid-reference')
      .map(f => f.message);
    expect(messages).toEqual([
      'spec.owner of component:default/other refers to group:default/gone, which is not in the catalog',
      'spec.owner of component:default/svc refers to group:default/ben, which is not in the catalog; user:default/ben exists: write user:default/ben to mean it',
    ]);
  });

  it('turns unread files into catalog-file findings, errors for what the catalog cannot read', () => {
    const report = analyze(
      [component('svc')],
      {},
      {
        problems: [
          {
            reason: 'not-an-entity',
            location: 'catalog/openapi.yaml:1',
            message: 'catalog/openapi.yaml:1: skipped, not an entity',
          },
          {
            reason: 'missing-target',
            location: 'catalog/all.yaml:3',
            locationRef: 'location:default/all',
            message:
              'catalog/all.yaml:3: Location location:default/all points at catalog/gone.yaml, which does not exist',
          },
        ],
      },
    );
    expect(
      report.findings
        .filter(f => f.rule === 'catalog-file')
        .map(f => [f.severity, f.entities, f.message]),
    ).toEqual([
      ['info', [], 'catalog/openapi.yaml:1: skipped, not an entity'],
      [
        'error',
        ['location:default/all'],
        'catalog/all.yaml:3: Location location:default/all points at catalog/gone.yaml, which does not exist',
      ],
    ]);
  });
});
