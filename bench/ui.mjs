#!/usr/bin/env node
// npm run bench:ui — time to interactive of the Domains tab of the Domain
// Atlas page with 1,000 synthetic domains, in a real browser (Debian's
// chromium through playwright-core) against a real backend.
//
// 1. Writes a seeded synthetic catalog with 1,000 domains (the Groups,
//    Domains and Systems of bench/syntheticCatalog.mjs at 60,000 entities,
//    plus every 10th component without its relations, so that domains have
//    repositories and findings) to .cache/bench/.
// 2. Builds the demo app (packages/app) for production, as a copy in
//    .cache/bench/app so that packages/app/dist stays untouched, with a
//    config pointing it at the benchmark's backend (--dev: the
//    development server instead, as `npm start` serves it).
// 3. Starts the demo backend (packages/backend) on that catalog, waits
//    until the catalog holds it and Domain Atlas has analysed it.
// 4. In chromium, signs in as a guest once, then per run opens
//    /domain-atlas in a new page and measures, in the page: when the
//    GET /domains answer arrived and when the table shows its first page
//    of domains (from navigation start); how long the table takes to show
//    an owner team's domains after the owner select's change event; and
//    how long it takes to show the matches of a search after the last
//    keystroke's input event. Time to interactive = first page + owner
//    filter. A warm-up run, then the runs; prints each run and the
//    medians.
//
// Ports 3027 and 7027 (not the demo's 3000/7007), so it runs next to
// `npm start` and the browser tests. Options: --runs N (default 7),
// --app-port N, --backend-port N, --dev, --skip-build (reuse the last
// production build), --profile (a CPU profile of the owner filter in the
// last run, in .cache/bench/profiles/).

import { spawn } from 'node:child_process';
import {
  cpSync,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { generateCatalog } from './syntheticCatalog.mjs';
import { waitFor } from './waitFor.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    'app-port': { type: 'string', default: '3027' },
    'backend-port': { type: 'string', default: '7027' },
    dev: { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
  },
});
const runs = Number(args.runs);
const appPort = Number(args['app-port']);
const backendPort = Number(args['backend-port']);
const appUrl = `http://localhost:${appPort}`;
const backendUrl = `http://localhost:${backendPort}`;
const DOMAINS = 1000;

const workDir = join(root, '.cache', 'bench');
mkdirSync(workDir, { recursive: true });
const log = message => console.log(`bench:ui: ${message}`);
const children = [];
const stopAll = () => {
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already stopped
    }
  }
};
process.on('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => process.exit(130));
}

// 1. The catalog: 1,000 domains (60,000 entities / 60 per domain), with
// their groups and systems and a tenth of the components, so the catalog
// takes a minute or two to process rather than a quarter of an hour.
const generated = generateCatalog(60_000, 42);
let componentIndex = 0;
const entities = generated.flatMap(entity => {
  if (['Group', 'Domain', 'System'].includes(entity.kind)) return [entity];
  if (entity.kind !== 'Component' || componentIndex++ % 10 !== 0) return [];
  const { providesApis, consumesApis, dependsOn, ...spec } = entity.spec;
  return [{ ...entity, spec }];
});
const domainCount = entities.filter(e => e.kind === 'Domain').length;
const catalogFile = join(workDir, 'catalog-ui.yaml');
writeFileSync(
  catalogFile,
  entities.map(e => JSON.stringify(e)).join('\n---\n'),
);
log(`catalog: ${entities.length} entities, ${domainCount} domains`);

// The config, on top of app-config.yaml (JSON is YAML).
const configFile = join(workDir, 'app-config.bench-ui.yaml');
writeFileSync(
  configFile,
  JSON.stringify({
    app: { baseUrl: appUrl, listen: { port: appPort } },
    backend: {
      baseUrl: backendUrl,
      listen: { port: backendPort },
      cors: { origin: appUrl, credentials: true },
      database: { client: 'better-sqlite3', connection: ':memory:' },
    },
    catalog: {
      locations: [{ type: 'file', target: catalogFile }],
      processingInterval: { minutes: 30 },
    },
    // Analyse when the benchmark asks, not during the measurement.
    domainAtlas: {
      schedule: {
        frequency: { hours: 24 },
        timeout: { minutes: 30 },
        initialDelay: { hours: 24 },
      },
      contractHistory: { backfill: [] },
    },
  }),
);
const configArgs = [
  '--config',
  join(root, 'app-config.yaml'),
  '--config',
  configFile,
];

function start(name, cwd, cliArgs) {
  const output = createWriteStream(join(workDir, `${name}.log`));
  const child = spawn(
    process.execPath,
    [join(root, 'node_modules/@backstage/cli/bin/backstage-cli'), ...cliArgs],
    {
      cwd,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, BROWSER: 'none' },
    },
  );
  child.stdout.pipe(output);
  child.stderr.pipe(output);
  children.push(child);
  return child;
}

