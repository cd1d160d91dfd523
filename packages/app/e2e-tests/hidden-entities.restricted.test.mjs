// Browser test of the demo started with demo.hideRestrictedEntities: true
// (scripts/e2e.mjs): the demo's permission policy hides the Payments domain
// and everything in it from the guest, and Domain Atlas follows the
// catalog's read permission in every tab.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { appUrl, openBrowser, screenshots, signInAsGuest } from './browser.mjs';

/** What would name the restricted Payments entities on a page. */
const RESTRICTED = [
  'domain:default/payments',
  'system:default/payments',
  'payments-service',
  'payments-webhooks',
  'payments-reconciliation',
  'payments-contracts',
  'payments-db',
  'payments-api',
  'payment-events',
  'Payments gRPC API',
  'Payment events',
];

describe('Domain Atlas with restricted entities hidden from the guest', () => {
  let browser;
  let page;
  let consoleErrors = [];

  before(async () => {
    ({ browser, page, consoleErrors } = await openBrowser());
  });

  after(async () => {
    await browser?.close();
  });

  /** The page's text and every link target on it. */
  async function pageContent() {
    const text = await page.locator('body').innerText();
    const links = await page
      .locator('a[href]')
      .evaluateAll(anchors => anchors.map(a => a.getAttribute('href')));
    return `${text}\n${links.join('\n')}`;
  }

  function assertNoRestricted(content, where) {
    for (const name of RESTRICTED) {
      assert.ok(!content.includes(name), `${where} names ${name}`);
    }
    assert.ok(
      !content.includes('/catalog/default/domain/payments'),
      `${where} links to the Payments domain`,
    );
  }

  it('lists the other eleven domains, not Payments', async () => {
    await page.goto(`${appUrl}/domain-atlas`);
    await signInAsGuest(page, page.getByText(/^Domains \(\d+\)$/));
    await page.getByText('Domains (11)').waitFor({ timeout: 120_000 });
    await page.getByRole('link', { name: 'Orders', exact: true }).waitFor();
    assert.equal(
      await page.getByRole('link', { name: 'Payments', exact: true }).count(),
      0,
    );
    await page.waitForLoadState('networkidle');
    assertNoRestricted(await pageContent(), 'the Domains tab');
    await page.screenshot({
      path: join(screenshots, 'restricted-domains.png'),
    });
  });

  const tabs = [
    ['teams', p => p.getByRole('table', { name: 'Ownership matrix' })],
    [
      'migration',
      p => p.getByRole('img', { name: /^Burn-up of domains per phase/ }),
    ],
    [
      'contracts',
      p => p.locator('a[href="/catalog/default/api/orders-api-v2"]'),
    ],
    ['rules', p => p.getByRole('region', { name: /\([a-z-]+\)$/ })],
    [
      'isolation',
      p => p.getByRole('table', { name: 'Failure-isolation matrix' }),
    ],
  ];
  async function checkTab(tab, ready) {
    await page.goto(`${appUrl}/domain-atlas/${tab}`);
    await ready(page).first().waitFor({ timeout: 120_000 });
    await page.waitForLoadState('networkidle');
    assertNoRestricted(await pageContent(), `the ${tab} tab`);
  }
  for (const [tab, ready] of tabs) {
    it(`names no Payments entity on the ${tab} tab`, () =>
      checkTab(tab, ready));
  }

  it("does not show the Payments API's page", async () => {
    await page.goto(`${appUrl}/catalog/default/api/payments-api`);
    // The catalog itself hides it: its entity page says it was not found.
    await page
      .getByText(/not found/i)
      .first()
      .waitFor({ timeout: 60_000 });
    assert.equal(await page.getByText('Contract versions').count(), 0);
  });

  it('logs no console errors on the way, but the hidden page', () => {
    // The catalog answers 404 for the hidden API's entity page.
    assert.deepEqual(
      consoleErrors.filter(error => !/404|not found/i.test(error)),
      [],
    );
  });
});
