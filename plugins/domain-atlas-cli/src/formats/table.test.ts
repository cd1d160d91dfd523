import {
  demoReport,
  ERRORS_CATALOG,
  reportOfYaml,
} from '../__testUtils__/fixtures';
import { createStyle } from './style';
import { formatTable } from './table';

const plain = { style: createStyle(false), width: 120 };

describe('formatTable', () => {
  it('lists domains, then findings by domain, then a summary', () => {
    const text = formatTable(reportOfYaml(ERRORS_CATALOG), plain);
    const lines = text.split('\n');
    const header = lines.findIndex(line => line.startsWith('DOMAIN'));
    expect(lines[header]).toMatch(
      /^DOMAIN\s+OWNER\s+PHASE\s+DECLARED\s+TARGET\s+STATUS\s+SCORE\s+ERR\s+WARN\s+INFO\s+WAIVED$/,
    );
    expect(lines[header + 1].split(/\s{2,}/)).toEqual([
      'Billing',
      'team-a',
      '1',
      '-',
      '-',
      '-',
      '85',
      '1',
      '0',
      '0',
      '0',
    ]);
    expect(lines[header + 2].split(/\s{2,}/)).toEqual([
      'Shop',
      'team-b',
      '1',
      '3 ahead',
      '-',
      '-',
      '80',
      '1',
      '1',
      '0',
      '0',
    ]);
    expect(text).toContain(
      'Shop (domain:shop)\n  error    repo-per-domain       github.com/acme/mono hosts components of 2 domains;',
    );
    expect(text).toContain(
      '  warning  independent-pipeline  component:cart-service has no pipeline of its own;',
    );
    expect(lines.filter(Boolean).pop()).toBe(
      '2 domains; 8 entities (0 in no domain); 3 findings: 2 errors, 1 warning, 0 info, 0 waived; as of 2026-11-21.',
    );
    expect(text).not.toContain('\u001b[');
  });

  it('shows the demo organisation: its 12 domains with owners, phases, targets and scores', async () => {
    const text = formatTable(await demoReport(), plain);
    const rows = Object.fromEntries(
      text
        .split('\n')
        .map(line => line.trim().split(/\s{2,}/))
        .filter(cells => cells.length === 11 && cells[0] !== 'DOMAIN')
        .map(([title, ...cells]) => [title, cells.slice(0, 6)]),
    );
    expect(rows).toEqual({
      Checkout: ['checkout-squad', '1', '2 ahead', '-', '-', '58'],
      Coupons: [
        'legacy-team (missing)',
        '0',
        '1 ahead',
        '1 by 2026-09-30',
        'overdue 52d',
        '39',
      ],
      Inventory: ['supply-team', '2', '1 behind', '-', '-', '84'],
      Notifications: ['platform-team', '0', '1 ahead', '-', '-', '84'],
      Orders: ['orders-team', '3', '3', '3 by 2026-06-30', 'reached', '100'],
      'Order fulfilment': ['orders-team', '3', '3', '-', '-', '100'],
      Payments: [
        'payments-team',
        '2',
        '3 ahead',
        '3 by 2026-12-15',
        'at-risk 24d',
        '70',
      ],
      Platform: ['platform-team', '2', '-', '-', '-', '85'],
      Products: ['catalog-team', '2', '2', '3 by 2027-09-30', 'on-track', '84'],
      Reviews: ['user:li-wei', '0', '0', '-', '-', '76'],
      Search: ['platform-team', '2', '2', '-', '-', '90'],
      Shipping: ['supply-team', '1', '1', '-', '-', '75'],
    });
    // Subdomains are indented under their parent.
    expect(text).toMatch(/\nOrders .*\n {2}Order fulfilment /);
    // The waived finding says so, with its reason.
    expect(text).toMatch(
      /own-datastore\s+component:catalog-reporting uses the datastore resource:inventory-db[^]*?waived: read replica for reporting \(until 2027-06-30\)/,
    );
    expect(text).toContain('No findings: Orders, Order fulfilment.');
    expect(text).toMatch(
      /\n12 domains; 114 entities \(1 in no domain\); 37 findings: 12 errors, 13 warnings, 10 info, 2 waived; as of 2026-11-21\.\n$/,
    );
  });

  it('keeps every line within the width, and colours only when asked', async () => {
    const report = await demoReport();
    const text = formatTable(report, plain);
    const longest = Math.max(...text.split('\n').map(line => line.length));
    expect(longest).toBeLessThanOrEqual(120);
    const coloured = formatTable(report, {
      style: createStyle(true),
      width: 120,
    });
    expect(coloured).toContain('\u001b[31merror  \u001b[39m');
    // eslint-disable-next-line no-control-regex
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(text);
  });

  it('explains domains, with an example, when the catalog has none', () => {
    const text = formatTable(
      reportOfYaml(`
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: website }
spec: { type: website, lifecycle: production, owner: guests }
`),
      plain,
    );
    expect(text).toContain('No Domain entities in this catalog.');
    expect(text.replace(/\s+/g, ' ')).toContain(
      "the System's spec.domain names the Domain",
    );
    expect(text).toContain('    kind: Domain');
    expect(text).toContain('    domain: payments');
    expect(text).not.toMatch(/^DOMAIN\s+OWNER/m);
    expect(text).toContain('(1 in no domain)');
  });
});
