#!/usr/bin/env node
// npm run bench:api — the Domain Atlas backend under load, in a real
// Backstage backend (packages/backend) with a real catalog.
//
// Loads a seeded synthetic catalog of 10,000 entities into the catalog
// (embedded SQLite), waits until it is processed, runs two refreshes (the
// first records every API definition, the second is the steady state) and
// reports its time, then sends a bounded loopback load to GET /domains and
// GET /domains/:namespace/:name and reports p50/p95/p99 latency.
//
// Options: --entities N (default 10000), --requests N per route and load
// level (default 1000), --concurrency N,N,... (default 1,4,8 clients),
// --port N (default 7017), --policy allow|conditional (default allow:
// conditional turns on the demo's demo.hideRestrictedEntities policy, so
// every guest read goes through a conditional catalog.entity.read decision,
// the catalog query of what the guest may read, and the redaction).

import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { generateCatalog } from './syntheticCatalog.mjs';
import { waitFor } from './waitFor.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    entities: { type: 'string', default: '10000' },
    requests: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '1,4,8' },
    port: { type: 'string', default: '7017' },
    policy: { type: 'string', default: 'allow' },
  },
});
if (!['allow', 'conditional'].includes(args.policy)) {
  throw new Error(`--policy is allow or conditional, not ${args.policy}`);
}
const entityCount = Number(args.entities);
const requestsPerRoute = Number(args.requests);
const concurrencyLevels = args.concurrency.split(',').map(Number);
const port = Number(args.port);
const baseUrl = `http://127.0.0.1:${port}`;

const workDir = join(root, '.cache', 'bench');
mkdirSync(workDir, { recursive: true });

// The catalog file: one JSON document per entity (JSON is YAML).
const entities = generateCatalog(entityCount, 42);
const catalogFile = join(workDir, `catalog-${entityCount}.yaml`);
writeFileSync(
  catalogFile,
  entities.map(e => JSON.stringify(e)).join('\n---\n'),
);
const configFile = join(workDir, 'app-config.bench.yaml');
writeFileSync(
  configFile,
  JSON.stringify({
    backend: {
      baseUrl,
      listen: { port, host: '127.0.0.1' },
      database: { client: 'better-sqlite3', connection: ':memory:' },
    },
    catalog: {
      rules: [
        {
          allow: [
            'Component',
            'System',
            'API',
            'Resource',
            'Domain',
            'Group',
            'User',
            'Location',
          ],
        },
      ],
      locations: [{ type: 'file', target: catalogFile }],
    },
    demo: { hideRestrictedEntities: args.policy === 'conditional' },
    // Refresh only when the benchmark asks, so it is measured alone.
    domainAtlas: {
      schedule: {
        frequency: { hours: 24 },
        timeout: { minutes: 30 },
        initialDelay: { hours: 24 },
      },
    },
  }),
);

const log = message => console.log(`bench:api: ${message}`);

log(
  `starting packages/backend on :${port} with the ${args.policy} policy (output in .cache/bench/backend.log)`,
);
const backendLog = createWriteStream(join(workDir, 'backend.log'));
const backend = spawn(
  process.execPath,
  [
    join(root, 'node_modules/@backstage/cli/bin/backstage-cli'),
    'package',
    'start',
    '--config',
    join(root, 'app-config.yaml'),
    '--config',
    configFile,
  ],
  {
    cwd: join(root, 'packages/backend'),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  },
);
backend.stdout.pipe(backendLog);
backend.stderr.pipe(backendLog);
const stop = () => {
  try {
    process.kill(-backend.pid, 'SIGTERM');
  } catch {
    // already stopped
  }
};
process.on('exit', stop);

async function get(path, token, init = {}) {
  const response = await fetch(`${baseUrl}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...init.headers },
  });
  if (!response.ok)
    throw new Error(
      `${init.method ?? 'GET'} ${path}: ${
        response.status
      } ${await response.text()}`,
    );
  return response.json();
}

function percentile(sorted, p) {
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

async function load(label, paths, token, concurrency) {
  const latencies = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requestsPerRoute) {
        const path = paths[next++ % paths.length];
        const t0 = performance.now();
        const response = await fetch(`${baseUrl}${path}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`${path}: ${response.status}`);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const ms = v => `${v.toFixed(1)} ms`;
  log(
    `${label}: ${
      latencies.length
    } requests, concurrency ${concurrency}: p50 ${ms(
      percentile(latencies, 50),
    )}, p95 ${ms(percentile(latencies, 95))}, p99 ${ms(
      percentile(latencies, 99),
    )}, ${(latencies.length / seconds).toFixed(0)} req/s`,
  );
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
}

try {
  const token = await waitFor(
    'the backend',
    async () => {
      const response = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
        headers: { 'x-requested-with': 'XMLHttpRequest' },
      });
      return response.ok
        ? (await response.json()).backstageIdentity.token
        : undefined;
    },
    5 * 60_000,
  );
  const ingestStarted = Date.now();
  await waitFor(
    `the catalog to process ${entityCount} entities`,
    async () => {
      const { totalItems } = await get(
        '/api/catalog/entities/by-query?limit=1&filter=kind=component,kind=api,kind=domain,kind=system,kind=resource,kind=group',
        token,
      );
      return totalItems >= entityCount;
    },
    30 * 60_000,
  );
  log(
    `catalog processed ${entityCount} entities in ${Math.round(
      (Date.now() - ingestStarted) / 1000,
    )} s`,
  );

  // The first refresh also records every API definition in the contract
  // history; the second finds them unchanged (the steady state).
  for (const label of ['first refresh', 'next refresh']) {
    const refreshStarted = performance.now();
    const refresh = await get('/api/domain-atlas/refresh', token, {
      method: 'POST',
    });
    const refreshMs = performance.now() - refreshStarted;
    log(
      `${label}: ${refresh.entityCount} entities, ${
        refresh.domainCount
      } domains, ${refresh.findingCount} findings in ${refreshMs.toFixed(
        0,
      )} ms (server-side ${refresh.durationMs} ms)`,
    );
  }

  const { items } = await get('/api/domain-atlas/domains', token);
  const domainPaths = items.map(
    d => `/api/domain-atlas/domains/${d.ref.split(':')[1]}`,
  );
  await load('warm-up', ['/api/domain-atlas/domains'], token, 4);
  const target = 50;
  for (const concurrency of concurrencyLevels) {
    const list = await load(
      'GET /domains',
      ['/api/domain-atlas/domains'],
      token,
      concurrency,
    );
    const one = await load(
      'GET /domains/:namespace/:name',
      domainPaths,
      token,
      concurrency,
    );
    log(
      `${concurrency} concurrent client(s), p95 target ${target} ms: GET /domains ${
        list.p95 <= target ? 'met' : 'MISSED'
      }, GET /domains/:namespace/:name ${one.p95 <= target ? 'met' : 'MISSED'}`,
    );
  }
} catch (error) {
  console.error(`bench:api: ${error.stack}`);
  process.exitCode = 1;
} finally {
  stop();
}
