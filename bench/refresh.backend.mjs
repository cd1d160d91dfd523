// The Domain Atlas backend plugin for bench:refresh, started in this
// process through its public entry (the package's default export) with
// Backstage's test backend: mock auth, permissions and scheduler, the
// real database service, and the catalog service's own test double
// holding the synthetic catalog (answering a page at a time, with the
// event loop free between pages, as a catalog over HTTP does).
//
// Loaded by bench/refresh.child.mjs, in a process started with
// `--require @backstage/cli-node/config/nodeTransform.cjs`, which compiles
// the plugin's TypeScript sources as `backstage-cli package start` does.

import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const { createServiceFactory } = require('@backstage/backend-plugin-api');
const {
  mockCredentials,
  mockServices,
  startTestBackend,
} = require('@backstage/backend-test-utils');
const { catalogServiceRef } = require('@backstage/plugin-catalog-node');
const {
  catalogServiceMock,
} = require('@backstage/plugin-catalog-node/testUtils');
const { notificationService } = require('@backstage/plugin-notifications-node');

/** Whether Backstage's Node transform is loaded (it compiles `.ts`). */
export function canLoadTypeScript() {
  return typeof require.extensions['.ts'] === 'function';
}

/** The `backend.database` config and how to drop what it created. */
export function databaseFor(db) {
  if (db === 'sqlite') {
    return {
      config: { client: 'better-sqlite3', connection: ':memory:' },
      drop: async () => {},
    };
  }
  const connection =
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
  if (!connection) {
    throw new Error(
      '--db postgres needs BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING: export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING=$(bash scripts/start-postgres.sh)',
    );
  }
  // A fresh database per run: the plugin's is `${prefix}domain-atlas`.
  const prefix = `bench_refresh_${Date.now()}_${process.pid}_`;
  return {
    config: { client: 'pg', connection, prefix },
    drop: async () => {
      const knex = require('knex')({
        client: 'pg',
        connection: { connectionString: connection, database: 'postgres' },
      });
      try {
        await knex.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [
          `${prefix}domain-atlas`,
        ]);
      } finally {
        await knex.destroy();
      }
    },
  };
}

/**
 * Starts the plugin on a loopback port. Returns the base URL, the
 * authorization header of a user, how many notifications it sent, the
 * catalog reads it made (times from performance.now()), and stop().
 */
export async function startPlugin({ entities, database }) {
  const {
    default: domainAtlasPlugin,
  } = require('@domain-atlas/plugin-domain-atlas-backend');

  const catalog = catalogServiceMock({ entities });
  const reads = [];
  const stream = catalog.streamEntities.bind(catalog);
  catalog.streamEntities = (request, options) =>
    (async function* timed() {
      const read = { start: performance.now(), end: undefined, pages: 0 };
      reads.push(read);
      for await (const page of stream(request, options)) {
        // A real catalog's pages come over the network: the event loop
        // runs between them. The test double's come in one run of
        // microtasks, which would block the loop for the whole read.
        await new Promise(resolve => setImmediate(resolve));
        read.pages += 1;
        yield page;
      }
      read.end = performance.now();
    })();

  // Notifications go nowhere: the notifications backend is not ours.
  const notifications = { sent: 0 };
  const notificationsFactory = createServiceFactory({
    service: notificationService,
    deps: {},
    factory: () => ({
      async send() {
        notifications.sent += 1;
      },
    }),
  });

  const backend = await startTestBackend({
    features: [
      domainAtlasPlugin,
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => catalog,
      }),
      notificationsFactory,
      mockServices.rootLogger.factory({ level: 'warn' }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          backend: { database },
          // Refresh only when the bench asks, so each is measured alone.
          domainAtlas: {
            schedule: {
              frequency: { hours: 24 },
              timeout: { minutes: 30 },
              initialDelay: { hours: 24 },
            },
          },
        },
      }),
    ],
  });
  return {
    baseUrl: `http://127.0.0.1:${backend.server.port()}`,
    authorization: mockCredentials.user.header(),
    notifications,
    reads,
    stop: () => backend.stop(),
  };
}
