#!/usr/bin/env node
// The adopter test: proves that a Backstage adopter can install our plugins
// into a fresh app of today's Backstage line, as our README tells them to.
//
//   1. build and pack our four plugin packages; every entry point their
//      package.json files name must be in the tarballs (pack-plugins.mjs)
//   2. render create-app's default template with its own binary
//      (create-app.mjs)
//   3. make it install under npm on the newest Backstage line and install
//      it; one copy each of frontend-plugin-api and catalog-react
//      (npm-template.mjs, package-copies.mjs)
//   4. add Domain Atlas as the README says and install our tarballs
//      (add-domain-atlas.mjs)
//   5. type-check the app and our entry points in it (type-check.mjs),
//      build its frontend for production, start its backend, which serves
//      that build (backend.mjs)
//   6. GET /api/domain-atlas/domains lists the demo domains (backend.mjs)
//   7. /domain-atlas in chromium shows them (browser.mjs)
//
// Each numbered check counts as one in the closing `N passed, N failed`
// line (CI reads it; also written to test-output/adopter-summary.json). A
// check whose prerequisite failed is not run and counts as failed. Logs and
// the screenshot go to test-output/adopter/; the app stays in
// $TMPDIR/domain-atlas-adopter/app until the next run, for inspection (not
// under this repository: its node_modules would be visible to the app and
// hide a dependency our packages forget to declare).
//
// Environment: ADOPTER_PORT (default 7007), ADOPTER_WORK_DIR,
// ADOPTER_CREATE_APP_VERSION (default: the newest on the registry),
// CHROMIUM_PATH (default /usr/bin/chromium).

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addDomainAtlas } from './add-domain-atlas.mjs';
import {
  assertServesFrontend,
  isListening,
  pluginProblems,
  startBackend,
  waitForDemoDomains,
} from './backend.mjs';
import { checkDomainAtlasPage } from './browser.mjs';
import { createAppVersion, renderTemplate } from './create-app.mjs';
import { adaptTemplate, npmInstall } from './npm-template.mjs';
import { buildAndPack, verifyEntryPoints } from './pack-plugins.mjs';
import { assertSingleCopies } from './package-copies.mjs';
import {
  killAllProcessGroups,
  runCommand,
  stopAllProcessGroups,
  stopProcessGroup,
} from '../processes.mjs';
import { typeCheckEntryPoints } from './type-check.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');
const outputDir = join(repoRoot, 'test-output/adopter');
const workDir =
  process.env.ADOPTER_WORK_DIR ?? join(tmpdir(), 'domain-atlas-adopter');
const appDir = join(workDir, 'app');
const tarballDir = join(workDir, 'tarballs');
const port = Number(process.env.ADOPTER_PORT ?? 7007);

const MINUTE = 60_000;
/** The numbered checks; each counts as one in `N passed, N failed`. */
const CHECKS = 7;
const started = Date.now();
const seconds = since => `${Math.round((Date.now() - since) / 1000)}s`;
const log = message => console.log(`adopter: ${message}`);

const results = [];
let backend;

/**
 * Runs check `number` unless one of `needs` (check numbers) did not pass.
 * Logs its start, its own lines (through the `log` it gets) and its result
 * with the time it took; returns its value, or undefined when it failed.
 */
async function check(number, title, needs, body) {
  const failedNeeds = needs.filter(
    need => !results.find(result => result.number === need)?.passed,
  );
  log(`[${number}/${CHECKS}] ${title}`);
  const stepStarted = Date.now();
  if (failedNeeds.length > 0) {
    const reason = `not run: check ${failedNeeds.join(', ')} did not pass`;
    log(`[${number}/${CHECKS}] FAILED (${reason})`);
    results.push({ number, title, passed: false, time: '-' });
    return undefined;
  }
  try {
    const value = await body(line => log(`    ${line}`));
    log(`[${number}/${CHECKS}] passed in ${seconds(stepStarted)}`);
    results.push({ number, title, passed: true, time: seconds(stepStarted) });
    return value;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log(
      `[${number}/${CHECKS}] FAILED after ${seconds(stepStarted)}:\n${reason}`,
    );
    results.push({ number, title, passed: false, time: seconds(stepStarted) });
    return undefined;
  }
}

/** Times a part of a check and logs it. */
async function timed(stepLog, what, body) {
  const partStarted = Date.now();
  const value = await body();
  stepLog(`${what} (${seconds(partStarted)})`);
  return value;
}

async function stopBackend() {
  if (backend) {
    await stopProcessGroup(backend.backend);
    backend = undefined;
  }
}

// Ctrl-C or CI's timeout: stop whatever runs (npm, the backend) with all
// its children, then exit; and no child outlives the test in any case.
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    interrupted = true;
    log(`${signal}: stopping; the app stays in ${appDir}`);
    await stopAllProcessGroups();
    process.exit(130);
  });
}
process.on('exit', killAllProcessGroups);

/** Prints each check's result and CI's closing line; exits. */
function finish() {
  const passed = results.filter(result => result.passed).length;
  const failed = CHECKS - passed;
  log(
    `done in ${seconds(started)}${
      results.length > 0 ? `; the app stays in ${appDir}` : ''
    }`,
  );
  for (const { number, title, passed: ok, time } of results) {
    log(
      `  ${number}. ${ok ? 'passed' : 'FAILED'} ${time.padStart(5)}  ${title}`,
    );
  }
  mkdirSync(outputDir, { recursive: true });
  writeFileSync(
    join(repoRoot, 'test-output/adopter-summary.json'),
    `${JSON.stringify({ passed, failed, skipped: 0 })}\n`,
  );
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(interrupted ? 130 : failed > 0 ? 1 : 0);
}

