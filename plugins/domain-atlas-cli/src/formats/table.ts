import {
  DomainAtlasReport,
  Finding,
} from '@domain-atlas/plugin-domain-atlas-common';
import { Cell, Column, renderColumns, wrapText } from './layout';
import { NO_DOMAINS_EXAMPLE, NO_DOMAINS_TEXT } from './noDomains';
import {
  DomainRow,
  domainRows,
  FindingGroup,
  findingGroups,
  summaryLine,
  waiverText,
} from './reportView';
import { displayMessage } from './refText';
import { Style } from './style';
import { CELL_LIMITS, truncate, truncateMessage } from './truncate';

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
function ruleColumnWidth(findings: Iterable<Finding>): number {
  // A loop, not Math.max(...widths): a spread of 100k+ arguments
  // overflows the stack.
  let width = 0;
  for (const finding of findings) {
    width = Math.max(width, Math.min(finding.rule.length, CELL_LIMITS.rule));
  }
  return width;
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

function domainTable(domains: DomainRow[], style: Style): string[] {
  const rows: Cell[][] = domains.map(row => {
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

const SEVERITY_INDEX = { error: 0, warning: 1, info: 2 } as const;

/**
 * Lays out one finding: severity and rule in columns, the message (refs
 * shortened, cut to {@link CELL_LIMITS}) wrapped beside them, a waiver
 * under it; its lines joined by line breaks.
 */
function findingLayout(
  options: TextFormatOptions,
  ruleWidth: number,
): (finding: Finding) => string {
  const { style } = options;
  const indent = '  ';
  const severityWidth = 'warning'.length;
  const hanging = indent.length + severityWidth + 2 + ruleWidth + 2;
  const messageWidth = Math.max(40, options.width - hanging);
  const under = `\n${' '.repeat(hanging)}`;
  // What goes before the message, by rule, severity and waived: a few
  // distinct strings for any number of findings.
  const prefixes = new Map<string, string[]>();
  const prefixOf = (finding: Finding) => {
    let byRule = prefixes.get(finding.rule);
    if (byRule === undefined) {
      byRule = [];
      prefixes.set(finding.rule, byRule);
    }
    const index =
      SEVERITY_INDEX[finding.severity] * 2 + (finding.waived ? 1 : 0);
    let prefix = byRule[index];
    if (prefix === undefined) {
      const severity = finding.severity.padEnd(severityWidth);
      prefix = `${indent}${
        finding.waived
          ? style.dim(severity)
          : style[SEVERITY_COLOR[finding.severity]](severity)
      }  ${truncate(finding.rule, CELL_LIMITS.rule).padEnd(ruleWidth)}  `;
      byRule[index] = prefix;
    }
    return prefix;
  };
  return finding => {
    const message = wrapText(displayMessage(finding.message), messageWidth);
    let text = prefixOf(finding) + message[0];
    for (let i = 1; i < message.length; i++) {
      text += under + message[i];
    }
    if (finding.waived) {
      const waiver = `waived: ${waiverText(finding)}`;
      for (const line of wrapText(truncateMessage(waiver), messageWidth)) {
        text += under + style.dim(line);
      }
    }
    return text;
  };
}

/**
 * Lines for findings: severity and rule in columns, the message (refs
 * shortened, cut to {@link CELL_LIMITS}) wrapped beside them, a waiver
 * under it. Generated one finding at a time (its lines joined by line
 * breaks), so that a large report is written as it is laid out.
 *
 * @public
 */
export function* findingLines(
  findings: ReadonlyArray<Finding>,
  options: TextFormatOptions,
  ruleWidth = ruleColumnWidth(findings),
): Generator<string> {
  const layout = findingLayout(options, ruleWidth);
  for (const finding of findings) {
    yield layout(finding);
  }
}

/**
 * Findings grouped by domain under bold headings, one rule column width
 * for all groups so that the messages line up.
 *
 * @public
 */
export function* findingGroupLines(
  groups: ReadonlyArray<FindingGroup>,
  options: TextFormatOptions,
): Generator<string> {
  let ruleWidth = 0;
  for (const group of groups) {
    ruleWidth = Math.max(ruleWidth, ruleColumnWidth(group.findings));
  }
  const layout = findingLayout(options, ruleWidth);
  for (let index = 0; index < groups.length; index++) {
    if (index > 0) {
      yield '';
    }
    yield options.style.bold(groups[index].heading);
    for (const finding of groups[index].findings) {
      yield layout(finding);
    }
  }
}

/**
 * The lines of the table format: the domains (owner, phases, target,
 * score, finding counts), the findings grouped by domain, and a one-line
 * summary.
 *
 * @public
 */
export function* tableLines(
  report: DomainAtlasReport,
  options: TextFormatOptions,
): Generator<string> {
  const { style } = options;
  const groups = findingGroups(report);
  const withFindings = new Set(groups.map(group => group.domain));
  const rows = domainRows(report);
  const clean = rows
    .filter(row => !withFindings.has(row.domain.ref))
    .map(row => truncate(row.domain.title, CELL_LIMITS.name));
  yield style.bold('Domains');
  yield '';
  if (rows.length === 0) {
    yield* wrapText(NO_DOMAINS_TEXT, options.width);
    yield '';
    for (const line of NO_DOMAINS_EXAMPLE) {
      yield `    ${line}`;
    }
  } else {
    yield* domainTable(rows, style);
    yield '';
    for (const line of wrapText(LEGEND, options.width)) {
      yield style.dim(line);
    }
  }
  yield '';
  yield style.bold('Findings');
  if (groups.length > 0) {
    yield '';
    yield* findingGroupLines(groups, options);
  }
  if (clean.length > 0) {
    yield '';
    for (const line of wrapText(
      `No findings: ${clean.join(', ')}.`,
      options.width,
    )) {
      yield style.dim(line);
    }
  }
  yield '';
  yield summaryLine(report);
}

/**
 * The report for a person at a terminal, as one string (see
 * {@link tableLines}).
 *
 * @public
 */
export function formatTable(
  report: DomainAtlasReport,
  options: TextFormatOptions,
): string {
  let text = '';
  for (const line of tableLines(report, options)) {
    text += `${line}\n`;
  }
  return text;
}
