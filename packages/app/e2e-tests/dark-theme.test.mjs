// Browser test of the Domain Atlas pages and entity cards in Backstage's
// dark theme, in the running demo (started by scripts/e2e.mjs): each view
// renders with no console error, and no text or icon of it is unreadable
// against its background (the usual sign of a colour hard-coded for the
// light theme). Screenshots of each view go to
// test-output/screenshots/dark-*.png.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { appUrl, openBrowser, screenshots, signInAsGuest } from './browser.mjs';

/**
 * Runs in the page: every visible text (HTML and SVG) and icon in `root` whose
 * colour has a contrast ratio below `minimum` against the background it is
 * drawn on, and every near-white background (a light-theme colour left in
 * a dark page).
 */
function findContrastProblems(root, minimum) {
  const parse = value => {
    const m = value.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const [r, g, b, a = 1] = m[1]
      .split(/[ ,/]+/)
      .filter(Boolean)
      .map(Number);
    return { r, g, b, a };
  };
  const over = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a),
    g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a),
    a: 1,
  });
  const luminance = ({ r, g, b }) => {
    const channel = v => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const contrast = (x, y) => {
    const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p);
    return (hi + 0.05) / (lo + 0.05);
  };
  // The colour an element is drawn on: its own and its ancestors'
  // backgrounds, composed from the first opaque one down.
  const backgroundOf = element => {
    const layers = [];
    for (let e = element; e; e = e.parentElement) {
      const colour = parse(getComputedStyle(e).backgroundColor);
      if (colour && colour.a > 0) {
        layers.push(colour);
        if (colour.a >= 1) break;
      }
    }
    let result = { r: 255, g: 255, b: 255, a: 1 };
    for (const layer of layers.reverse()) result = over(layer, result);
    return result;
  };
  const describeElement = e =>
    `<${e.tagName.toLowerCase()} class="${String(
      e.getAttribute('class') ?? '',
    ).slice(0, 80)}"> "${(e.textContent ?? '').trim().slice(0, 40)}"`;

  const problems = [];
  for (const element of [root, ...root.querySelectorAll('*')]) {
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    if (
      style.visibility !== 'visible' ||
      Number(style.opacity) === 0 ||
      box.width === 0 ||
      box.height === 0
    ) {
      continue;
    }
    const own = parse(style.backgroundColor);
    if (own && own.a > 0.5 && luminance(own) > 0.8) {
      problems.push(
        `light background ${style.backgroundColor}: ${describeElement(
          element,
        )}`,
      );
    }
    const hasText = [...element.childNodes].some(
      node => node.nodeType === Node.TEXT_NODE && node.textContent.trim(),
    );
    // Material UI icons are drawn in their element's `color`.
    const isIcon = /MuiSvgIcon-root/.test(element.getAttribute('class') ?? '');
    if (!hasText && !isIcon) continue;
    const isSvg = element instanceof SVGElement && !isIcon;
    const ink = parse(isSvg ? style.fill : style.color);
    if (!ink || ink.a === 0) continue;
    const background = backgroundOf(element);
    const ratio = contrast(over(ink, background), background);
    if (ratio < minimum) {
      problems.push(
        `contrast ${ratio.toFixed(2)} (${
          isSvg ? style.fill : style.color
        } on rgb(${Math.round(background.r)}, ${Math.round(
          background.g,
        )}, ${Math.round(background.b)})): ${describeElement(element)}`,
      );
    }
  }
  return problems;
}

