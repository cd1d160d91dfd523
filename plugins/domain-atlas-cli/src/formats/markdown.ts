import { NO_DOMAINS_EXAMPLE, NO_DOMAINS_TEXT } from './noDomains';
import {
  DomainAtlasReport,
  Finding,
} from '@domain-atlas/plugin-domain-atlas-common';
import {
  domainRows,
  findingGroups,
  summaryLine,
  waiverText,
} from './reportView';
import { displayMessage } from './refText';
import { CELL_LIMITS, truncate, truncateMessage } from './truncate';

/** A table cell's text with `|` escaped and line breaks as `<br>`. */
function cell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, '<br>');
}

function* table(
  headers: string[],
  align: ('left' | 'right')[],
  rows: Iterable<string[]>,
): Generator<string> {
  yield `| ${headers.join(' | ')} |`;
  yield `| ${align.map(a => (a === 'right' ? '---:' : '---')).join(' | ')} |`;
  for (const row of rows) {
    yield `| ${row.map(cell).join(' | ')} |`;
  }
}

const DOMAIN_HEADERS = [
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
];

const DOMAIN_ALIGN: ('left' | 'right')[] = [
  'left',
  'left',
  'right',
  'left',
  'left',
  'left',
  'right',
  'right',
  'right',
  'right',
  'right',
];

function* domainCells(report: DomainAtlasReport): Generator<string[]> {
  for (const row of domainRows(report)) {
    const counts = row.domain.findingCounts;
    const title = row.title.trimStart();
    yield [
      row.depth > 0 ? `${'↳ '.repeat(row.depth)}${title}` : title,
      row.owner,
      row.evidence,
      row.declared,
      row.target,
      row.status,
      row.score,
      String(counts.error),
      String(counts.warning),
      String(counts.info),
      String(counts.waived),
    ];
  }
}

function* findingCells(findings: ReadonlyArray<Finding>): Generator<string[]> {
  for (const finding of findings) {
    yield [
      finding.waived ? `~~${finding.severity}~~ waived` : finding.severity,
      `\`${truncate(finding.rule, CELL_LIMITS.rule)}\``,
      displayMessage(finding.message) +
        (finding.waived
          ? ` (waived: ${truncateMessage(waiverText(finding))})`
          : ''),
    ];
  }
}

/**
 * The lines of the report as GitHub-flavoured markdown: the same domain
 * table and findings by domain as the table format, for pull-request
 * comments and job summaries.
 *
 * @public
 */
export function* markdownLines(report: DomainAtlasReport): Generator<string> {
  yield '# Domain Atlas report';
  yield '';
  yield '## Domains';
  yield '';
  if (report.domains.length === 0) {
    yield NO_DOMAINS_TEXT;
    yield '';
    yield '```yaml';
    yield* NO_DOMAINS_EXAMPLE;
    yield '```';
  } else {
    yield* table(DOMAIN_HEADERS, DOMAIN_ALIGN, domainCells(report));
  }
  yield '';
  yield '## Findings';
  const groups = findingGroups(report);
  for (const group of groups) {
    yield '';
    yield `### ${group.heading}`;
    yield '';
    yield* table(
      ['Severity', 'Rule', 'Message'],
      ['left', 'left', 'left'],
      findingCells(group.findings),
    );
  }
  if (groups.length === 0) {
    yield '';
    yield 'None.';
  }
  yield '';
  yield summaryLine(report);
}

/**
 * The report as GitHub-flavoured markdown, as one string (see
 * {@link markdownLines}).
 *
 * @public
 */
export function formatMarkdown(report: DomainAtlasReport): string {
  let text = '';
  for (const line of markdownLines(report)) {
    text += `${line}\n`;
  }
  return text;
}
