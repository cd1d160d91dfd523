import { mockServices } from '@backstage/backend-test-utils';
import { entity } from '../../testing/testCatalog';
import { testDomain, testFinding, testWaiver } from '../../testing/testReports';
import {
  composeNotifications,
  MAX_SEPARATE_ERRORS,
  scopeOf,
} from './composeNotifications';
import { readNotificationsConfig } from './readNotificationsConfig';
import { ownersOf } from './recipients';
import { ReportChange } from './reportChanges';

const orders = testDomain('orders');

const owners = ownersOf([
  entity('Domain', 'orders', { owner: 'orders-team' }),
  entity('API', 'orders-api', { owner: 'orders-team' }),
  entity('Component', 'checkout-web', { owner: 'group:default/shop-team' }),
  entity('Component', 'mobile-app', { owner: 'user:default/mia' }),
  entity('Component', 'legacy', { owner: 'orders-team' }),
  {
    ...entity('Component', 'billing', { owner: 'finance-team' }),
    metadata: { name: 'billing', namespace: 'finance' },
  },
  entity('Component', 'no-owner', {}),
]);

const config = (notifications: object = {}) =>
  readNotificationsConfig(
    mockServices.rootConfig({ data: { domainAtlas: { notifications } } }),
  );

const compose = (changes: ReportChange[], notifications?: object) =>
  composeNotifications(changes, { owners, config: config(notifications) });

const newError = (name: string, domain = orders): ReportChange => ({
  kind: 'new-error',
  domain,
  finding: testFinding('single-owner', 'orders', [`component:default/${name}`]),
});

const breaking: ReportChange = {
  kind: 'breaking-change',
  api: 'api:default/orders-api',
  consumers: [
    'component:default/checkout-web',
    'component:default/mobile-app',
    'component:default/no-owner',
  ],
  finding: testFinding(
    'breaking-change-needs-major',
    'orders',
    ['api:default/orders-api', 'component:default/checkout-web'],
    {
      id: 'breaking-change-needs-major:domain:default/orders:api:default/orders-api:1.0.0->1.1.0',
    },
  ),
};

const overdue: ReportChange = {
  kind: 'overdue-target',
  domain: testDomain('orders', { status: 'overdue' }),
};

const expiring: ReportChange = {
  kind: 'expiring-waiver',
  waiver: {
    ...testWaiver('component:default/legacy', 'own-datastore', '2026-12-08', 1),
    until: '2026-12-08',
    daysLeft: 1,
  },
};

describe('ownersOf', () => {
  it('reads spec.owner as the report writes refs', () => {
    expect(Object.fromEntries(owners)).toEqual({
      'domain:default/orders': 'group:default/orders-team',
      'api:default/orders-api': 'group:default/orders-team',
      'component:default/checkout-web': 'group:default/shop-team',
      'component:default/mobile-app': 'user:default/mia',
      'component:default/legacy': 'group:default/orders-team',
      'component:finance/billing': 'group:finance/finance-team',
    });
  });
});

