#!/usr/bin/env node
// npm run bench:refresh — what a Domain Atlas refresh costs the Backstage
// backend process it runs in, and how fast reads are meanwhile.
//
// For each size, a child process (bench/refresh.child.mjs, so that each
// size's memory figures are its own) generates the seeded synthetic catalog
// (bench/syntheticCatalog.mjs) and starts the real backend plugin through
// its public entry, in process, with Backstage's startTestBackend
// (bench/refresh.backend.mjs), under Backstage's Node transform, which
// compiles the plugin's TypeScript as `backstage-cli package start` does
// (and which worker threads inherit with the child's --require): the catalog
// is the catalog service's test double holding the entities in memory, so
// the figures are ours and not the catalog's ingestion; auth and
// permissions are Backstage's mockServices, cheap mocks, so the latencies
// are our own cost without Backstage's token and permission checks. The
// database is SQLite in memory, or with --db postgres a fresh database on
// the server that BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
// names (`bash scripts/start-postgres.sh` starts one and prints it).
//
// Then, over loopback HTTP with keep-alive:
// - a first refresh (POST /api/domain-atlas/refresh: it also records every
//   API definition) and a second, steady-state one, each with its wall
//   time and the maximum event-loop delay while it ran
//   (monitorEventLoopDelay, resolution 10 ms), plus the stalls over 50 ms
//   and when they began, next to when the catalog was read;
// - the first GET /domains after a refresh (it loads the new snapshot);
// - p50/p95/p99 of GET /domains and GET /domains/:namespace/:name (every
//   domain in turn) at 1 and 8 clients: --requests of each with no
//   refresh running, then as many as fit in one refresh, started for each;
// - the RSS: sampled every 50 ms, and the process's maxRSS.
//
// Options: --sizes 10000,100000  --db sqlite|postgres  --requests N
// (default 500)  --seed N (default 42). Writes .cache/bench/refresh-<db>.json.
// Last line: `max event-loop delay during a <largest size>-entity refresh:
// X ms`, the larger of the first and the steady-state refresh.

import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { RESULT } from './refresh.measure.mjs';
import { runNode } from './runNode.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    db: { type: 'string', default: 'sqlite' },
    requests: { type: 'string', default: '500' },
    seed: { type: 'string', default: '42' },
  },
});
if (!['sqlite', 'postgres'].includes(args.db)) {
  throw new Error(`--db is sqlite or postgres, not ${args.db}`);
}

/** The child's node options: ours, and Backstage's Node transform. */
function childExecArgv() {
  const transform = createRequire(import.meta.url).resolve(
    '@backstage/cli-node/config/nodeTransform.cjs',
  );
  const loaded = process.execArgv.some(a => a.includes('nodeTransform'));
  return loaded
    ? process.execArgv
    : [...process.execArgv, '--require', transform];
}

async function runChild(size) {
  const { code, output } = await runNode([
    ...childExecArgv(),
    join(root, 'bench', 'refresh.child.mjs'),
    '--size',
    String(size),
    '--db',
    args.db,
    '--requests',
    args.requests,
    '--seed',
    args.seed,
  ]);
  const line = output.split('\n').find(l => l.startsWith(RESULT));
  if (code !== 0 || !line) {
    throw new Error(
      `the ${size}-entity run exited with ${code}${
        line ? '' : ' and no result'
      }`,
    );
  }
  return JSON.parse(line.slice(RESULT.length));
}

function table(columns, rows) {
  const cells = [
    columns.map(([title]) => title),
    ...rows.map(row => columns.map(([, cell]) => cell(row))),
  ];
  const widths = columns.map((_, i) =>
    Math.max(...cells.map(line => line[i].length)),
  );
  return cells
    .map(line => line.map((cell, i) => cell.padStart(widths[i])).join('  '))
    .join('\n');
}

const ms = v =>
  Number.isFinite(v) ? `${v < 100 ? v.toFixed(1) : Math.round(v)}` : '–';
const s = v => `${(v / 1000).toFixed(1)} s`;
const stallsOf = r => {
  const longest = [...r.stalls]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 3)
    .sort((a, b) => a.atMs - b.atMs);
  return `${r.stalls.length}: ${
    longest.map(st => `${Math.round(st.ms)} ms at ${s(st.atMs)}`).join(', ') ||
    '–'
  }`;
};
/** The headline: the larger of the first and the steady-state refresh. */
const headline = result => Math.max(...result.refreshes.map(r => r.maxDelayMs));