describe('Domain Atlas in the dark theme', () => {
  let browser;
  let page;
  let consoleErrors = [];

  before(async () => {
    ({ browser, page, consoleErrors } = await openBrowser());
    // Backstage's AppThemeSelector keeps the chosen theme under this key.
    await page.addInitScript(() =>
      window.localStorage.setItem('theme', 'dark'),
    );
  });

  after(async () => {
    await browser?.close();
  });

  async function open(path, ready) {
    await page.goto(`${appUrl}${path}`);
    await signInAsGuest(page, ready);
    await ready.first().waitFor({ timeout: 120_000 });
    // Entity links show their entity's title once it has loaded.
    await page.waitForLoadState('networkidle');
  }

  /**
   * Checks the page, or only `scope` in it (a Domain Atlas card among
   * Backstage's own), and saves a screenshot of it.
   */
  async function check(name, scope) {
    const background = await page.evaluate(
      () => getComputedStyle(document.body).backgroundColor,
    );
    assert.notEqual(
      background,
      'rgb(255, 255, 255)',
      'the dark theme is active',
    );
    // 2.5:1 tells a colour meant for a white page from the dark theme's
    // palette: black text, or #2e7d32 green, on its grey paper reach about
    // 2, while the palette's own error red (#f44336 on #424242, as
    // Backstage's plugins use it for text) reaches 2.7.
    const root = scope ?? page.locator('body');
    const problems = await root.evaluate(findContrastProblems, 2.5);
    await (scope ?? page).screenshot({
      path: join(screenshots, `dark-${name}.png`),
    });
    assert.deepEqual(problems, [], `readable in the dark theme: ${name}`);
  }

  /** The innermost card (a Paper: info cards and tables) that holds `text`. */
  const cardWith = text =>
    page
      // Backstage's Material UI class names carry a suffix (MuiPaper-root-42).
      .locator('[class*="MuiPaper-root"]')
      .filter({ has: page.getByText(text) })
      .last();

  // The organisation page's tabs, each with what shows once it is loaded.
  const tabs = [
    [
      'domains',
      '/domain-atlas',
      p => p.getByRole('link', { name: 'Orders', exact: true }),
    ],
    [
      'teams',
      '/domain-atlas/teams',
      p => p.getByRole('table', { name: 'Ownership matrix' }),
    ],
    [
      'migration',
      '/domain-atlas/migration',
      p => p.getByRole('img', { name: /^Burn-up of domains per phase/ }),
    ],
    [
      'contracts',
      '/domain-atlas/contracts',
      p => p.locator('a[href="/catalog/default/api/payments-api"]'),
    ],
    [
      'rules',
      '/domain-atlas/rules',
      p => p.getByRole('region', { name: /\(own-datastore\)$/ }),
    ],
    [
      'isolation',
      '/domain-atlas/isolation',
      p => p.getByRole('table', { name: 'Failure-isolation matrix' }),
    ],
  ];
  async function checkTab(name, path, ready) {
    await open(path, ready(page));
    await check(`organisation-${name}`);
  }
  for (const [name, path, ready] of tabs) {
    it(`shows the organisation page's ${name} tab readably`, () =>
      checkTab(name, path, ready));
  }

  // Whether the score chart has two points yet depends on how long the demo
  // has run, so its hover tooltip is not forced here (a timing-dependent
  // step made this test flaky); the chart's colours come from the theme
  // through useChartStyles either way.
  it("shows a domain's Domain Atlas tab readably", async () => {
    await open(
      '/catalog/default/domain/payments/domain-atlas',
      page.getByText('Ownership and health'),
    );
    await page.getByText('Score history').waitFor();
    await page.getByText('Contracts', { exact: true }).first().waitFor();
    // The tab's own content: the entity page's header around it is
    // Backstage's.
    const content = page
      .locator('[class*="MuiGrid-container"]')
      .filter({ has: page.getByText('Ownership and health') })
      .first();
    await check('domain-tab-payments-content', content);
    // The whole page, for the README.
    await page.screenshot({
      path: join(screenshots, 'dark-domain-tab-payments.png'),
    });
  });

  it("shows a group's Owned domains card readably", async () => {
    await open(
      '/catalog/default/group/payments-team',
      page.getByText('Owned domains'),
    );
    await check('group-owned-domains', cardWith('Owned domains'));
  });

  // The rule-break bar is offered to legacy entity pages only: the new
  // frontend system's entity page has no slot for a plugin's warning.
  it("shows a component's findings card readably", async () => {
    await open(
      '/catalog/default/component/payments-reconciliation',
      page.getByText('Domain Atlas findings'),
    );
    await check('component-findings', cardWith('Domain Atlas findings'));
  });

  it("shows an API's Contract versions card readably", async () => {
    await open(
      '/catalog/default/api/payments-api',
      page.getByText('Contract versions'),
    );
    await check('api-contract-versions', cardWith('Contract versions'));
  });

  it('logs no console errors on the way', () => {
    assert.deepEqual(consoleErrors, []);
  });
});
