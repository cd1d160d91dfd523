import { DomainAtlasReport } from '@domain-atlas/plugin-domain-atlas-common';
import {
  domainRows,
  findingGroups,
  shortenRefs,
  summaryLine,
} from './reportView';

/** A table cell's text with `|` escaped and line breaks as `<br>`. */
function cell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, '<br>');
}

function table(
  headers: string[],
  align: ('left' | 'right')[],
  rows: string[][],
): string[] {
  return [
    `| ${headers.join(' | ')} |`,
    `| ${align.map(a => (a === 'right' ? '---:' : '---')).join(' | ')} |`,
    ...rows.map(row => `| ${row.map(cell).join(' | ')} |`),
  ];
}

/**
 * The report as GitHub-flavoured markdown: the same domain table and
 * findings by domain as the table format, for pull-request comments and
 * job summaries.
 *
 * @public
 */
export function formatMarkdown(report: DomainAtlasReport): string {
  const domains = table(
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
    ],
    domainRows(report).map(row => {
      const counts = row.domain.findingCounts;
      return [
        row.depth > 0
          ? `${'↳ '.repeat(row.depth)}${row.domain.title}`
          : row.domain.title,
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
    }),
  );
  const findings = findingGroups(report).flatMap(group => [
    '',
    `### ${group.heading}`,
    '',
    ...table(
      ['Severity', 'Rule', 'Message'],
      ['left', 'left', 'left'],
      group.findings.map(finding => [
        finding.waived ? `~~${finding.severity}~~ waived` : finding.severity,
        `\`${finding.rule}\``,
        shortenRefs(finding.message) +
          (finding.waived
            ? ` (waived: ${finding.waiver ?? 'no reason given'})`
            : ''),
      ]),
    ),
  ]);
  return [
    '# Domain Atlas report',
    '',
    '## Domains',
    '',
    ...domains,
    '',
    '## Findings',
    ...(findings.length > 0 ? findings : ['', 'None.']),
    '',
    summaryLine(report),
    '',
  ].join('\n');
}