describe('composeNotifications', () => {
  it('tells a domain owner of a new error, linking to the domain tab', () => {
    expect(compose([newError('refunds')])).toEqual([
      {
        recipients: ['group:default/orders-team'],
        payload: {
          title: 'New error in Orders: single-owner',
          description: 'component:default/refunds breaks single-owner',
          link: '/catalog/default/domain/orders/domain-atlas',
          severity: 'high',
          topic: 'domain-atlas',
          scope:
            'domain-atlas:finding:single-owner:domain:default/orders:component:default/refunds',
        },
      },
    ]);
  });

  it('counts the new errors of one domain when there are many', () => {
    const many = ['a', 'b', 'c', 'd', 'e'].map(name => newError(name));
    expect(many.length).toBeGreaterThan(MAX_SEPARATE_ERRORS);
    const notifications = compose([
      ...many,
      newError('x', testDomain('payments')),
    ]);
    expect(notifications.map(n => [n.payload.scope, n.recipients])).toEqual([
      [
        'domain-atlas:new-errors:domain:default/orders',
        ['group:default/orders-team'],
      ],
      [
        'domain-atlas:finding:single-owner:domain:default/orders:component:default/x',
        ['group:default/payments-team'],
      ],
    ]);
    expect(notifications[0].payload).toMatchObject({
      title: '5 new errors in Orders',
      description: expect.stringMatching(/; and 2 more$/),
    });
  });

  it('tells the API owner and the consumers owners of a breaking change', () => {
    const [notification] = compose([breaking]);
    expect(notification.recipients).toEqual([
      'group:default/orders-team',
      'group:default/shop-team',
      'user:default/mia',
    ]);
    expect(notification.payload).toMatchObject({
      title: 'Breaking change of orders-api without a new major version',
      description: expect.stringContaining(
        '3 consumers will break: checkout-web, mobile-app, no-owner.',
      ),
      link: '/catalog/default/api/orders-api',
      severity: 'critical',
      scope: `domain-atlas:finding:${breaking.finding.id}`,
    });
  });

  it('tells a domain owner of an overdue target', () => {
    expect(compose([overdue])).toEqual([
      {
        recipients: ['group:default/orders-team'],
        payload: expect.objectContaining({
          title: 'Orders missed its target: phase 3 by 2026-12-01',
          link: '/catalog/default/domain/orders/domain-atlas',
          severity: 'normal',
          scope: 'domain-atlas:overdue:domain:default/orders',
        }),
      },
    ]);
  });

  it('tells the owner of a waived entity that its waiver ends', () => {
    expect(compose([expiring])).toEqual([
      {
        recipients: ['group:default/orders-team'],
        payload: expect.objectContaining({
          title: 'Waiver of own-datastore on legacy ends tomorrow',
          description: expect.stringContaining('waives until 2026-12-08'),
          link: '/catalog/default/component/legacy',
          severity: 'low',
          scope: 'domain-atlas:waiver:component:default/legacy:own-datastore',
        }),
      },
    ]);
  });

  it('falls back to the owner in the catalog, then the domain owner, for a waiver', () => {
    const waiver = (entityRef: string) =>
      ({
        ...expiring,
        waiver: {
          ...(expiring as { waiver: object }).waiver,
          entity: entityRef,
          owner: undefined,
        },
      } as ReportChange);
    expect(
      compose([
        waiver('component:finance/billing'),
        waiver('component:default/no-owner'),
      ]).map(n => n.recipients),
    ).toEqual([['group:finance/finance-team'], ['group:default/orders-team']]);
  });

  it('tells nobody when a domain has no owner that exists', () => {
    expect(
      compose([
        newError('refunds', testDomain('orders', { owner: null })),
        newError('refunds', {
          ...orders,
          ownerKind: undefined,
        }),
      ]),
    ).toEqual([]);
  });

  it.each([
    [{}, ['breaking-change', 'overdue', 'waiver', 'finding']],
    [
      { newErrors: { enabled: false } },
      ['breaking-change', 'overdue', 'waiver'],
    ],
    [{ breakingChanges: { enabled: false } }, ['overdue', 'waiver', 'finding']],
    [
      { overdueTargets: { enabled: false } },
      ['breaking-change', 'waiver', 'finding'],
    ],
    [
      { expiringWaivers: { enabled: false } },
      ['breaking-change', 'overdue', 'finding'],
    ],
    [{ minimumSeverity: 'high' }, ['breaking-change', 'finding']],
    [
      { minimumSeverity: 'normal', expiringWaivers: { severity: 'normal' } },
      ['breaking-change', 'overdue', 'waiver', 'finding'],
    ],
  ])('as configured: %j', (notifications, expected) => {
    const changes = [newError('refunds'), breaking, overdue, expiring];
    const kinds = compose(changes, notifications).map(n =>
      n.payload.scope.includes('breaking-change-needs-major')
        ? 'breaking-change'
        : n.payload.scope.split(':')[1],
    );
    expect(kinds).toEqual(expected);
  });
});

describe('scopeOf', () => {
  it('keeps a scope the notifications backend can store', () => {
    const long = `single-owner:domain:default/orders:${'component:default/x,'.repeat(
      20,
    )}`;
    const scope = scopeOf('finding', long);
    expect(scope).toMatch(/^domain-atlas:finding:sha256:[0-9a-f]{64}$/);
    expect(scopeOf('finding', long)).toBe(scope);
    expect(scopeOf('finding', 'short')).toBe('domain-atlas:finding:short');
  });
});
