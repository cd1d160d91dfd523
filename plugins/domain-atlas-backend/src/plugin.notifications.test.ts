import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { Notification } from '@backstage/plugin-notifications-common';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import request from 'supertest';
import { domainAtlasPlugin } from './plugin';
import { changingCatalog, entity } from './testing/testCatalog';

jest.setTimeout(60_000);

const service = mockCredentials.user.header();

/** A team and its members, with the relations the catalog would add. */
const team = (name: string, members: string[]): Entity[] => [
  {
    ...entity('Group', name, { type: 'team', children: [] }),
    relations: members.map(member => ({
      type: 'hasMember',
      targetRef: `user:default/${member}`,
    })),
  },
  ...members.map(member => ({
    ...entity('User', member, { memberOf: [name] }),
    relations: [{ type: 'memberOf', targetRef: `group:default/${name}` }],
  })),
];

const ordersApi = (version: string, paths: string[]) => `openapi: 3.0.3
info:
  title: Orders
  version: ${version}
paths:
${paths
  .map(
    path => `  ${path}:
    get:
      responses:
        '200': { description: OK }
`,
  )
  .join('')}`;

/**
 * Alice's team owns the orders domain and its API, Bob's team the shop
 * domain whose web shop consumes the API; Carol's team owns nothing here.
 */
const organisation = (
  definition = ordersApi('1.0.0', ['/orders', '/orders/{id}']),
) => [
  ...team('orders-team', ['alice']),
  ...team('shop-team', ['bob']),
  ...team('platform-team', ['carol']),
  entity('Domain', 'orders', { owner: 'orders-team' }),
  entity('Domain', 'shop', { owner: 'shop-team' }),
  entity('System', 'orders-system', { owner: 'orders-team', domain: 'orders' }),
  entity('System', 'shop-system', { owner: 'shop-team', domain: 'shop' }),
  entity('API', 'orders-api', {
    type: 'openapi',
    lifecycle: 'production',
    owner: 'orders-team',
    system: 'orders-system',
    definition,
  }),
  entity('Component', 'orders-service', {
    type: 'service',
    lifecycle: 'production',
    owner: 'orders-team',
    system: 'orders-system',
    providesApis: ['orders-api'],
  }),
  entity('Component', 'web-shop', {
    type: 'website',
    lifecycle: 'production',
    owner: 'shop-team',
    system: 'shop-system',
    consumesApis: ['orders-api'],
  }),
];

/** A component of the orders domain owned by another team: a `single-owner` error. */
const foreignComponent = entity('Component', 'refunds', {
  type: 'service',
  lifecycle: 'production',
  owner: 'shop-team',
  system: 'orders-system',
});

async function startBackend(
  initial: Entity[],
  options: { withNotifications?: boolean; config?: object } = {},
) {
  const catalog = changingCatalog(initial);
  const logger = mockServices.logger.mock();
  const { server } = await startTestBackend({
    features: [
      domainAtlasPlugin,
      ...(options.withNotifications === false ? [] : [notificationsPlugin]),
      catalog.factory,
      logger.factory,
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          ...options.config,
        },
      }),
    ],
  });
  const refresh = async () => {
    const response = await request(server)
      .post('/api/domain-atlas/refresh')
      .set('Authorization', service);
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('succeeded');
  };
  /** The notifications of one user, read as that user. */
  const notificationsOf = async (user: string): Promise<Notification[]> => {
    const response = await request(server)
      .get('/api/notifications/notifications')
      .set(
        'Authorization',
        mockCredentials.user.header(`user:default/${user}`),
      );
    expect(response.status).toBe(200);
    return response.body.notifications;
  };
  return { server, refresh, notificationsOf, catalog: catalog.state, logger };
}