async function main() {
  const sizes = args.sizes.split(',').map(Number);
  const database =
    args.db === 'sqlite'
      ? 'SQLite (better-sqlite3, in memory)'
      : 'PostgreSQL (a fresh database per size)';
  console.log(
    `bench:refresh: node ${process.version}, ${os.cpus().length} CPUs, load ${os
      .loadavg()[0]
      .toFixed(
        1,
      )}; the domain-atlas backend plugin in process (startTestBackend), ${database}; catalog: catalogServiceMock (in memory; the event loop runs between its pages, as between a real catalog's), seed ${
      args.seed
    }`,
  );
  console.log(
    'Latencies are ours: auth and permissions are Backstage mockServices (no token verification, no permission round trip); loopback HTTP with keep-alive from clients in the same process.',
  );
  const results = [];
  for (const size of sizes) results.push(await runChild(size));

  console.log(
    '\nRefresh (stalls: event-loop stalls over 50 ms, the longest three and when they began)',
  );
  console.log(
    table(
      [
        ['entities', r => String(r.size)],
        ['refresh', r => r.label],
        ['wall ms', r => ms(r.wallMs)],
        ['server ms', r => ms(r.serverMs)],
        [
          'catalog read',
          r =>
            r.catalogRead
              ? `${s(r.catalogRead.fromMs)}–${s(r.catalogRead.toMs)}`
              : '–',
        ],
        ['max event-loop delay ms', r => ms(r.maxDelayMs)],
        ['stalls', stallsOf],
        ['peak RSS MiB', r => r.peakRssMiB.toFixed(0)],
      ],
      results.flatMap(result =>
        result.refreshes.map(r => ({ ...r, size: result.size })),
      ),
    ),
  );
  console.log(
    '\nReads (requests: how many were answered, with no refresh running --requests of them, during a refresh as many as fit in it; failed: network errors and non-2xx answers)',
  );
  console.log(
    table(
      [
        ['entities', r => String(r.size)],
        ['route', r => r.route],
        ['clients', r => String(r.concurrency)],
        ['refresh', r => (r.during ? 'running' : 'none')],
        ['requests', r => String(r.count)],
        ['failed', r => String(r.errors)],
        ['p50 ms', r => ms(r.p50)],
        ['p95 ms', r => ms(r.p95)],
        ['p99 ms', r => ms(r.p99)],
        ['max ms', r => ms(r.max)],
        ['req/s', r => r.perSecond.toFixed(0)],
        ['refresh wall ms', r => (r.refresh ? ms(r.refresh.wallMs) : '')],
        ['its max delay ms', r => (r.refresh ? ms(r.refresh.maxDelayMs) : '')],
        [
          'its peak RSS MiB',
          r => (r.refresh ? r.refresh.peakRssMiB.toFixed(0) : ''),
        ],
      ],
      results.flatMap(result =>
        result.reads.map(r => ({ ...r, size: result.size })),
      ),
    ),
  );
  for (const result of results) {
    for (const r of result.reads.filter(read => read.errors > 0)) {
      console.log(
        `${result.size}, ${r.route}, ${r.concurrency} clients: ${r.errors} failed, the first with ${r.firstError}`,
      );
    }
  }
  console.log(
    "\nMemory (RSS after start includes the generated catalog, which the catalog test double holds; peak RSS is sampled every 50 ms on the event loop, so a stall hides what happens during it; maxRSS is the process's own) and the first read of a new snapshot",
  );
  console.log(
    table(
      [
        ['entities', r => String(r.size)],
        ['domains', r => String(r.domains)],
        ['RSS after start MiB', r => r.startedRssMiB.toFixed(0)],
        ['peak RSS MiB', r => r.peakRssMiB.toFixed(0)],
        ['maxRSS MiB', r => r.maxRssMiB.toFixed(0)],
        ['first GET /domains after a refresh ms', r => ms(r.coldReadMs)],
        ['notifications', r => String(r.notificationsSent)],
      ],
      results,
    ),
  );

  const workDir = join(root, '.cache', 'bench');
  mkdirSync(workDir, { recursive: true });
  const file = join(workDir, `refresh-${args.db}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        cpus: os.cpus().length,
        loadavg: os.loadavg(),
        args,
        results,
      },
      null,
      2,
    ),
  );
  console.log(`\nResults in ${file.slice(root.length + 1)}`);
  const last = results.reduce((a, b) => (b.size > a.size ? b : a));
  console.log(
    `max event-loop delay during a ${last.size}-entity refresh: ${Math.round(
      headline(last),
    )} ms`,
  );
}

main().catch(error => {
  console.error(`bench:refresh: ${error.stack ?? error}`);
  process.exitCode = 1;
});
