import {
  demoReport,
  ERRORS_CATALOG,
  reportOfYaml,
} from '../__testUtils__/fixtures';
import { formatMarkdown } from './markdown';

/** The cells of the markdown table rows that follow a heading. */
function tableAfter(markdown: string, heading: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('|')) {
      rows.push(
        line
          .slice(2, -2)
          .split(/(?<!\\) \| /)
          .map(cell => cell.trim()),
      );
    } else if (rows.length > 0) {
      break;
    }
  }
  return rows;
}

describe('formatMarkdown', () => {
  it('renders the domain table and the findings by domain as GitHub tables', () => {
    const markdown = formatMarkdown(reportOfYaml(ERRORS_CATALOG));
    expect(tableAfter(markdown, '## Domains')).toEqual([
      [
        'Domain',
        'Owner',
        'Phase',
        'Declared',
        'Target',
        'Status',
        'Score',
        'Errors',
        'Warnings',
        'Info',
        'Waived',
      ],
      [
        '---',
        '---',
        '---:',
        '---',
        '---',
        '---',
        '---:',
        '---:',
        '---:',
        '---:',
        '---:',
      ],
      ['Billing', 'team-a', '1', '-', '-', '-', '85', '1', '0', '0', '0'],
      ['Shop', 'team-b', '1', '3 ahead', '-', '-', '80', '1', '1', '0', '0'],
    ]);
    const shop = tableAfter(markdown, '### Shop (domain:shop)');
    expect(shop.slice(2).map(([severity, rule]) => [severity, rule])).toEqual([
      ['error', '`repo-per-domain`'],
      ['warning', '`independent-pipeline`'],
    ]);
    expect(markdown.trimEnd().split('\n').pop()).toBe(
      '2 domains; 8 entities (0 in no domain); 3 findings: 2 errors, 1 warning, 0 info, 0 waived; as of 2026-11-21.',
    );
  });

  it('shows the demo: 12 domains, subdomains marked, the waived finding struck through', async () => {
    const markdown = formatMarkdown(await demoReport());
    const domains = tableAfter(markdown, '## Domains').slice(2);
    expect(domains).toHaveLength(12);
    expect(
      domains.map(([title, owner, phase]) => [title, owner, phase]),
    ).toContainEqual(['↳ Order fulfilment', 'orders-team', '3']);
    const products = tableAfter(markdown, '### Products (domain:products)');
    expect(products).toContainEqual([
      '~~error~~ waived',
      '`own-datastore`',
      'component:catalog-reporting uses the datastore resource:inventory-db of domain:inventory; read its data through a contract of domain:inventory instead (waived: read replica for reporting (until 2027-06-30))',
    ]);
  });

  it('escapes pipes in cells', () => {
    const report = reportOfYaml(ERRORS_CATALOG);
    report.findings[0].message = 'a | b';
    expect(formatMarkdown(report)).toContain('a \\| b');
  });

  it('explains domains, with an example, when the catalog has none', () => {
    const text = formatMarkdown(
      reportOfYaml(
        'kind: Group\napiVersion: backstage.io/v1alpha1\nmetadata: { name: guests }\nspec: { type: team, children: [] }\n',
      ),
    );
    expect(text).toContain('No Domain entities in this catalog.');
    expect(text).toContain(
      '```yaml\napiVersion: backstage.io/v1alpha1\nkind: Domain',
    );
  });
});
