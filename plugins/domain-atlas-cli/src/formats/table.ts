import {
  DomainAtlasReport,
  Finding,
} from '@domain-atlas/plugin-domain-atlas-common';
import { Cell, Column, renderColumns, wrapText } from './layout';
import {
  domainRows,
  FindingGroup,
  findingGroups,
  shortenRefs,
  summaryLine,
} from './reportView';
import { Style } from './style';

/**
 * Options of the terminal formats.
 *
 * @public
 */
export interface TextFormatOptions {
  style: Style;
  /** Line width that finding messages are wrapped to. */
  width: number;
}

/** The width of the rule column: the longest rule id among the findings. */
function ruleColumnWidth(findings: ReadonlyArray<Finding>): number {
  return Math.max(0, ...findings.map(finding => finding.rule.length));
}

const DOMAIN_COLUMNS: Column[] = [
  { header: 'DOMAIN' },
  { header: 'OWNER' },
  { header: 'PHASE', align: 'right' },
  { header: 'DECLARED' },
  { header: 'TARGET' },
  { header: 'STATUS' },
  { header: 'SCORE', align: 'right' },
  { header: 'ERR', align: 'right' },
  { header: 'WARN', align: 'right' },
  { header: 'INFO', align: 'right' },
  { header: 'WAIVED', align: 'right' },
];

const LEGEND =
  'PHASE: evidence phase (0 monorepo, 1 domain ownership, 2 logical split, 3 physical repo split). ' +
  'DECLARED: domain-atlas.io/migration-phase; "ahead" when the evidence does not support it. ' +
  'SCORE: 100 - 15 per error - 5 per warning - 1 per info (unwaived).';

const SEVERITY_COLOR = {
  error: 'red',
  warning: 'yellow',
  info: 'cyan',
} as const;

function domainTable(report: DomainAtlasReport, style: Style): string[] {
  const rows: Cell[][] = domainRows(report).map(row => {
    const counts = row.domain.findingCounts;
    const count = (value: number, color: keyof Style): Cell =>
      value > 0 ? { text: String(value), color } : { text: '0', color: 'dim' };
    return [
      { text: row.title, color: row.depth === 0 ? 'bold' : undefined },
      { text: row.owner, color: row.ownerColor },
      { text: row.evidence },
      { text: row.declared, color: row.declaredColor },
      { text: row.target },
      { text: row.status, color: row.statusColor },
      { text: row.score, color: row.scoreColor },
      count(counts.error, 'red'),
      count(counts.warning, 'yellow'),
      count(counts.info, 'cyan'),
      count(counts.waived, 'dim'),
    ];
  });
  return renderColumns(DOMAIN_COLUMNS, rows, style);
}

/**
 * Lines for findings: severity and rule in columns, the message (refs
 * shortened) wrapped beside them, a waiver on a line of its own.
 *
 * @public
 */
export function findingLines(
  findings: ReadonlyArray<Finding>,
  options: TextFormatOptions,
  ruleWidth = ruleColumnWidth(findings),
): string[] {
  const { style } = options;
  const indent = '  ';
  const severityWidth = 'warning'.length;
  const hanging = indent.length + severityWidth + 2 + ruleWidth + 2;
  const messageWidth = Math.max(40, options.width - hanging);
  const lines: string[] = [];
  for (const finding of findings) {
    const severity = finding.severity.padEnd(severityWidth);
    const message = wrapText(shortenRefs(finding.message), messageWidth);
    const first = [
      indent,
      finding.waived
        ? style.dim(severity)
        : style[SEVERITY_COLOR[finding.severity]](severity),
      '  ',
      finding.rule.padEnd(ruleWidth),
      '  ',
      message[0],
    ].join('');
    lines.push(first);
    for (const more of message.slice(1)) {
      lines.push(`${' '.repeat(hanging)}${more}`);
    }
    if (finding.waived) {
      const waiver = wrapText(
        `waived: ${finding.waiver ?? '(no reason given)'}`,
        messageWidth,
      );
      lines.push(
        ...waiver.map(text => `${' '.repeat(hanging)}${style.dim(text)}`),
      );
    }
  }
  return lines;
}

/**
 * Findings grouped by domain under bold headings, one rule column width
 * for all groups so that the messages line up.
 *
 * @public
 */
export function findingGroupLines(
  groups: ReadonlyArray<FindingGroup>,
  options: TextFormatOptions,
): string[] {
  const ruleWidth = ruleColumnWidth(groups.flatMap(group => group.findings));
  return groups.flatMap((group, index) => [
    ...(index > 0 ? [''] : []),
    options.style.bold(group.heading),
    ...findingLines(group.findings, options, ruleWidth),
  ]);
}

/**
 * The report for a person at a terminal: the domains (owner, phases,
 * target, score, finding counts), the findings grouped by domain, and a
 * one-line summary.
 *
 * @public
 */
export function formatTable(
  report: DomainAtlasReport,
  options: TextFormatOptions,
): string {
  const { style } = options;
  const groups = findingGroups(report);
  const clean = domainRows(report)
    .filter(row => !groups.some(group => group.domain === row.domain.ref))
    .map(row => row.domain.title);
  const sections: string[][] = [
    [
      style.bold('Domains'),
      '',
      ...domainTable(report, style),
      '',
      ...wrapText(LEGEND, options.width).map(line => style.dim(line)),
    ],
    [
      style.bold('Findings'),
      ...(groups.length > 0 ? ['', ...findingGroupLines(groups, options)] : []),
      ...(clean.length > 0
        ? ['', style.dim(`No findings: ${clean.join(', ')}.`)]
        : []),
    ],
    [summaryLine(report)],
  ];
  return `${sections.map(lines => lines.join('\n')).join('\n\n')}\n`;
}
