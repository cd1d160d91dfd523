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

/**
 * One row per finding (entities separated by spaces, full refs), with a
 * header row, CRLF line ends as RFC 4180 asks.
 *
 * @public
 */
export function formatCsv(report: DomainAtlasReport): string {
  const rows = report.findings.map(finding => [
    finding.id,
    finding.rule,
    finding.severity,
    finding.domain ?? '',
    finding.entities.join(' '),
    finding.message,
    String(finding.waived),
    finding.waiver ?? '',
  ]);
  return [[...CSV_COLUMNS], ...rows]
    .map(row => `${row.map(csvField).join(',')}\r\n`)
    .join('');
}
