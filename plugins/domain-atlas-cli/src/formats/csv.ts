import { DomainAtlasReport } from '@domain-atlas/plugin-domain-atlas-common';

/**
 * The columns of the csv format, in order.
 *
 * @public
 */
export const CSV_COLUMNS = [
  'id',
  'rule',
  'severity',
  'domain',
  'entities',
  'message',
  'waived',
  'waiver',
  'waiver_until',
] as const;

/**
 * One field, quoted as RFC 4180 asks: when it holds a comma, a quote or a
 * line break, in double quotes with quotes doubled.
 *
 * @public
 */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csvRow(fields: ReadonlyArray<string>): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/**
 * The rows of the csv format, line ends included: a header row, then one
 * row per finding (entities separated by spaces, full refs, every value
 * whole), CRLF line ends as RFC 4180 asks.
 *
 * @public
 */
export function* csvRows(report: DomainAtlasReport): Generator<string> {
  yield csvRow(CSV_COLUMNS);
  for (const finding of report.findings) {
    yield csvRow([
      finding.id,
      finding.rule,
      finding.severity,
      finding.domain ?? '',
      finding.entities.join(' '),
      finding.message,
      String(finding.waived),
      finding.waiver ?? '',
      finding.waiverUntil ?? '',
    ]);
  }
}

/**
 * The csv format as one string (see {@link csvRows}).
 *
 * @public
 */
export function formatCsv(report: DomainAtlasReport): string {
  let text = '';
  for (const row of csvRows(report)) {
    text += row;
  }
  return text;
}
