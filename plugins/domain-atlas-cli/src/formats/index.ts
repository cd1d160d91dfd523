import { DomainAtlasReport } from '@domain-atlas/plugin-domain-atlas-common';
import { formatCsv } from './csv';
import { formatJson } from './json';
import { formatMarkdown } from './markdown';
import { formatTable, TextFormatOptions } from './table';

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
 * Renders a report in the given format.
 *
 * @public
 */
export function formatReport(
  report: DomainAtlasReport,
  format: Format,
  options: TextFormatOptions,
): string {
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'markdown':
      return formatMarkdown(report);
    case 'csv':
      return formatCsv(report);
    case 'table':
    default:
      return formatTable(report, options);
  }
}

export type { TextFormatOptions } from './table';
export { createStyle, colorEnabled } from './style';
export type { Style, OutputStream } from './style';
