import {
  DomainAtlasReport,
  Finding,
  Severity,
} from '@domain-atlas/plugin-domain-atlas-common';
import { ERRORS_CATALOG, reportOfYaml } from '../__testUtils__/fixtures';
import { checkLines, checkSummary, evaluateCheck } from '../commands/check';
import { writeChunks } from '../io';
import { FORMATS, reportChunks, terminatedLines } from './index';
import { formatCsv } from './csv';
import { formatJson } from './json';
import { formatMarkdown } from './markdown';
import { createStyle } from './style';
import { formatTable } from './table';
import { truncate, truncateMessage } from './truncate';

const plain = { style: createStyle(false), width: 120 };

const RULES = [
  'repo-per-domain',
  'independent-pipeline',
  'invalid-reference',
  'breaking-change-needs-major',
];
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/**
 * A report as a large catalog gives it: 2,000 domains, and `count`
 * findings spread over them, a quarter of them in no domain.
 */
function largeReport(count: number): DomainAtlasReport {
  const base = reportOfYaml(ERRORS_CATALOG);
  const domains = Array.from({ length: 2000 }, (_, i) => ({
    ...base.domains[0],
    ref: `domain:default/domain-${i}`,
    title: `Domain ${i}`,
    parent: null,
    children: [],
  }));
  const findings: Finding[] = [];
  for (let i = 0; i < count; i++) {
    const domain = i % 4 === 3 ? null : `domain:default/domain-${i % 2000}`;
    const component = `component:default/service-${i}`;
    findings.push({
      id: `${RULES[i % RULES.length]}:${domain ?? 'unassigned'}:${component}`,
      rule: RULES[i % RULES.length],
      severity: SEVERITIES[i % SEVERITIES.length],
      domain,
      entities: [component],
      message: `${component} of ${
        domain ?? 'no domain'
      } shares github.com/acme/monolith with other domains and should live in a repository of its own`,
      waived: i % 100 === 0,
      ...(i % 100 === 0 ? { waiver: 'moving out next quarter' } : {}),
    });
  }
  return { ...base, domains, findings };
}

/** A stream that keeps only what it needs to: sizes, writes and line count. */
function countingStream() {
  const stream = {
    writes: 0,
    largest: 0,
    length: 0,
    lines: 0,
    write(text: string) {
      stream.writes += 1;
      stream.largest = Math.max(stream.largest, text.length);
      stream.length += text.length;
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
        stream.lines += 1;
      }
      return true;
    },
  };
  return stream;
}

describe('large reports', () => {
  jest.setTimeout(120_000);
  const report = largeReport(200_000);

  it.each(FORMATS)('writes 200,000 findings as %s in chunks', async format => {
    const stream = countingStream();
    await writeChunks(stream, reportChunks(report, format, plain));
    // Written as it was laid out: many writes of about 64 KiB, not one.
    expect(stream.writes).toBeGreaterThan(100);
    expect(stream.largest).toBeLessThan(70_000);
    expect(stream.lines).toBeGreaterThan(200_000);
  });

  it('keeps every finding in the json and csv formats', () => {
    const json: DomainAtlasReport = JSON.parse(formatJson(report));
    expect(json.findings).toHaveLength(200_000);
    expect(json.findings[199_999]).toEqual(report.findings[199_999]);
    expect(formatCsv(report).split('\r\n')).toHaveLength(200_000 + 2);
  });

  it('checks 200,000 findings and prints the failing ones', async () => {
    const outcome = evaluateCheck(report, 'warning');
    expect(outcome.failing.length + outcome.below.length).toBe(198_000);
    const summary = checkSummary(outcome, 'warning', false);
    expect(summary).toBe(
      'check failed: 132000 warning or error findings (66000 below warning, 2000 waived).',
    );
    const stream = countingStream();
    await writeChunks(
      stream,
      terminatedLines(checkLines(report, outcome, summary, plain)),
    );
    expect(stream.lines).toBeGreaterThan(132_000);
  });
});

describe('cells in the text formats', () => {
  const name = `orders-${'x'.repeat(100_000)}`;
  /** The errors catalog with one domain named with 100,000 characters. */
  const withLongName = () => {
    const report = reportOfYaml(ERRORS_CATALOG);
    report.domains[0].title = name;
    report.domains[0].owner = `group:default/${name}`;
    report.findings[0].message = `component:default/${name} has no pipeline of its own`;
    return report;
  };
  const longestLine = (text: string) => {
    let longest = 0;
    for (const line of text.split('\n')) {
      longest = Math.max(longest, line.length);
    }
    return longest;
  };

  it('cuts a 100,000-character name in the table and markdown, with an ellipsis', () => {
    const table = formatTable(withLongName(), plain);
    expect(longestLine(table)).toBeLessThanOrEqual(160);
    expect(table).toMatch(/^orders-x+… \(domain:billing\)$/m);
    // The name is cut, the rest of the message kept.
    expect(table).toMatch(/component:orders-x+… has no\s+pipeline of its own/);
    // Title and owner cut in their columns.
    expect(table).toMatch(/^orders-x{32}… {2}orders-x{32}… +1 /m);

    const markdown = formatMarkdown(withLongName());
    expect(longestLine(markdown)).toBeLessThan(1_000);
    expect(markdown).toMatch(/component:orders-x+… has no pipeline of its own/);
  });

  it('keeps the name whole in json and csv', () => {
    const report = withLongName();
    const json: DomainAtlasReport = JSON.parse(formatJson(report));
    expect(json.domains[0].title).toBe(name);
    expect(json.findings[0].message).toBe(
      `component:default/${name} has no pipeline of its own`,
    );
    expect(formatCsv(report)).toContain(
      `component:default/${name} has no pipeline of its own`,
    );
  });

  it('cuts long words and long messages, never inside a surrogate pair', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('abcdefghij', 5)).toBe('abcd…');
    expect(truncate('abc😀def', 5)).toBe('abc…');
    const message = `${'w'.repeat(200)} ${'word '.repeat(200)}`;
    const cut = truncateMessage(message);
    expect(cut).toHaveLength(500);
    expect(cut.startsWith(`${'w'.repeat(79)}… word word`)).toBe(true);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('writes json exactly as JSON.stringify does', () => {
    const report = withLongName();
    expect(formatJson(report)).toBe(`${JSON.stringify(report, null, 2)}\n`);
  });
});
