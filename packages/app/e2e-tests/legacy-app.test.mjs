// Browser test of the legacy wiring: packages/app-legacy, an app on
// Backstage's old frontend system wired as the README's legacy section
// says, served by scripts/e2e.mjs on :3001 against the same demo backend.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  legacyAppUrl,
  openBrowser,
  screenshots,
  signInAsGuest,
} from './browser.mjs';

describe('Domain Atlas in a legacy-frontend app', () => {
  let browser;
  let page;
  let consoleErrors = [];

  before(async () => {
    ({ browser, page, consoleErrors } = await openBrowser());
  });

  after(async () => {
    await browser?.close();
  });

  it('reaches the organisation page from its sidebar item', async () => {
    await page.goto(`${legacyAppUrl}/catalog`);
    const item = page
      .getByRole('navigation')
      .getByRole('link', { name: 'Domain Atlas' });
    await signInAsGuest(page, item);
    await item.click();

    await page.getByText('Domains (12)').waitFor({ timeout: 120_000 });
    assert.equal(new URL(page.url()).pathname, '/domain-atlas');
    await page
      .getByRole('link', { name: 'Payments', exact: true })
      .first()
      .waitFor();
    await page.screenshot({ path: join(screenshots, 'legacy-app.png') });
  });

  it("shows a component's rule-break bar and findings card", async () => {
    await page.goto(
      `${legacyAppUrl}/catalog/default/component/payments-reconciliation`,
    );
    await page
      .getByText(/This entity breaks 1 repo-per-domain rule/)
      .waitFor({ timeout: 120_000 });
    await page.getByText('Domain Atlas findings').waitFor();
    // The finding, in the card's table (the bar lists it folded away).
    await page
      .getByRole('cell', {
        name: /uses the datastore resource:default\/acme-legacy-db/,
      })
      .waitFor();
    await page.screenshot({
      path: join(screenshots, 'legacy-component-rule-break-bar.png'),
    });
  });

  it("shows a domain's Domain Atlas tab and an API's Contract versions card", async () => {
    await page.goto(
      `${legacyAppUrl}/catalog/default/domain/payments/domain-atlas`,
    );
    await page.getByText('Ownership and health').waitFor({ timeout: 120_000 });
    await page.goto(`${legacyAppUrl}/catalog/default/api/orders-api-v2`);
    await page.getByText('Contract versions').first().waitFor();
  });

  it('logs no console errors on the way', () => {
    assert.deepEqual(consoleErrors, []);
  });
});
