// One size of bench:refresh (see bench/refresh.mjs, which starts this
// in a process of its own with Backstage's Node transform): generates the
// catalog, starts the plugin, refreshes, loads the read routes, and prints
// its figures as one JSON line after RESULT.

import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { generateCatalog } from './syntheticCatalog.mjs';
import {
  canLoadTypeScript,
  databaseFor,
  startPlugin,
} from './refresh.backend.mjs';
import {
  load,
  RESULT,
  rssSampler,
  watchEventLoop,
} from './refresh.measure.mjs';

const ROUTES = ['GET /domains', 'GET /domains/:namespace/:name'];
const CLIENTS = [1, 8];

const log = message => console.error(`bench:refresh: ${message}`);

async function measure({ size, db, requests, seed }) {
  if (!canLoadTypeScript()) {
    throw new Error(
      'run with --require @backstage/cli-node/config/nodeTransform.cjs',
    );
  }
  const entities = generateCatalog(size, seed);
  const rss = rssSampler();
  const database = databaseFor(db);
  const plugin = await startPlugin({ entities, database: database.config });
  const { baseUrl, authorization } = plugin;
  const startedRssMiB = process.memoryUsage.rss() / 2 ** 20;
  log(`${size}: ${entities.length} entities, the plugin listens at ${baseUrl}`);

  /** One request, sent again once if the connection failed. */
  async function call(method, path) {
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await fetch(`${baseUrl}${path}`, {
          method,
          headers: { authorization },
        });
        const body = await response.json();
        if (!response.ok) {
          throw new Error(
            `${method} ${path}: ${response.status} ${JSON.stringify(body)}`,
          );
        }
        return body;
      } catch (error) {
        // A kept-alive connection closed by the server while this process
        // was blocked: the request never arrived (a refresh sent twice
        // joins the running one anyway).
        if (!(error instanceof TypeError) || attempt > 1) throw error;
      }
    }
  }
  const loadOf = (paths, concurrency, more) =>
    load({ baseUrl, authorization, paths, concurrency, ...more });

  /** A refresh, with `alongside(refreshing)` running while it does. */
  async function refresh(label, alongside) {
    const readsBefore = plugin.reads.length;
    const peakRss = rss.window();
    const watched = await watchEventLoop(async () => {
      const t0 = performance.now();
      const refreshing = call('POST', '/api/domain-atlas/refresh').then(
        body => ({ body, wallMs: performance.now() - t0 }),
      );
      const beside = alongside?.(refreshing);
      return { ...(await refreshing), beside: await beside };
    });
    const { wallMs, body, beside } = watched.value;
    const read = plugin.reads[readsBefore];
    log(
      `${size}: ${label}: ${Math.round(
        wallMs,
      )} ms, max event-loop delay ${Math.round(watched.maxDelayMs)} ms`,
    );
    return {
      label,
      status: body.status,
      wallMs,
      serverMs: body.durationMs,
      entityCount: body.entityCount,
      domainCount: body.domainCount,
      findingCount: body.findingCount,
      maxDelayMs: watched.maxDelayMs,
      stalls: watched.stalls,
      catalogRead: read && {
        fromMs: read.start - watched.start,
        toMs: read.end - watched.start,
      },
      peakRssMiB: peakRss(),
      beside,
    };
  }

  // The first refresh also records every API definition in the contract
  // history and parses every definition; the second is the steady state.
  const refreshes = [
    await refresh('first refresh'),
    await refresh('steady refresh'),
  ];
  const coldStart = performance.now();
  const { items } = await call('GET', '/api/domain-atlas/domains');
  const coldReadMs = performance.now() - coldStart;
  const paths = {
    [ROUTES[0]]: ['/api/domain-atlas/domains'],
    [ROUTES[1]]: items.map(
      d => `/api/domain-atlas/domains/${d.ref.split(':')[1]}`,
    ),
  };
  for (const route of ROUTES) await loadOf(paths[route], 4, { requests: 40 });

  const reads = [];
  for (const concurrency of CLIENTS) {
    for (const route of ROUTES) {
      const idle = await loadOf(paths[route], concurrency, { requests });
      reads.push({ route, concurrency, during: false, ...idle });
    }
  }
  for (const concurrency of CLIENTS) {
    for (const route of ROUTES) {
      const { beside, maxDelayMs, wallMs, peakRssMiB } = await refresh(
        `refresh under ${concurrency} client(s) of ${route}`,
        refreshing => loadOf(paths[route], concurrency, { until: refreshing }),
      );
      reads.push({
        route,
        concurrency,
        during: true,
        ...beside,
        refresh: { maxDelayMs, wallMs, peakRssMiB },
      });
      // Loads the new snapshot before the next measurement.
      await call('GET', '/api/domain-atlas/domains');
    }
  }

  const result = {
    size,
    entities: entities.length,
    domains: items.length,
    startedRssMiB,
    refreshes,
    coldReadMs,
    reads,
    notificationsSent: plugin.notifications.sent,
    peakRssMiB: rss.peakMiB(),
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
  };
  rss.stop();
  await plugin.stop();
  await database.drop();
  process.stdout.write(`${RESULT}${JSON.stringify(result)}\n`);
  process.exit(0);
}

const { values: args } = parseArgs({
  options: {
    size: { type: 'string' },
    db: { type: 'string' },
    requests: { type: 'string' },
    seed: { type: 'string' },
  },
});
if (args.size !== undefined) {
  measure({
    size: Number(args.size),
    db: args.db,
    requests: Number(args.requests),
    seed: Number(args.seed),
  }).catch(error => {
    console.error(`bench:refresh: ${error.stack}`, error.cause ?? '');
    process.exit(1);
  });
}
