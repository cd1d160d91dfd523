// Step 7: open /domain-atlas of the adopter's app in Debian's chromium and
// check that the demo domains show, as a person trying the plugin would.
// playwright-core (a devDependency of our packages/app) drives the browser;
// it never downloads one.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Opens `${baseUrl}/domain-atlas`, signs in as guest when asked, and waits
 * for every title in `titles` to show. Saves a screenshot and the page's
 * console errors to `outputDir`; returns { screenshot, consoleErrors }.
 */
export async function checkDomainAtlasPage({
  baseUrl,
  titles,
  outputDir,
  timeoutMs,
}) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    timeout: 60_000,
  });
  const consoleErrors = [];
  const screenshot = join(outputDir, 'domain-atlas.png');
  try {
    const page = await browser.newPage({
      viewport: { width: 1400, height: 1000 },
    });
    page.setDefaultTimeout(timeoutMs);
    page.on('console', message => {
      if (message.type() === 'error') {
        const url = message.location()?.url;
        consoleErrors.push(`${message.text()}${url ? ` (${url})` : ''}`);
      }
    });
    page.on('pageerror', error =>
      consoleErrors.push(`uncaught: ${error.stack ?? error}`),
    );

    await page.goto(`${baseUrl}/domain-atlas`);
    // The template's app may ask who you are first; its guest provider
    // signs in with the "Enter" button.
    const enter = page.getByRole('button', { name: 'Enter' });
    const firstDomain = page.getByText(titles[0], { exact: true }).first();
    await enter.or(firstDomain).first().waitFor();
    if (await enter.isVisible()) {
      await enter.click();
    }
    try {
      for (const title of titles) {
        await page.getByText(title, { exact: true }).first().waitFor();
      }
    } finally {
      await page.screenshot({ path: screenshot, fullPage: true });
    }
    return { screenshot, consoleErrors };
  } finally {
    writeFileSync(
      join(outputDir, 'browser-console.log'),
      consoleErrors.length > 0 ? `${consoleErrors.join('\n')}\n` : '',
    );
    await browser.close();
  }
}
