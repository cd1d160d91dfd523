#!/usr/bin/env node
// Prints CI's closing `N passed, N failed` line: the unit and browser test
// results (test-output/{unit,e2e}-summary.json, written by scripts/test.mjs
// and scripts/e2e.mjs) plus CI's other checks (type check, lint, prettier),
// each of which counts as one.
//
// Usage: node scripts/summary.mjs <other checks passed> <other checks failed>

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const outputDir = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'test-output',
);
const [checksPassed, checksFailed] = process.argv.slice(2).map(Number);

let passed = checksPassed || 0;
let failed = checksFailed || 0;
let skipped = 0;
console.log(
  `other checks (tsc, lint, prettier): ${passed} passed, ${failed} failed`,
);
for (const name of ['unit', 'e2e']) {
  const file = join(outputDir, `${name}-summary.json`);
  if (!existsSync(file)) {
    console.log(`${name} tests: no results (${file} is missing)`);
    failed += 1;
    continue;
  }
  const summary = JSON.parse(readFileSync(file, 'utf8'));
  console.log(
    `${name} tests: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`,
  );
  passed += summary.passed;
  failed += summary.failed;
  skipped += summary.skipped;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