// The backend needs its port; finding it taken after minutes of installing
// helps nobody (a demo started with `npm start` listens on 7007 too).
if (await isListening(`http://localhost:${port}`)) {
  log(
    `something already listens on :${port} (a Backstage started with \`npm start\`?); stop it first, or set ADOPTER_PORT`,
  );
  finish();
}

rmSync(outputDir, { recursive: true, force: true });
mkdirSync(outputDir, { recursive: true });
for (const dir of [appDir, tarballDir]) {
  rmSync(dir, { recursive: true, force: true });
}
mkdirSync(tarballDir, { recursive: true });
log(`app: ${appDir}`);
log(`logs and screenshot: ${outputDir}`);

try {
  const tarballs = await check(
    1,
    'build and pack our plugins; every entry point is in its tarball',
    [],
    async stepLog => {
      const packed = await buildAndPack({
        repoRoot,
        destDir: tarballDir,
        logDir: outputDir,
        log: stepLog,
      });
      for (const line of verifyEntryPoints(packed)) {
        stepLog(line);
      }
      return packed;
    },
  );

  await check(2, "render create-app's default template", [], async stepLog => {
    const version = await createAppVersion({ logDir: outputDir });
    await renderTemplate({ version, appDir, workDir, logDir: outputDir });
    stepLog(`@backstage/create-app@${version} rendered into ${appDir}`);
  });

  await check(
    3,
    'the template under npm on the newest Backstage line: install, one copy of the shared packages',
    [2],
    async stepLog => {
      await timed(stepLog, 'template changed for npm', () =>
        adaptTemplate({ appDir, logDir: outputDir, log: stepLog }),
      );
      await timed(stepLog, 'npm install (log: npm-install-template.log)', () =>
        npmInstall({
          appDir,
          logDir: outputDir,
          logName: 'npm-install-template.log',
        }),
      );
      for (const line of assertSingleCopies(appDir)) {
        stepLog(line);
      }
    },
  );

  const demoDomains = await check(
    4,
    'add Domain Atlas as the README says; install our tarballs',
    [1, 3],
    async stepLog => {
      const domains = addDomainAtlas({ appDir, repoRoot, tarballs });
      stepLog(
        'app and backend packages, backend.add(…), app-config.yaml, examples/domain-atlas/',
      );
      await timed(
        stepLog,
        'npm install (log: npm-install-domain-atlas.log)',
        () =>
          npmInstall({
            appDir,
            logDir: outputDir,
            logName: 'npm-install-domain-atlas.log',
          }),
      );
      for (const line of assertSingleCopies(appDir)) {
        stepLog(line);
      }
      return domains;
    },
  );

  await check(
    5,
    'type-check the app, build its frontend, start its backend serving that build',
    [4],
    async stepLog => {
      await timed(stepLog, 'npm run tsc:full (log: tsc.log)', () =>
        runCommand('npm', ['run', 'tsc:full'], {
          cwd: appDir,
          logFile: join(outputDir, 'tsc.log'),
          timeoutMs: 10 * MINUTE,
        }),
      );
      await timed(
        stepLog,
        'our entry points type-check in the app (log: tsc-entry-points.log)',
        () => typeCheckEntryPoints({ appDir, logDir: outputDir }),
      );
      await timed(
        stepLog,
        'packages/app: npm run build (log: app-build.log)',
        () =>
          runCommand('npm', ['run', 'build'], {
            cwd: join(appDir, 'packages/app'),
            logFile: join(outputDir, 'app-build.log'),
            timeoutMs: 15 * MINUTE,
          }),
      );
      backend = await timed(
        stepLog,
        `backend ready on :${port} (log: backend.log)`,
        () =>
          startBackend({
            appDir,
            port,
            logDir: outputDir,
            timeoutMs: 5 * MINUTE,
          }),
      );
      const script = await assertServesFrontend(backend.baseUrl);
      stepLog(`the backend serves the built frontend (${script})`);
    },
  );

  await check(
    6,
    'GET /api/domain-atlas/domains lists the demo domains',
    [5],
    async stepLog => {
      const items = await waitForDemoDomains({
        baseUrl: backend.baseUrl,
        expected: demoDomains,
        timeoutMs: 5 * MINUTE,
      });
      stepLog(
        `${items.length} domains: ${items.map(item => item.title).join(', ')}`,
      );
      const problems = pluginProblems(backend.logFile, 'domain-atlas');
      stepLog(
        `${problems.length} warnings or errors of domain-atlas in backend.log`,
      );
      for (const line of problems.slice(0, 10)) {
        stepLog(`  ${line}`);
      }
    },
  );

  await check(
    7,
    '/domain-atlas in chromium shows the demo domains',
    [5],
    async stepLog => {
      const { screenshot, consoleErrors } = await checkDomainAtlasPage({
        baseUrl: backend.baseUrl,
        titles: demoDomains.map(domain => domain.title),
        outputDir,
        timeoutMs: 2 * MINUTE,
      });
      stepLog(`screenshot: ${screenshot}`);
      stepLog(`${consoleErrors.length} console errors (browser-console.log)`);
      for (const line of consoleErrors.slice(0, 10)) {
        stepLog(`  ${line.split('\n')[0]}`);
      }
    },
  );
} finally {
  await stopBackend();
}

finish();
