#!/usr/bin/env node
// Browser tests against the running demo, exactly as a user starts it.
//
// Starts `npm start` (the demo backend on :7007 and the frontend dev server
// on :3000) and `npm run start:legacy` (the legacy-frontend demo app on
// :3001), waits until the catalog has ingested the demo organisation,
// runs packages/app/e2e-tests/*.test.mjs with node's test runner (they drive
// Debian's chromium through playwright-core) and stops the demo. Then it
// starts the demo once more with demo.hideRestrictedEntities: true for the
// *.restricted.test.mjs files. Ends with `N passed, N failed`. Screenshots
// go to test-output/screenshots/.
//
// In the first run the demo reads one more catalog file besides the
// locations of app-config.yaml: an empty one in a temporary directory,
// named to the tests as E2E_CATALOG_FILE, that a test may add entities to
// (notifications.test.mjs does) and that is deleted at the end. Such tests
// run last, as the other tests count the demo's entities and findings.

import { execFile } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  killAllProcessGroups,
  startInBackground,
  stopProcessGroup,
} from './processes.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outputDir = join(root, 'test-output');
mkdirSync(join(outputDir, 'screenshots'), { recursive: true });

const backendUrl = 'http://localhost:7007';
const appUrl = 'http://localhost:3000';
const legacyAppUrl = 'http://localhost:3001';
const startupTimeoutMs = 8 * 60 * 1000;

function log(message) {
  console.log(`e2e: ${message}`);
}

async function isUp(url, init) {
  try {
    const response = await fetch(url, init);
    return response.ok ? response : undefined;
  } catch {
    return undefined;
  }
}

async function waitFor(description, probe, timeoutMs = startupTimeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) {
      return;
    }
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
  throw new Error(
    `timed out after ${timeoutMs / 1000}s waiting for ${description}`,
  );
}

async function guestToken() {
  // The auth backend only answers refreshes from browsers (XHR).
  const response = await isUp(`${backendUrl}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  const body = response ? await response.json() : undefined;
  return body?.backstageIdentity?.token;
}

/**
 * Whether the Domain Atlas backend's report, as the guest sees it, holds
 * the whole demo. A first report may be computed while the catalog is still
 * ingesting it (domains first, APIs later), so until everything is there,
 * ask for a refresh as a user would.
 */
async function demoAnalysed({ domains, contracts }) {
  const token = await guestToken();
  if (!token) {
    return false;
  }
  const headers = { authorization: `Bearer ${token}` };
  const count = async path => {
    const response = await isUp(`${backendUrl}/api/domain-atlas${path}`, {
      headers,
    });
    return response ? (await response.json()).items.length : 0;
  };
  const complete =
    (await count('/domains')) >= domains &&
    (await count('/contracts')) >= contracts;
  if (!complete) {
    await isUp(`${backendUrl}/api/domain-atlas/refresh`, {
      method: 'POST',
      headers,
    });
  }
  return complete;
}

/** Starts `npm run <script>` in its own process group, output to a log. */
function startScript(script, logName, env) {
  const logFile = join(outputDir, logName);
  rmSync(logFile, { force: true });
  return startInBackground('npm', ['run', script], {
    cwd: root,
    env: { BROWSER: 'none', ...env },
    logFile,
  });
}

/** The catalog locations of app-config.yaml, as the demo backend reads them. */
async function configuredLocations() {
  const { stdout } = await promisify(execFile)(
    'npx',
    ['backstage-cli', 'config:print', '--lax', '--format', 'json'],
    { cwd: root, maxBuffer: 16 * 1024 * 1024 },
  );
  return JSON.parse(stdout).catalog?.locations ?? [];
}

/**
 * The config of a demo that also reads `file`: Backstage reads
 * APP_CONFIG_<path> variables as config, and a list given so replaces the
 * configured one, so it repeats app-config.yaml's locations.
 */
async function withCatalogFile(file) {
  const locations = [
    ...(await configuredLocations()),
    { type: 'file', target: file },
  ];
  return { APP_CONFIG_catalog_locations: JSON.stringify(locations) };
}

const ports = [3000, 3001, 7007];
let servers = [];

/**
 * Stops the demo and waits until its ports are free: the next phase, and
 * the adopter test after this script, start a backend on :7007 too. The
 * backend shuts down gracefully on SIGTERM, which takes seconds; whatever
 * is left after the grace time gets SIGKILL.
 */
async function stopDemo() {
  await Promise.all(servers.map(server => stopProcessGroup(server, 20_000)));
  servers = [];
  await waitFor('the demo to stop', portsFree, 60_000);
}
process.on('exit', killAllProcessGroups);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => process.exit(130));
}

async function portsFree() {
  for (const port of ports) {
    if (await isUp(`http://localhost:${port}`)) {
      return false;
    }
  }
  return true;
}

