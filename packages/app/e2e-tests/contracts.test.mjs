// Browser test of the contract views in the running demo (started by
// scripts/e2e.mjs): the Contracts tab of the organisation page and the
// Contract versions card on the page of orders-api-v2, whose recorded
// history (app-config.yaml backfills 2.2.0; the catalog has 2.3.0 without
// the invoice operation) holds a breaking change without a major version.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { appUrl, openBrowser, screenshots, signInAsGuest } from './browser.mjs';

describe('Domain Atlas contracts', () => {
  let browser;
  let page;
  let consoleErrors = [];

  before(async () => {
    ({ browser, page, consoleErrors } = await openBrowser());
  });

  after(async () => {
    await browser?.close();
  });

  // Entity links show the entity's title once it has loaded, so find them
  // by where they lead.
  const entityLink = (scope, kind, name) =>
    scope.locator(`a[href="/catalog/default/${kind}/${name}"]`);

  const rowLinkingTo = (scope, kind, name) =>
    scope.getByRole('row').filter({ has: entityLink(page, kind, name) });

  it('lists the contract catalogue with versions, consumers and the latest change on the Contracts tab', async () => {
    await page.goto(`${appUrl}/domain-atlas/contracts`);
    const title = page.getByText(/^Contracts \(\d+\)$/);
    await signInAsGuest(page, title);
    await page.getByText('Contracts (18)').waitFor({ timeout: 120_000 });
    assert.equal(
      await page
        .getByRole('tab', { name: 'Contracts' })
        .getAttribute('aria-selected'),
      'true',
    );

    const ordersV2 = rowLinkingTo(page, 'api', 'orders-api-v2');
    assert.equal(
      await ordersV2.getByRole('link', { name: 'Orders API v2' }).count(),
      1,
    );
    await entityLink(ordersV2, 'domain', 'orders').waitFor();
    const ordersText = await ordersV2.innerText();
    assert.match(ordersText, /openapi/);
    assert.match(ordersText, /2\.3\.0/);
    assert.match(ordersText, /orders-api/);
    assert.match(ordersText, /\bbreaking\b/);
    assert.match(ordersText, /needs major/);
    assert.match(ordersText, /2\.2\.0 → 2\.3\.0/);

    // The deprecated v1 of the same family, with no change recorded.
    const ordersV1 = await rowLinkingTo(
      page,
      'api',
      'orders-api-v1',
    ).innerText();
    assert.match(ordersV1, /deprecated/);
    assert.match(ordersV1, /none recorded/);

    // payments-api: checkout-orchestrator pins ^3, the API is at 2.
    const payments = (
      await rowLinkingTo(page, 'api', 'payments-api')
        .getByRole('cell')
        .allInnerTexts()
    ).map(text => text.trim());
    // Header cells are upper-cased by the theme, which innerText reflects.
    const headers = await page.getByRole('columnheader').allInnerTexts();
    const column = name =>
      headers.findIndex(text => text.trim().toLowerCase() === name);
    assert.equal(payments[column('type')], 'grpc');
    assert.equal(payments[column('unsatisfied pins')], '1');

    await page.screenshot({
      path: join(screenshots, 'organisation-contracts.png'),
      fullPage: true,
    });
  });

  it('filters the catalogue by change class, type and search', async () => {
    const change = page.getByRole('combobox', { name: 'Latest change' });
    await change.selectOption('needs-major');
    await page.getByText('Contracts (1 of 18)').waitFor();
    await entityLink(page, 'api', 'orders-api-v2').waitFor();

    await change.selectOption('');
    await page.getByRole('combobox', { name: 'Type' }).selectOption('grpc');
    await page.getByText(/^Contracts \(\d+ of 18\)$/).waitFor();
    const types = await page
      .getByRole('row')
      .filter({ has: page.locator('a[href^="/catalog/default/api/"]') })
      .allInnerTexts();
    assert.ok(types.length >= 2, 'the demo has gRPC APIs');
    for (const row of types) assert.match(row, /\bgrpc\b/);

    await page.getByRole('combobox', { name: 'Type' }).selectOption('');
    await page
      .getByRole('searchbox', { name: 'Search contracts' })
      .fill('events');
    await page.getByText(/^Contracts \(\d+ of 18\)$/).waitFor();
    await entityLink(page, 'api', 'order-events').waitFor();
    assert.equal(await entityLink(page, 'api', 'orders-api-v2').count(), 0);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('button', { name: 'Download the contracts shown as CSV' })
        .click(),
    ]);
    assert.equal(download.suggestedFilename(), 'domain-atlas-contracts.csv');
    const path = join(screenshots, '..', 'domain-atlas-contracts.csv');
    await download.saveAs(path);
    const { readFile } = await import('node:fs/promises');
    const lines = (await readFile(path, 'utf8')).split('\r\n').filter(Boolean);
    assert.match(lines[0], /^domain,contract,title,type,version,family/);
    assert.ok(lines.length > 1);
    for (const line of lines.slice(1)) assert.match(line, /events/);
  });

  it('opens an API from the catalogue on its entity page', async () => {
    await page.getByRole('searchbox', { name: 'Search contracts' }).fill('');
    await page.getByRole('link', { name: 'Orders API v2' }).click();
    await page.waitForURL('**/catalog/default/api/orders-api-v2');
  });

  it('shows the version, family, breaking change and consumers of orders-api-v2 in its Contract versions card', async () => {
    await page.goto(`${appUrl}/catalog/default/api/orders-api-v2`);
    const history = page.getByRole('table', { name: 'Definition history' });
    await signInAsGuest(page, history);
    await history.waitFor({ timeout: 120_000 });
    const card = page
      .locator('article, [class*="MuiCard-root"]')
      .filter({ has: page.getByText('Contract versions', { exact: true }) })
      .filter({ has: history })
      .last();

    assert.match(
      await card.innerText(),
      /Current version\s+2\.3\.0\s+\(from the definition's info\.version\)/,
    );

    const family = card.getByRole('list', {
      name: 'Versions of the orders-api family',
    });
    const members = family.getByRole('listitem');
    assert.equal(await members.count(), 2);
    await entityLink(members.nth(0), 'api', 'orders-api-v1').waitFor();
    assert.match(await members.nth(0).innerText(), /1\.8\.2 · deprecated/);
    assert.equal(await members.nth(1).getAttribute('aria-current'), 'true');
    assert.match(await members.nth(1).innerText(), /2\.3\.0 .*this API/);

    const revisions = history.getByRole('row');
    const versions = await history.getByRole('rowheader').allInnerTexts();
    assert.deepEqual(versions, ['2.3.0', '2.2.0']);
    const newest = revisions.nth(1);
    assert.match(await newest.innerText(), /\bbreaking\b/);
    assert.match(await newest.innerText(), /needs a major version/);
    assert.match(
      await newest
        .getByRole('list', { name: 'Breaking changes from 2.2.0' })
        .innerText(),
      /\[Removed\] operation GET \/orders\/\{orderId\}\/invoice/,
    );
    assert.match(await revisions.nth(2).innerText(), /2026-09-01/);
    assert.match(await revisions.nth(2).innerText(), /first definition seen/);

    const consumers = card.getByRole('table', { name: 'Consumers' });
    const web = rowLinkingTo(consumers, 'component', 'order-history-web');
    await entityLink(web, 'domain', 'orders').waitFor();
    assert.match(await web.innerText(), /orders-api@\^2 ✓ satisfied/);
    const gateway = rowLinkingTo(consumers, 'component', 'api-gateway');
    assert.match(await gateway.innerText(), /consumesApis/);
    assert.match(await gateway.innerText(), /no pin/);

    await card.scrollIntoViewIfNeeded();
    await card.screenshot({
      path: join(screenshots, 'api-contract-versions.png'),
    });
    await page.screenshot({
      path: join(screenshots, 'api-orders-api-v2.png'),
      fullPage: true,
    });
  });

  it('logs no console errors on the way', () => {
    assert.deepEqual(consoleErrors, []);
  });
});
