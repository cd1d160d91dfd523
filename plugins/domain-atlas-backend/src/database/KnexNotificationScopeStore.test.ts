import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { KnexDomainAtlasStore } from './KnexDomainAtlasStore';
import { KnexNotificationScopeStore } from './KnexNotificationScopeStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
});

async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  // Runs the plugin's migrations.
  await KnexDomainAtlasStore.create(mockServices.database({ knex }));
  return { knex, store: new KnexNotificationScopeStore(knex) };
}

const at = (iso: string) => new Date(iso);
const DAY_MS = 24 * 60 * 60 * 1000;
/** A claim at `now` that allows one send a day. */
const daily = (iso: string) => ({
  now: at(iso),
  since: new Date(at(iso).getTime() - DAY_MS),
});

describe.each(databases.eachSupportedId())(
  'KnexNotificationScopeStore on %p',
  databaseId => {
    it('claims a scope once a day', async () => {
      const { store } = await createStore(databaseId);
      const scope = 'domain-atlas:finding:single-owner:domain:default/orders';

      expect(await store.claim(scope, daily('2026-12-01T10:00:00Z'))).toBe(
        true,
      );
      expect(await store.claim(scope, daily('2026-12-01T18:00:00Z'))).toBe(
        false,
      );
      expect(await store.claim(scope, daily('2026-12-02T09:59:00Z'))).toBe(
        false,
      );
      // Other scopes are their own.
      expect(
        await store.claim('domain-atlas:overdue:domain:default/orders', {
          ...daily('2026-12-01T18:00:00Z'),
        }),
      ).toBe(true);
      // A day after the last send, the scope may notify again.
      expect(await store.claim(scope, daily('2026-12-02T10:00:01Z'))).toBe(
        true,
      );
      expect(await store.claim(scope, daily('2026-12-02T12:00:00Z'))).toBe(
        false,
      );
    });

    it('lets one of two claims at once win', async () => {
      const { store } = await createStore(databaseId);
      const claims = await Promise.all(
        Array.from({ length: 4 }, () =>
          store.claim('domain-atlas:overdue:domain:default/orders', {
            ...daily('2026-12-01T10:00:00Z'),
          }),
        ),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
    });

    it('gives back a claim whose notification was not sent', async () => {
      const { store } = await createStore(databaseId);
      const scope = 'domain-atlas:waiver:component:default/a:own-datastore';
      const first = daily('2026-12-01T10:00:00Z');
      expect(await store.claim(scope, first)).toBe(true);

      // Only the claim made at that time is given back.
      await store.release(scope, at('2026-12-01T09:00:00Z'));
      expect(await store.claim(scope, daily('2026-12-01T11:00:00Z'))).toBe(
        false,
      );
      await store.release(scope, first.now);
      expect(await store.claim(scope, daily('2026-12-01T11:00:00Z'))).toBe(
        true,
      );
    });

    it('forgets scopes last sent before a time', async () => {
      const { knex, store } = await createStore(databaseId);
      await store.claim('old', daily('2026-10-01T00:00:00Z'));
      await store.claim('new', daily('2026-12-01T00:00:00Z'));

      await store.prune(at('2026-11-01T00:00:00Z'));

      const rows = await knex('domain_atlas_notification_scopes').select(
        'scope',
      );
      expect(rows.map(row => row.scope)).toEqual(['new']);
    });
  },
);
