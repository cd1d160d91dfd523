/** A value of one CSV cell; null and undefined become empty cells. */
export type CsvCell = string | number | boolean | null | undefined;

function field(value: CsvCell): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows as CSV text (RFC 4180): a header line, then one line per row, lines
 * ended by CRLF; a field holding a comma, quote or line break is quoted,
 * with its quotes doubled.
 */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  return [header, ...rows]
    .map(row => `${row.map(field).join(',')}\r\n`)
    .join('');
}
