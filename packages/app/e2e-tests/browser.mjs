// Shared helpers of the browser tests: launch Debian's chromium through
// playwright-core, collect console errors, sign in as a guest.

import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const appUrl = process.env.E2E_APP_URL ?? 'http://localhost:3000';

/** The legacy-frontend demo app (packages/app-legacy). */
export const legacyAppUrl =
  process.env.E2E_LEGACY_APP_URL ?? 'http://localhost:3001';

export const screenshots = join(
  process.env.E2E_OUTPUT_DIR ?? 'test-output',
  'screenshots',
);

/**
 * Launches chromium headless and opens a page; `consoleErrors` collects
 * the page's console errors and uncaught exceptions.
 */
export async function openBrowser() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const page = await browser.newPage({
    viewport: { width: 1400, height: 1000 },
  });
  const consoleErrors = [];
  page.on('console', message => {
    // React's development build reports deprecations in Backstage's own
    // Material UI 4 components as `Warning: …` through console.error;
    // those are not errors of this page.
    if (
      message.type() === 'error' &&
      !message.text().startsWith('Warning: ') &&
      !isGuestProfileLookup(message)
    ) {
      const url = message.location()?.url;
      consoleErrors.push(
        `${message.text().split('\n')[0]}${url ? ` (${url})` : ''}`,
      );
    }
  });
  page.on('pageerror', error =>
    consoleErrors.push(String(error).split('\n')[0]),
  );
  return { browser, page, consoleErrors };
}

/**
 * Presses the guest sign-in's Enter button when it shows, or goes on when
 * `signedIn` (a locator of the page behind it) shows first.
 */
export async function signInAsGuest(page, signedIn) {
  const enter = page.getByRole('button', { name: 'Enter' });
  await enter.or(signedIn).first().waitFor({ timeout: 120_000 });
  if (await enter.isVisible()) {
    await enter.click();
  }
}

/**
 * The guest has no User entity in the demo catalog, so when Backstage
 * shows the sidebar's profile (the mobile sidebar, which Chromium switches
 * to for a moment while it takes a full-page screenshot) the catalog
 * answers its lookup of user:development/guest with 404. That is the demo's
 * data, not an error of the page under test.
 */
function isGuestProfileLookup(message) {
  return (
    message.text().includes('404') &&
    (message.location()?.url ?? '').includes(
      '/api/catalog/entities/by-name/user/development/guest',
    )
  );
}
