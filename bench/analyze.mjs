#!/usr/bin/env node
// npm run bench — how fast analyze() is next to JSON.parse of the same
// catalog.
//
// Bundles the common package's TypeScript (src/index.ts) with esbuild into
// .cache/bench/, so the real analysis code runs, not a copy. Then, for each
// size, a child process (so every size starts from an empty heap and its
// memory figures are its own) generates the seeded synthetic catalog
// (bench/syntheticCatalog.mjs), serialises it, and measures:
//
// - parse:   JSON.parse(text), a warm-up then the median of several runs;
// - analyze: analyze(entities) on freshly parsed entities, a warm-up then
//            the median of several runs (parse time not included);
// - peak heap: one more analyze run with V8's --trace-gc switched on. The
//            heap only grows between collections, so its peak is the
//            largest "used before" figure of the collections during the
//            call, or the heap used right after it, whichever is larger.
//            The figure includes the parsed input entities (`input heap`,
//            measured after a full GC before the call) and the report.
//
// Every timed run starts after a full GC (--expose-gc), so no run pays for
// the garbage of the one before it.
//
// Options: --sizes 1000,10000,100000  --runs N (timed runs per
// measurement, default 5)  --seed N (default 42)  --profile (writes a
// --cpu-prof profile of each child to .cache/bench/profiles/).
//
// Last line: `analyze/parse ratio at <largest size> entities: X`.

import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import { generateCatalog } from './syntheticCatalog.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const workDir = join(root, '.cache', 'bench');
const bundle = join(workDir, 'domain-atlas-common.cjs');
const RESULT = 'bench:analyze:result ';
const MiB = 1024 * 1024;

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    runs: { type: 'string', default: '5' },
    seed: { type: 'string', default: '42' },
    profile: { type: 'boolean', default: false },
    child: { type: 'string' },
  },
});
const runs = Math.max(1, Number(args.runs));
const seed = Number(args.seed);

const median = values => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Milliseconds of one call of `run`, after a full GC. */
function timed(run) {
  global.gc();
  const start = performance.now();
  const result = run();
  return { ms: performance.now() - start, result };
}

// ---------------------------------------------------------------- child --

function measure(size) {
  const { analyze } = createRequire(import.meta.url)(bundle);
  const options = { now: '2026-01-01' };
  const text = JSON.stringify(generateCatalog(size, seed));

  const parseMs = [];
  timed(() => JSON.parse(text));
  for (let i = 0; i < runs; i++) {
    parseMs.push(timed(() => JSON.parse(text)).ms);
  }

  const analyzeMs = [];
  let report = analyze(JSON.parse(text), options);
  for (let i = 0; i < runs; i++) {
    const entities = JSON.parse(text);
    report = null;
    const run = timed(() => analyze(entities, options));
    analyzeMs.push(run.ms);
    report = run.result;
  }
  const summary = {
    domains: report.domains.length,
    findings: report.findings.length,
    isolation: report.isolation.length,
  };
  report = null;

  // Peak heap: collections are traced (to stdout) only during this call.
  const entities = JSON.parse(text);
  global.gc();
  const inputHeap = process.memoryUsage().heapUsed;
  v8.setFlagsFromString('--trace-gc');
  report = analyze(entities, options);
  const afterHeap = process.memoryUsage().heapUsed;
  v8.setFlagsFromString('--no-trace-gc');

  process.stdout.write(
    `${RESULT}${JSON.stringify({
      size,
      entities: entities.length,
      jsonMiB: text.length / MiB,
      parseMs: median(parseMs),
      analyzeMs: median(analyzeMs),
      inputHeapMiB: inputHeap / MiB,
      afterHeapMiB: afterHeap / MiB,
      ...summary,
    })}\n`,
  );
}

// --------------------------------------------------------------- parent --

async function buildBundle() {
  const esbuild = await import('esbuild');
  mkdirSync(workDir, { recursive: true });
  await esbuild.build({
    entryPoints: [join(root, 'plugins/domain-atlas-common/src/index.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    sourcemap: true,
    logLevel: 'warning',
  });
}

// `[pid:addr]   123 ms: Scavenge 512.3 (530.1) -> 498.2 (531.0) MB, …`
const GC_LINE = /ms: [^\d]*?([\d.]+) \([\d.]+\) -> [\d.]+ \([\d.]+\) MB/;

function runChild(size) {
  const flags = ['--expose-gc', '--disable-warning=DEP0040'];
  if (args.profile) {
    flags.push('--cpu-prof', `--cpu-prof-dir=${join(workDir, 'profiles')}`);
  }
  const child = spawn(
    process.execPath,
    [
      ...flags,
      fileURLToPath(import.meta.url),
      '--child',
      String(size),
      '--runs',
      String(runs),
      '--seed',
      String(seed),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  child.stdout.on('data', chunk => {
    output += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', code => {
      if (code !== 0) {
        reject(new Error(`the ${size}-entity run exited with ${code}`));
        return;
      }
      let result;
      let gcPeakMiB = 0;
      for (const line of output.split('\n')) {
        if (line.startsWith(RESULT)) {
          result = JSON.parse(line.slice(RESULT.length));
        } else {
          const gc = GC_LINE.exec(line);
          if (gc) gcPeakMiB = Math.max(gcPeakMiB, Number(gc[1]));
        }
      }
      if (!result) {
        reject(new Error(`the ${size}-entity run printed no result`));
        return;
      }
      resolve({
        ...result,
        peakHeapMiB: Math.max(gcPeakMiB, result.afterHeapMiB),
      });
    });
  });
}

function table(rows) {
  const columns = [
    ['entities', r => String(r.entities)],
    ['JSON MiB', r => r.jsonMiB.toFixed(1)],
    ['parse ms', r => r.parseMs.toFixed(1)],
    ['analyze ms', r => r.analyzeMs.toFixed(1)],
    ['ratio', r => (r.analyzeMs / r.parseMs).toFixed(2)],
    ['input heap MiB', r => r.inputHeapMiB.toFixed(0)],
    ['peak heap MiB', r => r.peakHeapMiB.toFixed(0)],
    ['domains', r => String(r.domains)],
    ['findings', r => String(r.findings)],
    ['isolation pairs', r => String(r.isolation)],
  ];
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

async function main() {
  const sizes = args.sizes.split(',').map(Number);
  await buildBundle();
  console.log(
    `bench:analyze: node ${process.version}, ${runs} timed runs per figure (median), seed ${seed}`,
  );
  const rows = [];
  for (const size of sizes) {
    rows.push(await runChild(size));
  }
  console.log(table(rows));
  const last = rows[rows.length - 1];
  console.log(
    `analyze/parse ratio at ${last.size} entities: ${(
      last.analyzeMs / last.parseMs
    ).toFixed(2)}`,
  );
}

if (args.child !== undefined) {
  measure(Number(args.child));
} else {
  await main();
}
