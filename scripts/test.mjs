#!/usr/bin/env node
// Runs every package's tests once (never watch mode) and ends with the line
// `N passed, N failed`, computed from jest's own JSON results.
//
// Extra arguments go to jest, e.g. `npm test -- plugins/domain-atlas-common`.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outputDir = join(root, 'test-output');
const resultsFile = join(outputDir, 'jest-results.json');
mkdirSync(outputDir, { recursive: true });
rmSync(resultsFile, { force: true });

// The store tests also run on PostgreSQL when a server is given (.ci/run
// starts one with scripts/start-postgres.sh). Without one they run on
// SQLite only: with CI set, Backstage's TestDatabases would otherwise try
// to start PostgreSQL in a container, and fail where there is no Docker.
const POSTGRES = 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';
const env = { ...process.env, CI: 'true' };
if (!env[POSTGRES]) {
  env.BACKSTAGE_TEST_DISABLE_DOCKER = 'true';
  console.log(
    `test: ${POSTGRES} is not set, so the store tests run on SQLite only; for PostgreSQL too: export ${POSTGRES}=$(bash scripts/start-postgres.sh)`,
  );
}

const run = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules/@backstage/cli/bin/backstage-cli'),
    'repo',
    'test',
    '--json',
    `--outputFile=${resultsFile}`,
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit', env },
);

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  passed = results.numPassedTests;
  failed = results.numFailedTests;
  skipped = results.numPendingTests + results.numTodoTests;
  // A suite that fails to load (syntax or import error) has no test results
  // but is still a failure.
  failed += results.testResults.filter(
    suite => suite.status === 'failed' && suite.assertionResults.length === 0,
  ).length;
} catch (error) {
  console.error(`test: no jest results in ${resultsFile}: ${error}`);
  failed += 1;
}
if (run.status !== 0 && failed === 0) {
  // jest failed without a failed test (e.g. a crash, or a coverage gate).
  failed = 1;
}

writeFileSync(
  join(outputDir, 'unit-summary.json'),
  JSON.stringify({ passed, failed, skipped }),
);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
