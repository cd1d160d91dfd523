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
// - parse:   JSON.parse(text), the median of several runs;
// - analyze: analyze(entities) on the entities that parse run gave (so
//            parse and analyze runs alternate and see the same machine),
//            after warm-up runs (a second's worth, at least one), the
//            median of several runs;
// - peak heap: one more analyze run with V8's --trace-gc switched on. The
//            heap only grows between collections, so its peak is the
//            largest "used before" figure of the collections during the
//            call, or the heap used right after it, whichever is larger.
//            The figure includes the input (`input heap`: the catalog text
//            and its parsed entities, measured after a full GC before the
//            call) and the report.
//
// The ratio is the median analyze time over the median parse time.
//
// Every timed run starts after a full GC (--expose-gc), so no run pays for
// the garbage of the one before it.
//
// Options: --sizes 1000,10000,100000  --runs N (timed runs per
// measurement, default 5)  --seed N (default 42)  --profile (writes a
// --cpu-prof profile of each child to .cache/bench/profiles/)  --source
// path/to/src/index.ts (another checkout of the common package, to
// compare).
//
// Last line: `analyze/parse ratio at <largest size> entities: X`.

import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import { runNode } from './runNode.mjs';
import { generateCatalog } from './syntheticCatalog.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const workDir = join(root, '.cache', 'bench');
const RESULT = 'bench:analyze:result ';
const MiB = 1024 * 1024;

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    runs: { type: 'string', default: '5' },
    seed: { type: 'string', default: '42' },
    source: {
      type: 'string',
      default: join(root, 'plugins/domain-atlas-common/src/index.ts'),
    },
    profile: { type: 'boolean', default: false },
    child: { type: 'string' },
  },
});
const runs = Math.max(1, Number(args.runs));
// One bundle per source, so that two checkouts can be compared side by side.
const bundle = join(
  workDir,
  `domain-atlas-common-${createHash('sha1')
    .update(args.source)
    .digest('hex')
    .slice(0, 8)}.cjs`,
);
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

/** Median parse and analyze times, and what the report holds. */
function timeRuns(analyze, text, options) {
  // Warm-up: until the JIT has seen a second of analysis (one run at
  // 100,000 entities, dozens at 1,000), as in a backend that refreshes.
  let report;
  const warmUpStart = performance.now();
  do {
    report = analyze(JSON.parse(text), options);
  } while (performance.now() - warmUpStart < 1000);

  // Parse and analyze runs alternate, so that both see the same machine
  // (another process may load it for a while).
  const parseMs = [];
  const analyzeMs = [];
  for (let i = 0; i < runs; i++) {
    report = null;
    const parsed = timed(() => JSON.parse(text));
    parseMs.push(parsed.ms);
    const analyzed = timed(() => analyze(parsed.result, options));
    analyzeMs.push(analyzed.ms);
    report = analyzed.result;
  }
  return {
    parseMs: median(parseMs),
    analyzeMs: median(analyzeMs),
    domains: report.domains.length,
    findings: report.findings.length,
    isolation: report.isolation.length,
  };
}

function measure(size) {
  const { analyze } = createRequire(import.meta.url)(bundle);
  const options = { now: '2026-01-01' };
  const text = JSON.stringify(generateCatalog(size, seed));
  // In a function of its own, so nothing of the timed runs stays alive.
  const times = timeRuns(analyze, text, options);

  // Peak heap: collections are traced (to stdout) only during this call.
  const entities = JSON.parse(text);
  // Twice: right after one full collection the heap figure sometimes
  // still counts what it freed (seen as a 140 MiB swing at 100,000).
  global.gc();
  global.gc();
  const inputHeap = process.memoryUsage().heapUsed;
  v8.setFlagsFromString('--trace-gc');
  const report = analyze(entities, options);
  const afterHeap = process.memoryUsage().heapUsed;
  v8.setFlagsFromString('--no-trace-gc');
  if (report.findings.length !== times.findings) {
    throw new Error('analyze gave a different report for the same catalog');
  }

  process.stdout.write(
    `${RESULT}${JSON.stringify({
      size,
      entities: entities.length,
      jsonMiB: text.length / MiB,
      inputHeapMiB: inputHeap / MiB,
      afterHeapMiB: afterHeap / MiB,
      ...times,
    })}\n`,
  );
}

// --------------------------------------------------------------- parent --

async function buildBundle() {
  const esbuild = await import('esbuild');
  mkdirSync(workDir, { recursive: true });
  await esbuild.build({
    entryPoints: [args.source],
    nodePaths: [join(root, 'node_modules')],
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

async function runChild(size) {
  const flags = ['--expose-gc', '--disable-warning=DEP0040'];
  if (args.profile) {
    flags.push('--cpu-prof', `--cpu-prof-dir=${join(workDir, 'profiles')}`);
  }
  const { code, output } = await runNode([
    ...flags,
    fileURLToPath(import.meta.url),
    '--child',
    String(size),
    '--runs',
    String(runs),
    '--seed',
    String(seed),
    '--source',
    args.source,
  ]);
  if (code !== 0) {
    throw new Error(`the ${size}-entity run exited with ${code}`);
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
    throw new Error(`the ${size}-entity run printed no result`);
  }
  return {
    ...result,
    peakHeapMiB: Math.max(gcPeakMiB, result.afterHeapMiB),
  };
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
