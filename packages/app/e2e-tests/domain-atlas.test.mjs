// Browser test of the Domain Atlas page in the running demo (started by
// scripts/e2e.mjs). Drives Debian's chromium through playwright-core.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { targetStatusToday } from './realClock.mjs';
import { appUrl, openBrowser, screenshots, signInAsGuest } from './browser.mjs';

describe('Domain Atlas page', () => {
  let browser;
  let page;
  let consoleErrors = [];

  before(async () => {
    ({ browser, page, consoleErrors } = await openBrowser());
  });

  after(async () => {
    await browser?.close();
  });

  it('lists the demo domains with their owners, read from the catalog', async () => {
    await page.goto(`${appUrl}/domain-atlas`);
    await signInAsGuest(page, page.getByText(/^Domains \(\d+\)$/));

    await page.getByText('Domains (12)').waitFor({ timeout: 120_000 });
    const row = title =>
      page
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name: title, exact: true }) });

    assert.equal(await row('Orders').count(), 1);
    // Owners are shown by their catalog title (loaded after the ref) and
    // link to their group page.
    const owner = (domain, title) =>
      row(domain).getByRole('link', { name: title, exact: true });
    await owner('Orders', 'Orders Team').waitFor();
    await owner('Payments', 'Payments Team').waitFor();
    await owner('Checkout', 'Checkout Squad').waitFor();
    assert.equal(
      await owner('Orders', 'Orders Team').getAttribute('href'),
      '/catalog/default/group/orders-team',
    );
    // A dangling owner ref is shown as declared, so the catalog can be fixed.
    await owner('Coupons', 'legacy-team').waitFor();

    // Phase as evidenced vs declared, target status and health, as the
    // demo was designed (examples/README.md).
    const payments = await row('Payments').innerText();
    assert.match(payments, /2 · Logical split/);
    assert.match(payments, /declares 3/);
    assert.match(
      payments,
      new RegExp(`target 3 by 2026-12-15: ${targetStatusToday('2026-12-15')}`),
    );
    assert.match(await row('Orders').innerText(), /3 · Physical repo split/);
    assert.match(await row('Coupons').innerText(), /overdue/);
    assert.equal(
      await row('Checkout')
        .getByRole('img', { name: /^Health score \d+ of 100$/ })
        .count(),
      1,
    );

    const ordersLink = page.getByRole('link', { name: 'Orders', exact: true });
    assert.equal(
      await ordersLink.getAttribute('href'),
      '/catalog/default/domain/orders',
    );

    await page.screenshot({
      path: join(screenshots, 'domain-atlas.png'),
      fullPage: true,
    });
  });

  it('opens a domain from the list on its catalog entity page', async () => {
    await page.getByRole('link', { name: 'Orders', exact: true }).click();
    await page.waitForURL('**/catalog/default/domain/orders');
    await page
      .getByRole('heading', { name: /Orders/ })
      .first()
      .waitFor();
    await page.screenshot({
      path: join(screenshots, 'orders-domain-entity-page.png'),
    });
  });

  it("shows a domain's ownership, phase, findings and isolation on its Domain Atlas tab", async () => {
    await page.goto(`${appUrl}/catalog/default/domain/payments/domain-atlas`);
    await page.getByText('Ownership and health').waitFor({ timeout: 60_000 });

    await page.getByText('2 · Logical split', { exact: true }).waitFor();
    await page.getByText('declares 3').first().waitFor();
    await page.getByText(/Strangler coverage 62%/).waitFor();
    // The demo's cross-domain datastore use: payments-reconciliation reads
    // the monolith's database.
    const finding = page
      .getByRole('row')
      .filter({ hasText: 'own-datastore' })
      // The link shows the resource's title once loaded: find it by href.
      .filter({
        has: page.locator('a[href="/catalog/default/resource/acme-legacy-db"]'),
      });
    assert.equal(await finding.count(), 1);
    // Payments down blocks checkout (a gRPC call).
    await page.getByText(/Blast radius: blocks [1-9]/).waitFor();

    await page.screenshot({
      path: join(screenshots, 'domain-tab-payments.png'),
      fullPage: true,
    });
  });

  it('logs no console errors on the way', () => {
    assert.deepEqual(consoleErrors, []);
  });
});