function finished(child, what) {
  return new Promise((resolve, reject) => {
    child.on('exit', code =>
      code === 0
        ? resolve()
        : reject(new Error(`${what} failed (exit ${code})`)),
    );
  });
}

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain',
};

/** Serves a built app: its files, and index.html for every other path. */
function serveStatic(dir, port) {
  const server = createServer((req, res) => {
    const path = normalize(
      decodeURIComponent(new URL(req.url, appUrl).pathname),
    );
    let file = join(dir, path);
    if (
      !file.startsWith(dir) ||
      !existsSync(file) ||
      statSync(file).isDirectory()
    ) {
      file = join(dir, 'index.html');
    }
    res.writeHead(200, {
      'content-type':
        CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': file.includes('/static/')
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise(resolve => server.listen(port, () => resolve(server)));
}

const median = values => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = value => `${Math.round(value)} ms`;

let browser;
let server;
try {
  // 2. The frontend.
  const appDir = join(workDir, 'app');
  if (args.dev) {
    log(
      `starting the app's development server on :${appPort} (.cache/bench/app.log)`,
    );
    start('app', join(root, 'packages/app'), [
      'package',
      'start',
      ...configArgs,
    ]);
  } else {
    if (!args['skip-build'] || !existsSync(join(appDir, 'dist/index.html'))) {
      log(
        'building the app for production (.cache/bench/app-build.log), a few minutes',
      );
      rmSync(appDir, { recursive: true, force: true });
      mkdirSync(appDir, { recursive: true });
      for (const part of ['package.json', 'src', 'public']) {
        cpSync(join(root, 'packages/app', part), join(appDir, part), {
          recursive: true,
        });
      }
      const started = Date.now();
      await finished(
        start('app-build', appDir, ['package', 'build', ...configArgs]),
        'the app build',
      );
      log(`built in ${Math.round((Date.now() - started) / 1000)} s`);
    }
    server = await serveStatic(join(appDir, 'dist'), appPort);
    log(`serving the production build on :${appPort}`);
  }

  // 3. The backend, the catalog and the analysis.
  log(
    `starting packages/backend on :${backendPort} (.cache/bench/backend-ui.log)`,
  );
  start('backend-ui', join(root, 'packages/backend'), [
    'package',
    'start',
    ...configArgs,
  ]);
  const token = () =>
    fetch(`${backendUrl}/api/auth/guest/refresh`, {
      headers: { 'x-requested-with': 'XMLHttpRequest' },
    })
      .then(response => response.json())
      .then(body => body.backstageIdentity.token);
  const get = async (path, init = {}) => {
    const response = await fetch(`${backendUrl}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${await token()}` },
    });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return response.json();
  };
  await waitFor('the backend', token, 5 * 60_000);
  const ingestStarted = Date.now();
  await waitFor(
    `the catalog to hold ${entities.length} entities`,
    async () =>
      (
        await get(
          '/api/catalog/entities/by-query?limit=1&filter=kind=component,kind=domain,kind=system,kind=group',
        )
      ).totalItems >= entities.length,
    30 * 60_000,
  );
  log(
    `catalog processed in ${Math.round((Date.now() - ingestStarted) / 1000)} s`,
  );
  const refresh = await get('/api/domain-atlas/refresh', { method: 'POST' });
  log(
    `analysis: ${refresh.domainCount} domains, ${refresh.findingCount} findings in ${refresh.durationMs} ms`,
  );
  const { items } = await get('/api/domain-atlas/domains');
  if (items.length !== DOMAINS) {
    throw new Error(
      `expected ${DOMAINS} domains, the backend has ${items.length}`,
    );
  }
  // The owner to filter by: the team owning the most domains.
  const perOwner = new Map();
  for (const domain of items) {
    if (domain.owner)
      perOwner.set(domain.owner, (perOwner.get(domain.owner) ?? 0) + 1);
  }
  const [owner, ownedCount] = [...perOwner].sort((a, b) => b[1] - a[1])[0];
  const searchText = 'domain-99';
  const searchCount = items.filter(
    d => d.title.includes(searchText) || d.ref.includes(searchText),
  ).length;

  // 4. The browser.
  if (args.dev) {
    await waitFor(
      'the development server',
      () => fetch(appUrl).then(r => r.ok),
      10 * 60_000,
    );
  }
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  const context = await browser.newContext({
    viewport: { width: 1400, height: 1000 },
  });
  // Timestamps of the latest change and input events, for the timings.
  await context.addInitScript(() => {
    window.__benchEvents = { change: NaN, input: NaN };
    for (const type of ['change', 'input']) {
      document.addEventListener(
        type,
        () => {
          window.__benchEvents[type] = performance.now();
        },
        true,
      );
    }
  });
  {
    // Sign in once; later pages sign in on their own (the app's
    // SignInPage remembers the guest provider).
    const page = await context.newPage();
    await page.goto(`${appUrl}/domain-atlas`);
    const enter = page.getByRole('button', { name: 'Enter' });
    const title = page.getByText(`Domains (${DOMAINS})`);
    await enter
      .or(title)
      .first()
      .waitFor({ timeout: 5 * 60_000 });
    if (await enter.isVisible()) await enter.click();
    await title.waitFor({ timeout: 5 * 60_000 });
    await page.close();
  }

  const results = [];
  for (let run = 0; run <= runs; run++) {
    const page = await context.newPage();
    await page.goto(`${appUrl}/domain-atlas`, { waitUntil: 'commit' });
    // Navigation start → the first page of domains is in the table
    // (polled every animation frame, timed in the page).
    const firstPage = await (
      await page.waitForFunction(
        count => {
          const rows = document.querySelectorAll(
            'tbody tr a[href^="/catalog/default/domain/"]',
          );
          const title = [...document.querySelectorAll('h2, h5, h6')].some(
            h => h.textContent === `Domains (${count})`,
          );
          return title && rows.length >= 20 ? performance.now() : false;
        },
        DOMAINS,
        { polling: 'raf', timeout: 120_000 },
      )
    ).jsonValue();
    const waitForTitle = async text =>
      (
        await page.waitForFunction(
          expected =>
            [...document.querySelectorAll('h2, h5, h6')].some(
              h => h.textContent === expected,
            )
              ? performance.now()
              : false,
          text,
          { polling: 'raf', timeout: 60_000 },
        )
      ).jsonValue();

    // When the list of domains arrived, from the browser's resource timing.
    const domainsAnswered = await page.evaluate(
      () =>
        performance
          .getEntriesByType('resource')
          .find(entry => entry.name.endsWith('/api/domain-atlas/domains'))
          ?.responseEnd ?? NaN,
    );

    // Choose the owner team → the table shows its domains. Timed in the
    // page from the select's change event, so the automation's own
    // latency does not count.
    const ownerSelect = page.getByRole('combobox', { name: 'Owner team' });
    const profiler =
      args.profile && run === runs ? await context.newCDPSession(page) : null;
    if (profiler) {
      await browser.startTracing(page, {
        path: join(workDir, 'profiles', 'ui-owner-filter.trace.json'),
        categories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
        ],
      });
      await profiler.send('Profiler.enable');
      await profiler.send('Profiler.setSamplingInterval', { interval: 100 });
      await profiler.send('Profiler.start');
    }
    await ownerSelect.selectOption(owner);
    const filtered = await waitForTitle(
      `Domains (${ownedCount} of ${DOMAINS})`,
    );
    if (profiler) {
      const { profile } = await profiler.send('Profiler.stop');
      await browser.stopTracing();
      const file = join(workDir, 'profiles', 'ui-owner-filter.cpuprofile');
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(profile));
      log(
        `CPU profile and trace of the owner filter: ${file}, ui-owner-filter.trace.json`,
      );
    }
    const changed = await page.evaluate(() => window.__benchEvents.change);
    await ownerSelect.selectOption('');
    await waitForTitle(`Domains (${DOMAINS})`);

    // Type a search, key by key → the table shows the matches; timed from
    // the last keystroke's input event.
    const search = page.getByRole('searchbox', { name: 'Search domains' });
    await search.click();
    await search.pressSequentially(searchText);
    const searched = await waitForTitle(
      `Domains (${searchCount} of ${DOMAINS})`,
    );
    const typed = await page.evaluate(() => window.__benchEvents.input);
    await page.close();

    const result = {
      domainsAnswered,
      firstPage,
      filter: filtered - changed,
      tti: firstPage + (filtered - changed),
      search: searched - typed,
    };
    log(
      `${run === 0 ? 'warm-up' : `run ${run}`}: domains answered at ${ms(
        result.domainsAnswered,
      )}, first page shown at ${ms(result.firstPage)}, owner filter ${ms(
        result.filter,
      )} (interactive at ${ms(result.tti)}), search after the last key ${ms(
        result.search,
      )}`,
    );
    if (run > 0) results.push(result);
  }
  const m = key => median(results.map(result => result[key]));
  log(
    `median of ${runs} runs, ${DOMAINS} domains, ${
      args.dev ? 'development server' : 'production build'
    }: GET /domains answered at ${ms(
      m('domainsAnswered'),
    )}, first page of the Domains tab shown at ${ms(
      m('firstPage'),
    )} after navigation start; owner filter answered in ${ms(
      m('filter'),
    )} (time to interactive ${ms(m('tti'))}); search answered ${ms(
      m('search'),
    )} after the last keystroke`,
  );
} catch (error) {
  console.error(`bench:ui: ${error.stack}`);
  process.exitCode = 1;
} finally {
  await browser?.close();
  server?.close();
  stopAll();
}
