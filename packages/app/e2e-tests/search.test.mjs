// Browser test of Domain Atlas in Backstage search, in the running demo
// (started by scripts/e2e.mjs): the search backend module
// (plugins/search-backend-module-domain-atlas) indexes the domains and
// contracts every minute (app-config.yaml, search.collators.domainAtlas),
// and the search page shows them with Domain Atlas's own result items.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { appUrl, openBrowser, screenshots, signInAsGuest } from './browser.mjs';
import { searchQuery } from './demoApi.mjs';

const ORDERS_V2 = '/catalog/default/api/orders-api-v2#contract-versions';

/**
 * Waits until the index holds orders-api-v2 as a contract: the first run
 * may have read a report computed while the catalog was still ingesting
 * the demo, and the next comes a minute later.
 */
async function contractIndexed() {
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    const results = await searchQuery('orders v2', ['domain-atlas-contract']);
    if (results.some(result => result.document.location === ORDERS_V2)) {
      return;
    }
    await sleep(5_000);
  }
  assert.fail('orders-api-v2 was not indexed as a contract within 150 s');
}

describe('Domain Atlas in Backstage search', () => {
  let browser;
  let page;
  let consoleErrors = [];

  before(async () => {
    ({ browser, page, consoleErrors } = await openBrowser());
  });

  after(async () => {
    await browser?.close();
  });

  it('finds "orders v2" as a contract with its version, domain and breaking change', async () => {
    await contractIndexed();

    await page.goto(`${appUrl}/search`);
    const searchBox = page.getByRole('textbox', {
      name: 'Search',
      exact: true,
    });
    await signInAsGuest(page, searchBox);
    await searchBox.fill('orders v2');

    const title = page.locator(`a[href="${ORDERS_V2}"]`);
    await title.waitFor({ timeout: 60_000 });
    assert.equal(await title.innerText(), 'Orders API v2');
    const item = page.getByRole('listitem').filter({ has: title });
    const text = await item.innerText();
    assert.match(text, /Version 2\.3\.0/);
    assert.match(text, /Domain: Orders/);
    assert.match(text, /\bbreaking\b/);
    assert.match(text, /needs major/);

    // Domain Atlas's result types, next to the catalog's.
    await page.getByText('Contracts', { exact: true }).waitFor();
    await page.getByText('Domains', { exact: true }).waitFor();

    // The first results, as a user sees them: the whole page of 25 is long.
    await page.screenshot({ path: join(screenshots, 'search-contracts.png') });
  });

  it('opens the contract on its API page', async () => {
    await page.locator(`a[href="${ORDERS_V2}"]`).click();
    await page.waitForURL(
      '**/catalog/default/api/orders-api-v2#contract-versions',
    );
    await page
      .getByText('Contract versions', { exact: true })
      .first()
      .waitFor({ timeout: 60_000 });
    assert.equal(
      new URL(page.url()).pathname,
      '/catalog/default/api/orders-api-v2',
    );
  });

  it('finds a domain by its name, linking to its Domain Atlas tab', async () => {
    await page.goto(`${appUrl}/search?query=payments`);
    const payments = page.locator(
      'a[href="/catalog/default/domain/payments/domain-atlas"]',
    );
    await payments.waitFor({ timeout: 60_000 });
    const text = await page
      .getByRole('listitem')
      .filter({ has: payments })
      .innerText();
    assert.match(text, /Owner: Payments Team/);
    assert.match(text, /Phase 2 · Logical split/);
    assert.match(text, /Health score \d+/);
  });

  it('logs no console errors on the way', () => {
    assert.deepEqual(consoleErrors, []);
  });
});
