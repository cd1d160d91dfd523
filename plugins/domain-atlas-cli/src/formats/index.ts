import { DomainAtlasReport } from '@domain-atlas/plugin-domain-atlas-common';
import { csvRows } from './csv';
import { jsonChunks } from './json';
import { markdownLines } from './markdown';
import { tableLines, TextFormatOptions } from './table';

/**
 * The output formats of `domain-atlas report`.
 *
 * @public
 */
export const FORMATS = ['table', 'json', 'markdown', 'csv'] as const;

/**
 * One of {@link FORMATS}.
 *
 * @public
 */
export type Format = (typeof FORMATS)[number];

/**
 * Lines with a line end each.
 *
 * @public
 */
export function* terminatedLines(lines: Iterable<string>): Generator<string> {
  for (const line of lines) {
    yield `${line}\n`;
  }
}

/**
 * A report in the given format, in pieces to write one after the other
 * (see `writeChunks`): no format builds the whole text first.
 *
 * @public
 */
export function reportChunks(
  report: DomainAtlasReport,
  format: Format,
  options: TextFormatOptions,
): Iterable<string> {
  switch (format) {
    case 'json':
      return jsonChunks(report);
    case 'markdown':
      return terminatedLines(markdownLines(report));
    case 'csv':
      return csvRows(report);
    case 'table':
    default:
      return terminatedLines(tableLines(report, options));
  }
}

/**
 * Renders a report in the given format, as one string.
 *
 * @public
 */
export function formatReport(
  report: DomainAtlasReport,
  format: Format,
  options: TextFormatOptions,
): string {
  let text = '';
  for (const chunk of reportChunks(report, format, options)) {
    text += chunk;
  }
  return text;
}

export type { TextFormatOptions } from './table';
export { createStyle, colorEnabled } from './style';
export type { Style, OutputStream } from './style';
