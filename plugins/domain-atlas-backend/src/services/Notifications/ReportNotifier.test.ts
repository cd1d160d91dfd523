import { mockServices } from '@backstage/backend-test-utils';
import {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import { DomainAtlasReport } from '@domain-atlas/plugin-domain-atlas-common';
import { NotificationScopeStore } from '../../database';
import { testDomain, testFinding, testReport } from '../../testing/testReports';
import { readNotificationsConfig } from './readNotificationsConfig';
import { ReportNotifier } from './ReportNotifier';

const HOUR_MS = 60 * 60 * 1000;

/** Scopes in memory, as the Knex store keeps them. */
class MemoryScopes implements NotificationScopeStore {
  readonly sent = new Map<string, Date>();
  async claim(scope: string, options: { now: Date; since: Date }) {
    const last = this.sent.get(scope);
    if (last && last >= options.since) {
      return false;
    }
    this.sent.set(scope, options.now);
    return true;
  }
  async release(scope: string, claimedAt: Date) {
    if (this.sent.get(scope)?.getTime() === claimedAt.getTime()) {
      this.sent.delete(scope);
    }
  }
  async prune(before: Date) {
    for (const [scope, at] of this.sent) {
      if (at < before) {
        this.sent.delete(scope);
      }
    }
  }
}

/** A notification service that records what it was given, or fails as told. */
function notificationsDouble() {
  const state = {
    sent: [] as NotificationSendOptions[],
    failWith: undefined as Error | undefined,
    hang: false,
  };
  const service: NotificationService = {
    async send(options) {
      if (state.hang) {
        await new Promise(() => {});
      }
      if (state.failWith) {
        throw state.failWith;
      }
      state.sent.push(options);
    },
  };
  return { service, state };
}

const orders = testDomain('orders');
const clean = testReport({ domains: [orders] });
const regressed = testReport({
  domains: [orders],
  findings: [
    testFinding('single-owner', 'orders', ['component:default/refunds']),
  ],
});

function setUp(options: { previous?: DomainAtlasReport | string } = {}) {
  const notifications = notificationsDouble();
  const logger = mockServices.logger.mock();
  const scopes = new MemoryScopes();
  const clock = { now: new Date('2026-12-07T10:00:00Z') };
  const previous =
    'previous' in options ? options.previous : (clean as DomainAtlasReport);
  const notifier = new ReportNotifier({
    notifications: notifications.service,
    store: {
      async getStoredSnapshot() {
        return previous === undefined
          ? undefined
          : {
              id: 1,
              createdAt: new Date('2026-12-07T09:00:00Z'),
              entityCount: 5,
              reportParts: [
                typeof previous === 'string'
                  ? previous
                  : JSON.stringify(previous),
              ],
            };
      },
    },
    scopes,
    logger,
    config: readNotificationsConfig(mockServices.rootConfig()),
    now: () => clock.now,
    sendTimeoutMs: 50,
  });
  const notify = () =>
    notifier.notify({ id: 2, report: regressed, owners: new Map() });
  return {
    notifier,
    notify,
    notifications: notifications.state,
    logger,
    clock,
  };
}

const titles = (sent: NotificationSendOptions[]) =>
  sent.map(options => options.payload.title);

describe('ReportNotifier', () => {
  it('sends what got worse to the owners, with its scope', async () => {
    const { notify, notifications } = setUp();
    await notify();
    expect(notifications.sent).toEqual([
      {
        recipients: {
          type: 'entity',
          entityRef: ['group:default/orders-team'],
        },
        payload: expect.objectContaining({
          title: 'New error in Orders: single-owner',
          topic: 'domain-atlas',
          scope:
            'domain-atlas:finding:single-owner:domain:default/orders:component:default/refunds',
        }),
      },
    ]);
  });

  it('compares with the report served before when it is in memory, without reading the store', async () => {
    const { notifier, notifications } = setUp({ previous: '{"unreadable"' });
    await notifier.notify({
      id: 2,
      report: regressed,
      owners: new Map(),
      previous: clean,
    });
    expect(titles(notifications.sent)).toEqual([
      'New error in Orders: single-owner',
    ]);
  });

  it('sends nothing for the first report, nor after an unreadable one', async () => {
    for (const previous of [undefined, '{"schemaVersion": 1', '{}']) {
      const { notify, notifications } = setUp({ previous });
      await notify();
      expect(notifications.sent).toEqual([]);
    }
  });

  it('sends one scope at most once a day, however often it comes back', async () => {
    const { notify, notifications, clock } = setUp();
    await notify();
    clock.now = new Date(clock.now.getTime() + 6 * HOUR_MS);
    await notify();
    expect(titles(notifications.sent)).toHaveLength(1);

    clock.now = new Date(clock.now.getTime() + 19 * HOUR_MS);
    await notify();
    expect(titles(notifications.sent)).toHaveLength(2);
  });

  it('never fails when the notifications backend is absent, and warns once', async () => {
    const { notify, notifications, logger, clock } = setUp();
    // What the default notification service throws when nothing serves
    // /api/notifications.
    notifications.failWith = new Error(
      'Failed to send notifications: Error: Request failed with status 404',
    );

    await expect(notify()).resolves.toBeUndefined();
    await expect(notify()).resolves.toBeUndefined();
    expect(notifications.sent).toEqual([]);
    const warnings = logger.warn.mock.calls.map(([message]) => message);
    expect(warnings).toEqual([
      expect.stringMatching(
        /could not send 1 notifications: .*status 404.*Is the notifications backend/,
      ),
    ]);
    expect(logger.debug).toHaveBeenCalledWith(
      expect.stringContaining('could not send 1 notifications'),
    );

    // Once the backend answers, the change is sent: the failed send did
    // not count as sent.
    notifications.failWith = undefined;
    clock.now = new Date(clock.now.getTime() + HOUR_MS);
    await notify();
    expect(titles(notifications.sent)).toEqual([
      'New error in Orders: single-owner',
    ]);
  });

  it('gives up a send that does not answer', async () => {
    const { notify, notifications, logger } = setUp();
    notifications.hang = true;
    await expect(notify()).resolves.toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('no answer within 0.05 s'),
    );
  });

  it('sends nothing when switched off', async () => {
    const notifications = notificationsDouble();
    const notifier = new ReportNotifier({
      notifications: notifications.service,
      store: {
        getStoredSnapshot: async () => {
          throw new Error('not read when switched off');
        },
      },
      scopes: new MemoryScopes(),
      logger: mockServices.logger.mock(),
      config: readNotificationsConfig(
        mockServices.rootConfig({
          data: { domainAtlas: { notifications: { enabled: false } } },
        }),
      ),
    });
    await notifier.notify({ id: 2, report: regressed, owners: new Map() });
    expect(notifications.state.sent).toEqual([]);
  });
});
