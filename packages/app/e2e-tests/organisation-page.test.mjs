// Browser test of the organisation page's tabs (Teams, Migration, Rules,
// Failure isolation) in the running demo (started by scripts/e2e.mjs),
// against the demo organisation of examples/README.md.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { targetStatusToday } from './realClock.mjs';
import { appUrl, openBrowser, screenshots, signInAsGuest } from './browser.mjs';

describe('Domain Atlas organisation page', () => {
  let browser;
  let page;
  let consoleErrors = [];

  before(async () => {
    ({ browser, page, consoleErrors } = await openBrowser());
  });

  after(async () => {
    await browser?.close();
  });

  async function openTab(path, ready) {
    await page.goto(`${appUrl}/domain-atlas${path}`);
    await signInAsGuest(page, ready);
    await ready.waitFor({ timeout: 120_000 });
  }

  // Entity links show the entity's title once it has loaded, so find them
  // by where they lead.
  const entityLink = (kind, name) =>
    page.locator(`a[href="/catalog/default/${kind}/${name}"]`);

  const rowWithHeader = (table, name) =>
    table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name, exact: true }) });

  it('shows who owns which domain, directly or through sub-teams, on the Teams tab', async () => {
    const matrix = page.getByRole('table', { name: 'Ownership matrix' });
    await openTab('/teams', matrix);
    assert.equal(
      await page
        .getByRole('tab', { name: 'Teams' })
        .getAttribute('aria-selected'),
      'true',
    );

    const columns = await matrix.getByRole('columnheader').allInnerTexts();
    const column = name => columns.findIndex(text => text.startsWith(name));
    const cells = async team =>
      rowWithHeader(matrix, team).getByRole('cell').allInnerTexts();

    // checkout is owned by checkout-squad, so orders-team owns it through it.
    const checkout = column('Checkout') - 1;
    assert.equal((await cells('Orders Team'))[checkout], 'via Checkout Squad');
    assert.equal((await cells('Checkout Squad'))[checkout], 'owns');
    assert.equal((await cells('Orders Team'))[column('Orders') - 1], 'owns');
    // Shared ownership: a growth-team component inside notifications.
    assert.match(columns[column('Notifications')], /shared/);
    assert.equal(
      (await cells('Growth Team'))[column('Notifications') - 1],
      'owns entities in it',
    );
    await page
      .getByText(
        /Notifications is owned by .*, but Growth Team owns entities in it/,
      )
      .waitFor();
    assert.equal(
      await rowWithHeader(matrix, 'Orders Team')
        .getByRole('link', { name: 'Orders Team' })
        .getAttribute('href'),
      '/catalog/default/group/orders-team',
    );

    await page.screenshot({
      path: join(screenshots, 'organisation-teams.png'),
      fullPage: true,
    });
  });

  it('shows the migration board and the burn-up on the Migration tab', async () => {
    const physical = page.getByRole('region', {
      name: 'Phase 3 · Physical repo split',
    });
    await openTab('/migration', physical);

    const orders = physical.getByRole('article', {
      name: 'Orders',
      exact: true,
    });
    await orders.waitFor();
    assert.match(await orders.innerText(), /Declared 3, evidence 3/);
    assert.match(
      await orders.innerText(),
      /Strangler coverage 97% \(decommission at 95%\): ready to decommission/,
    );
    assert.equal(
      await orders.getByLabel(/^Step \d, .*: done$/).count(),
      4,
      'orders has done all four playbook steps',
    );

    const monorepo = page.getByRole('region', { name: 'Phase 0 · Monorepo' });
    const coupons = monorepo.getByRole('article', { name: 'Coupons' });
    assert.match(await coupons.innerText(), /Target 1 by 2026-09-30/);
    assert.match(await coupons.innerText(), /overdue/);

    const payments = page
      .getByRole('region', { name: 'Phase 2 · Logical split' })
      .getByRole('article', { name: 'Payments' });
    assert.match(
      await payments.innerText(),
      new RegExp(targetStatusToday('2026-12-15')),
    );
    await payments.getByLabel('Step 3, Database joins cut: not yet').waitFor();

    const burnUp = page.getByRole('img', {
      name: /^Burn-up of domains per phase; latest, \d{4}-\d\d-\d\d: 2 in phase 3, 5 in phase 2, 2 in phase 1, 3 in phase 0$/,
    });
    await burnUp.waitFor();
    assert.ok(
      (await burnUp
        .locator('svg .recharts-rectangle, svg .recharts-area')
        .count()) > 0,
      'the chart draws bars or areas',
    );

    await page.screenshot({
      path: join(screenshots, 'organisation-migration.png'),
      fullPage: true,
    });
    await burnUp.scrollIntoViewIfNeeded();
    await page.screenshot({
      path: join(screenshots, 'organisation-migration-burn-up.png'),
    });
  });

  it('groups the findings by rule on the Rules tab, waived ones with their reason', async () => {
    const datastore = page.getByRole('region', {
      name: /\(own-datastore\)$/,
    });
    await openTab('/rules', datastore);

    const waived = datastore
      .getByRole('row')
      .filter({ has: entityLink('component', 'catalog-reporting') });
    await waived
      .getByText('Waived: read replica for reporting (until 2027-06-30)')
      .waitFor();
    assert.match(await waived.innerText(), /error, waived/);
    assert.equal(
      await waived.locator(entityLink('resource', 'inventory-db')).count(),
      1,
    );
    const open = datastore
      .getByRole('row')
      .filter({ has: entityLink('resource', 'acme-legacy-db') });
    assert.equal(await open.count(), 1);

    await page
      .getByRole('region', { name: 'No shared ownership (single-owner)' })
      .locator(entityLink('component', 'marketing-email-sender'))
      .waitFor();

    await page.screenshot({
      path: join(screenshots, 'organisation-rules.png'),
      fullPage: true,
    });
  });

  it("shows the adopter's own rules on the Rules tab: the demo's module rule and config rule", async () => {
    // runbook-link comes from the example backend module wired into the
    // demo backend, deployable-in-system from app-config.yaml.
    const runbook = page.getByRole('region', { name: /\(runbook-link\)$/ });
    await openTab('/rules', runbook);
    assert.match(
      await runbook.getByRole('heading').first().innerText(),
      /You build it, you run it/,
    );
    await runbook
      .locator(entityLink('component', 'checkout-orchestrator'))
      .first()
      .waitFor();
    // A service with a runbook link is not named.
    assert.equal(
      await runbook.locator(entityLink('component', 'orders-service')).count(),
      0,
    );

    const inSystem = page.getByRole('region', {
      name: /\(deployable-in-system\)$/,
    });
    await inSystem
      .locator(entityLink('component', 'coupons-service'))
      .first()
      .waitFor();
  });

  it("lists the waivers with their end on the Rules tab's Waivers view", async () => {
    const waivers = page.getByRole('tab', { name: 'Waivers' });
    await openTab('/rules', waivers);
    await waivers.click();
    assert.equal(await waivers.getAttribute('aria-selected'), 'true');
    assert.match(new URL(page.url()).search, /view=waivers/);

    const panel = page.getByRole('tabpanel');
    // The demo backend analyses with the real date: days left, "expires
    // soon" and even whether the search waiver has expired depend on when
    // this runs, so only what the catalog says is asserted.
    const row = entity =>
      panel.getByRole('row').filter({ has: entityLink('component', entity) });
    const reporting = row('catalog-reporting');
    await reporting.waitFor({ timeout: 60_000 });
    const reportingText = await reporting.innerText();
    assert.match(reportingText, /own-datastore/);
    assert.match(reportingText, /read replica for reporting/);
    assert.match(reportingText, /2027-06-30/);
    const indexerText = await row('search-indexer').innerText();
    assert.match(indexerText, /repo-per-service/);
    assert.match(
      indexerText,
      /moves to a repository of its own with the indexer rewrite/,
    );
    assert.match(indexerText, /2026-12-15/);
    assert.equal(
      await reporting.locator(entityLink('group', 'catalog-team')).count(),
      1,
    );

    // No focus or click ripple on the tab in the docs' screenshot.
    await waivers.evaluate(tab => tab.blur());
    await page.mouse.move(0, 0);
    await waivers
      .locator('.MuiTouchRipple-child')
      .first()
      .waitFor({ state: 'detached' });
    await page.screenshot({
      path: join(screenshots, 'organisation-waivers.png'),
      fullPage: true,
    });
  });

  it('shows what each outage blocks or delays on the Failure isolation tab', async () => {
    const matrix = page.getByRole('table', {
      name: 'Failure-isolation matrix',
    });
    await openTab('/isolation', matrix);

    const columns = await matrix.getByRole('columnheader').allInnerTexts();
    const cell = async (down, affected) =>
      (await rowWithHeader(matrix, down).getByRole('cell').allInnerTexts())[
        columns.indexOf(affected) - 1
      ];
    // Payments down blocks checkout (gRPC) and only delays orders (events).
    assert.equal(await cell('Payments', 'Checkout'), 'blocked');
    assert.equal(await cell('Payments', 'Orders'), 'delayed');
    assert.equal(await cell('Notifications', 'Orders'), '');
    assert.equal(
      await rowWithHeader(matrix, 'Payments')
        .getByTitle('Payments → Checkout')
        .innerText(),
      'blocked',
    );

    // Most dangerous first: inventory blocks checkout and shipping (at
    // least), notifications blocks no one.
    const radius = page.getByRole('table', { name: 'Blast radius' });
    const rows = (await radius.getByRole('row').allInnerTexts())
      .slice(1)
      .map(text => text.split('\t'));
    const blocks = rows.map(([, count]) => Number(count));
    assert.deepEqual(
      blocks,
      [...blocks].sort((a, b) => b - a),
    );
    const inventory = rows.find(([name]) => name === 'Inventory');
    assert.ok(Number(inventory[1]) >= 2);
    assert.match(inventory[3], /Checkout/);
    assert.match(inventory[3], /Shipping/);
    assert.equal(rows.find(([name]) => name === 'Notifications')[1], '0');

    await page.screenshot({
      path: join(screenshots, 'organisation-isolation.png'),
      fullPage: true,
    });
  });

  it('downloads the current tab as CSV', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('button', {
          name: 'Download the failure-isolation matrix as CSV',
        })
        .click(),
    ]);
    assert.equal(download.suggestedFilename(), 'domain-atlas-isolation.csv');
    const path = join(screenshots, '..', 'domain-atlas-isolation.csv');
    await download.saveAs(path);
    const { readFile } = await import('node:fs/promises');
    const lines = (await readFile(path, 'utf8')).split('\r\n');
    assert.equal(lines[0], 'down,affected,impact,chain');
    assert.ok(lines.includes('Payments,Checkout,blocked,Payments → Checkout'));
  });

  it('logs no console errors on the way', () => {
    assert.deepEqual(consoleErrors, []);
  });
});