describe('domainAtlasPlugin notifications', () => {
  it('tells the members of the owning group of a regression once, however often it comes back', async () => {
    const { refresh, notificationsOf, catalog } = await startBackend(
      organisation(),
    );
    await refresh();
    catalog.entities = [...organisation(), foreignComponent];
    await refresh();

    const [notification, ...more] = await notificationsOf('alice');
    expect(more).toEqual([]);
    expect(notification).toMatchObject({
      user: 'user:default/alice',
      origin: 'plugin:domain-atlas',
      payload: {
        title: 'New error in orders: single-owner',
        description: expect.stringContaining('component:default/refunds'),
        link: '/catalog/default/domain/orders/domain-atlas',
        severity: 'high',
        topic: 'domain-atlas',
        // The finding's stable id.
        scope: expect.stringMatching(
          /^domain-atlas:finding:single-owner:domain:default\/orders:component:default\/refunds/,
        ),
      },
    });
    // The owners of the offending component are not the domain's.
    expect(await notificationsOf('bob')).toEqual([]);
    expect(await notificationsOf('carol')).toEqual([]);

    // The same error at the next refresh, and gone and back again within
    // the day, tell nobody anything new.
    await refresh();
    catalog.entities = organisation();
    await refresh();
    catalog.entities = [...organisation(), foreignComponent];
    await refresh();
    expect(await notificationsOf('alice')).toEqual([notification]);
  });

  it('sends nothing on the first refresh, nor when nothing got worse', async () => {
    const { refresh, notificationsOf, catalog } = await startBackend([
      ...organisation(),
      foreignComponent,
    ]);
    await refresh();
    await refresh();
    // An improvement is no news either.
    catalog.entities = organisation();
    await refresh();

    for (const user of ['alice', 'bob', 'carol']) {
      expect(await notificationsOf(user)).toEqual([]);
    }
  });

  it('tells the API owner and the consumers owners of a breaking change without a new major version', async () => {
    const { refresh, notificationsOf, catalog } = await startBackend(
      organisation(),
    );
    await refresh();
    catalog.entities = organisation(ordersApi('1.1.0', ['/orders']));
    await refresh();

    for (const user of ['alice', 'bob']) {
      const notifications = await notificationsOf(user);
      expect(notifications.map(n => n.payload)).toEqual([
        expect.objectContaining({
          title: 'Breaking change of orders-api without a new major version',
          description: expect.stringContaining(
            '1 consumer will break: web-shop.',
          ),
          link: '/catalog/default/api/orders-api',
          severity: 'critical',
          topic: 'domain-atlas',
        }),
      ]);
    }
    expect(await notificationsOf('carol')).toEqual([]);
  });

  it('tells of a target date that passed and of a waiver about to end', async () => {
    const day = (offset: number) =>
      new Date(Date.now() + offset * 24 * 60 * 60 * 1000)
        .toISOString()
        .slice(0, 10);
    const withTarget = (date: string) =>
      organisation().map(e =>
        e.kind === 'Domain' && e.metadata.name === 'orders'
          ? {
              ...e,
              metadata: {
                ...e.metadata,
                annotations: {
                  'domain-atlas.io/target-phase': '3',
                  'domain-atlas.io/target-date': date,
                },
              },
            }
          : e,
      );
    const waived = {
      ...foreignComponent,
      metadata: {
        ...foreignComponent.metadata,
        annotations: {
          'domain-atlas.io/exemptions': `single-owner: moving to the shop (until ${day(
            5,
          )})`,
        },
      },
    };
    const { refresh, notificationsOf, catalog } = await startBackend([
      ...withTarget(day(60)),
      foreignComponent,
    ]);
    await refresh();
    catalog.entities = [...withTarget(day(-1)), waived];
    await refresh();

    expect((await notificationsOf('alice')).map(n => n.payload)).toEqual([
      expect.objectContaining({
        title: `orders missed its target: phase 3 by ${day(-1)}`,
        link: '/catalog/default/domain/orders/domain-atlas',
        severity: 'normal',
        scope: 'domain-atlas:overdue:domain:default/orders',
      }),
    ]);
    // The waived component is Bob's team's.
    expect((await notificationsOf('bob')).map(n => n.payload)).toEqual([
      expect.objectContaining({
        title: 'Waiver of single-owner on refunds ends in 5 days',
        link: '/catalog/default/component/refunds',
        severity: 'low',
        scope: 'domain-atlas:waiver:component:default/refunds:single-owner',
      }),
    ]);
  });

  it('sends only what the configuration switches on', async () => {
    const { refresh, notificationsOf, catalog } = await startBackend(
      organisation(),
      {
        config: {
          domainAtlas: { notifications: { newErrors: { enabled: false } } },
        },
      },
    );
    await refresh();
    catalog.entities = [
      ...organisation(ordersApi('1.1.0', ['/orders'])),
      foreignComponent,
    ];
    await refresh();

    expect((await notificationsOf('alice')).map(n => n.payload.title)).toEqual([
      'Breaking change of orders-api without a new major version',
    ]);
  });

  it('starts and refreshes without the notifications backend, and says so once', async () => {
    const { refresh, catalog, logger } = await startBackend(organisation(), {
      withNotifications: false,
    });
    await refresh();
    catalog.entities = [...organisation(), foreignComponent];
    await refresh();
    catalog.entities = organisation(ordersApi('1.1.0', ['/orders']));
    await refresh();

    const warnings = logger.warn.mock.calls
      .map(([message]) => String(message))
      .filter(message => message.startsWith('Domain Atlas'));
    // The default notification service posts to /api/notifications,
    // which nothing serves.
    expect(warnings).toEqual([
      expect.stringMatching(/status 404.*Is the notifications backend/),
    ]);
  });
});
