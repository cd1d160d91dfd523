// Browser test of Domain Atlas's notifications in the running demo (started
// by scripts/e2e.mjs, with the notifications and signals backends and the
// bell in the sidebar). Long after the baseline refresh, the guest joins
// orders-team and a growth-team library lands in the Orders system: the
// next refresh finds a single-owner error that Orders did not have, which
// also drops Orders from phase 3 to 0 past its target date, tells
// orders-team both, and the guest sees them in the bell and follows the
// error to the domain's Domain Atlas tab.
//
// Both entities go into the run's own catalog file (E2E_CATALOG_FILE, a
// location of the demo in that run only), which this test restores at the
// end; scripts/e2e.mjs runs it after the tests that count the demo's
// findings.

import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { appUrl, openBrowser, screenshots, signInAsGuest } from './browser.mjs';
import { domainAtlas, guestCall } from './demoApi.mjs';

const catalogFile = process.env.E2E_CATALOG_FILE;

/** The guest as it signs in (the guest provider's `user:development/guest`). */
const GUEST = `---
apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: guest
  namespace: development
spec:
  profile:
    displayName: Guest
  memberOf: [group:default/orders-team]
`;

/** Shared ownership in Orders: growth-team is outside orders-team's tree. */
const REGRESSION = `---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: order-upsell-rules
  title: Order upsell rules
  description: Upsell offers shown with an order, kept by the growth team.
spec:
  type: library
  lifecycle: experimental
  owner: group:default/growth-team
  system: orders
`;

const COMPONENT = 'component:default/order-upsell-rules';
const DOMAIN_TAB = '/catalog/default/domain/orders/domain-atlas';
const NEW_ERROR = 'New error in Orders: single-owner';
// single-owner is a phase-1 criterion: Orders (target 3 by 2026-06-30,
// reached until now) falls to phase 0.
const OVERDUE = 'Orders missed its target: phase 3 by 2026-06-30';

/** Calls `probe` every 3 s until it answers something; fails after `seconds`. */
async function eventually(description, probe, seconds = 150) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const answer = await probe();
    if (answer) {
      return answer;
    }
    await sleep(3_000);
  }
  return assert.fail(`${description}: not within ${seconds} s`);
}

/** The catalog's Location entity of the run's catalog file. */
async function catalogFileLocation() {
  const query = new URLSearchParams({
    filter: `kind=location,spec.target=${catalogFile}`,
  });
  const { body } = await guestCall('catalog', `/entities/by-query?${query}`);
  const location = body?.items?.[0];
  return location && `location:default/${location.metadata.name}`;
}

/** Asks the catalog to read the file again now, not at its next round. */
async function rereadCatalogFile() {
  const entityRef = await eventually(
    'the catalog file is a catalog location',
    catalogFileLocation,
  );
  const { status } = await guestCall('catalog', '/refresh', {
    method: 'POST',
    body: JSON.stringify({ entityRef }),
  });
  assert.equal(status, 200);
}

async function guestInOrdersTeam() {
  const { body } = await guestCall(
    'catalog',
    '/entities/by-name/group/default/orders-team',
  );
  return body?.relations?.some(
    relation =>
      relation.type === 'hasMember' &&
      relation.targetRef === 'user:development/guest',
  );
}

/** Refreshes Domain Atlas, as a user may; the regression's finding once in. */
async function regressionFound() {
  await domainAtlas('/refresh', { method: 'POST' });
  const { body } = await domainAtlas(
    '/findings?domain=domain:default/orders&rule=single-owner',
  );
  return body?.items?.find(finding => finding.entities[0] === COMPONENT);
}

/** The guest's Domain Atlas notifications, by title, once both are in. */
async function guestNotifications() {
  const { body } = await guestCall(
    'notifications',
    '/notifications?topic=domain-atlas',
  );
  const byTitle = new Map(
    (body?.notifications ?? []).map(notification => [
      notification.payload.title,
      notification,
    ]),
  );
  return byTitle.has(NEW_ERROR) && byTitle.has(OVERDUE) && byTitle;
}

describe(
  'Domain Atlas notifications in the bell',
  {
    skip: !catalogFile && "needs scripts/e2e.mjs's catalog file",
  },
  () => {
    let browser;
    let page;
    let consoleErrors = [];
    let original;

    before(async () => {
      original = await readFile(catalogFile, 'utf8');
      ({ browser, page, consoleErrors } = await openBrowser());
    });

    after(async () => {
      await browser?.close();
      if (original !== undefined) {
        await writeFile(catalogFile, original);
        await rereadCatalogFile().catch(() => undefined);
      }
    });

    it("tells orders-team's members of a new error in Orders", async () => {
      // The baseline is long stored: scripts/e2e.mjs waits for the demo's
      // analysis before any test starts. The guest has heard nothing yet.
      const { body: status } = await domainAtlas('/status');
      assert.ok(status.snapshotId >= 1);
      const { body: counts } = await guestCall('notifications', '/status');
      assert.equal(counts.unread, 0);

      await writeFile(catalogFile, `${original}${GUEST}`);
      await rereadCatalogFile();
      await eventually(
        'the guest is a member of orders-team',
        guestInOrdersTeam,
      );

      await writeFile(catalogFile, `${original}${GUEST}${REGRESSION}`);
      await rereadCatalogFile();
      const finding = await eventually(
        'Domain Atlas reports the single-owner error in Orders',
        regressionFound,
      );
      assert.equal(finding.severity, 'error');
      assert.equal(finding.waived, false);

      const notifications = await eventually(
        'the guest has both notifications',
        guestNotifications,
        60,
      );
      assert.deepEqual([...notifications.keys()].sort(), [NEW_ERROR, OVERDUE]);
      const error = notifications.get(NEW_ERROR);
      assert.equal(error.payload.severity, 'high');
      assert.equal(error.payload.link, DOMAIN_TAB);
      assert.equal(error.read, null);
      assert.match(
        error.payload.description,
        /order-upsell-rules is owned by group:default\/growth-team, outside the team tree of group:default\/orders-team/,
      );
      assert.equal(notifications.get(OVERDUE).payload.severity, 'normal');
    });

    it('shows them in the bell and on the notifications page', async () => {
      await page.goto(`${appUrl}/domain-atlas`);
      const bell = page
        .getByRole('navigation')
        .getByRole('link', { name: /Notifications/ });
      await signInAsGuest(page, bell);
      const unread = page.getByLabel('Unread notifications');
      await unread.waitFor({ timeout: 60_000 });
      assert.equal((await unread.innerText()).trim(), '2');

      await bell.click();
      await page.waitForURL('**/notifications');
      await page
        .getByRole('link', { name: NEW_ERROR })
        .waitFor({ timeout: 60_000 });
      await page.getByRole('link', { name: OVERDUE }).waitFor();
      await page
        .getByText(/order-upsell-rules is owned by/)
        .first()
        .waitFor();
      await page.screenshot({
        path: join(screenshots, 'notifications-bell.png'),
      });
    });

    it("opens the domain's Domain Atlas tab from the new error", async () => {
      await page.getByRole('link', { name: NEW_ERROR }).click();
      await page.waitForURL(`**${DOMAIN_TAB}`);
      await page.getByText('Ownership and health').waitFor({ timeout: 60_000 });
      await page
        .getByRole('row')
        .filter({ hasText: 'single-owner' })
        .filter({
          has: page.locator(
            'a[href="/catalog/default/component/order-upsell-rules"]',
          ),
        })
        .first()
        .waitFor();
    });

    it('logs no console errors on the way', () => {
      assert.deepEqual(consoleErrors, []);
    });
  },
);