if (!(await portsFree())) {
  console.error(
    `e2e: something already listens on :${ports.join(
      ', :',
    )}; stop it first (is \`npm start\` running?)`,
  );
  process.exit(1);
}

const testDir = join(root, 'packages/app/e2e-tests');
// `npm run test:e2e -- contracts dark` runs the files naming either word.
const only = process.argv.slice(2);
const testFiles = readdirSync(testDir)
  .filter(name => name.endsWith('.test.mjs'))
  .filter(name => only.length === 0 || only.some(word => name.includes(word)));

// Tests that add entities to the catalog file, and so findings to the
// demo: run after the tests that count them.
const changesCatalog = name => ['notifications.test.mjs'].includes(name);
const lastIfChangingCatalog = (a, b) =>
  Number(changesCatalog(a)) - Number(changesCatalog(b));

const catalogDir = mkdtempSync(join(tmpdir(), 'domain-atlas-e2e-'));
const catalogFile = join(catalogDir, 'catalog.yaml');
writeFileSync(
  catalogFile,
  '# Entities that browser tests add to the demo while they run (scripts/e2e.mjs).\n',
);
process.on('exit', () => rmSync(catalogDir, { recursive: true, force: true }));

// The demo organisation has 12 domains and 18 APIs (examples/README.md);
// with demo.hideRestrictedEntities the guest loses the Payments domain and
// its 2 APIs. `*.restricted.test.mjs` run against a demo started so.
const phases = [
  {
    title: 'the demo',
    files: testFiles
      .filter(name => !name.endsWith('.restricted.test.mjs'))
      .sort(lastIfChangingCatalog),
    env: {},
    catalogFile,
    expected: { domains: 12, contracts: 18 },
    legacyApp: true,
  },
  {
    title: 'the demo with demo.hideRestrictedEntities: true',
    files: testFiles.filter(name => name.endsWith('.restricted.test.mjs')),
    // Backstage reads APP_CONFIG_<path> variables as config.
    env: { APP_CONFIG_demo_hideRestrictedEntities: 'true' },
    expected: { domains: 11, contracts: 16 },
    legacyApp: false,
  },
];

let passed = 0;
let failed = 0;
for (const phase of phases.filter(p => p.files.length > 0)) {
  log(
    `starting ${phase.title} (npm start${
      phase.legacyApp ? ' and npm run start:legacy' : ''
    }); output in test-output/demo.log${
      phase.legacyApp ? ' and legacy-app.log' : ''
    }`,
  );
  try {
    await waitFor('the previous demo to stop', portsFree);
    const env = {
      ...phase.env,
      ...(phase.catalogFile ? await withCatalogFile(phase.catalogFile) : {}),
    };
    servers = [startScript('start', 'demo.log', env)];
    if (phase.legacyApp) {
      servers.push(startScript('start:legacy', 'legacy-app.log', env));
    }
    const started = Date.now();
    await waitFor('the backend on :7007', () =>
      isUp(`${backendUrl}/.backstage/health/v1/readiness`),
    );
    await waitFor(
      `Domain Atlas to analyse the demo (${phase.expected.domains} domains, ${phase.expected.contracts} APIs for the guest)`,
      () => demoAnalysed(phase.expected),
    );
    await waitFor('the frontend on :3000', () => isUp(appUrl));
    if (phase.legacyApp) {
      await waitFor('the legacy frontend on :3001', () => isUp(legacyAppUrl));
    }
    log(`demo up in ${Math.round((Date.now() - started) / 1000)}s`);

    const stream = run({
      files: phase.files.map(name => join(testDir, name)),
      concurrency: 1,
      timeout: 5 * 60 * 1000,
      env: {
        ...process.env,
        E2E_APP_URL: appUrl,
        E2E_LEGACY_APP_URL: legacyAppUrl,
        E2E_OUTPUT_DIR: outputDir,
        ...(phase.catalogFile ? { E2E_CATALOG_FILE: phase.catalogFile } : {}),
      },
    });
    stream.on('test:pass', event => {
      if (event.details.type !== 'suite') passed += 1;
    });
    stream.on('test:fail', event => {
      if (event.details.type !== 'suite') failed += 1;
    });
    await new Promise((resolve, reject) => {
      stream.compose(spec).pipe(process.stdout);
      stream.on('end', resolve);
      stream.on('error', reject);
    });
  } catch (error) {
    console.error(
      `e2e: ${phase.title}: ${error.message}; see test-output/demo.log and legacy-app.log`,
    );
    failed += 1;
  } finally {
    try {
      await stopDemo();
    } catch (error) {
      console.error(`e2e: ${error.message}`);
      failed += 1;
    }
  }
}

writeFileSync(
  join(outputDir, 'e2e-summary.json'),
  JSON.stringify({ passed, failed, skipped: 0 }),
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
