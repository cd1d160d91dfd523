#!/usr/bin/env node
// Prints CI's closing `N passed, N failed` line: the unit, browser and
// adopter test results (test-output/{unit,e2e,adopter}-summary.json, written
// by scripts/test.mjs, scripts/e2e.mjs and scripts/adopter/run.mjs) plus
// CI's other checks (type check, API reports, lint, prettier), each of
// which counts as one.
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
  `other checks (tsc, API reports, lint, prettier): ${passed} passed, ${failed} failed`,
);
for (const name of ['unit', 'e2e', 'adopter']) {
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
