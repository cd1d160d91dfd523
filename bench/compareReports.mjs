#!/usr/bin/env node
// npm run bench:compare -- --source path/to/other/src/index.ts
//
// Whether two versions of the common package's analyze() give the same
// report, byte for byte: this checkout's and another one (a git worktree of
// an earlier commit, say). For work on analyze that must not change what it
// reports, next to `npm run bench -- --source …`, which compares speed.
//
// Both packages are bundled with esbuild. The catalogs: the seeded
// synthetic ones of bench/syntheticCatalog.mjs (1,000 to 100,000
// entities, as `npm run bench` uses), then --mutated smaller ones
// (default 400) shuffled and spoilt the way real catalogs are: names in
// capitals or with a capital sigma, entities repeated, other namespaces,
// refs repeated, in capitals, dangling or given as a string instead of a
// list.
//
// Prints the number of catalogs compared and, for each difference, the
// catalog and the first report field that differs; exits 1 on any.

import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCatalog } from './syntheticCatalog.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const workDir = join(root, '.cache', 'bench');

const { values: args } = parseArgs({
  options: {
    source: { type: 'string' },
    mutated: { type: 'string', default: '400' },
    seed: { type: 'string', default: '1' },
  },
});
if (!args.source) {
  console.error(
    'bench:compare: --source path/to/src/index.ts of the other checkout is required',
  );
  process.exit(2);
}

async function bundle(source) {
  const esbuild = await import('esbuild');
  mkdirSync(workDir, { recursive: true });
  const outfile = join(
    workDir,
    `compare-${createHash('sha1')
      .update(source)
      .digest('hex')
      .slice(0, 8)}.cjs`,
  );
  await esbuild.build({
    entryPoints: [source],
    nodePaths: [join(root, 'node_modules')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    logLevel: 'error',
  });
  return createRequire(import.meta.url)(outfile).analyze;
}

/** mulberry32, as the generator uses. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A small seeded catalog, shuffled and spoilt. */
function mutatedCatalog(index, random) {
  const entities = generateCatalog(40 + Math.floor(random() * 400), index);
  for (let i = entities.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [entities[i], entities[j]] = [entities[j], entities[i]];
  }
  for (const entity of [...entities]) {
    if (random() < 0.02) {
      // A second entity with the same ref, spelt in capitals.
      entities.push({
        ...entity,
        metadata: {
          ...entity.metadata,
          name: entity.metadata.name.toUpperCase(),
        },
      });
    }
    const draw = random();
    if (draw < 0.03) {
      entity.metadata.name = entity.metadata.name.toUpperCase();
    } else if (draw < 0.05) {
      entity.metadata.name = `${entity.metadata.name}\u03a3`;
    } else if (draw < 0.08) {
      entity.metadata.namespace = 'other';
    }
    const spec = entity.spec;
    if (spec.consumesApis?.length && random() < 0.1) {
      const first = spec.consumesApis[0];
      spec.consumesApis.push(first, `API:${first.toUpperCase()}`);
    }
    if (spec.dependsOn && random() < 0.1) {
      spec.dependsOn.unshift(
        `component:other/svc-${Math.floor(random() * 50)}`,
      );
    }
    if (random() < 0.02) {
      spec.providesApis = `api-${Math.floor(random() * 30)}`;
    }
  }
  return entities;
}

/** The first top-level report field whose JSON differs. */
function firstDifference(a, b) {
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) {
      return key;
    }
  }
  return '(key order)';
}

const ours = await bundle(
  join(root, 'plugins/domain-atlas-common/src/index.ts'),
);
const theirs = await bundle(resolve(args.source));
const options = { now: '2026-01-01' };
const catalogs = [];
for (const [size, seed] of [
  [1000, 1],
  [1000, 7],
  [10000, 42],
  [100000, 42],
]) {
  catalogs.push({
    name: `synthetic ${size} (seed ${seed})`,
    make: () => generateCatalog(size, seed),
  });
}
const random = prng(Number(args.seed));
for (let i = 0; i < Number(args.mutated); i++) {
  catalogs.push({
    name: `mutated #${i}`,
    make: () => mutatedCatalog(i, random),
  });
}

let differences = 0;
for (const { name, make } of catalogs) {
  const entities = make();
  const a = ours(structuredClone(entities), options);
  const b = theirs(structuredClone(entities), options);
  if (JSON.stringify(a) !== JSON.stringify(b)) {
    differences++;
    console.log(`different: ${name}: ${firstDifference(a, b)}`);
  }
}
console.log(
  `bench:compare: ${catalogs.length} catalogs, ${differences} with different reports`,
);
process.exit(differences > 0 ? 1 : 0);
