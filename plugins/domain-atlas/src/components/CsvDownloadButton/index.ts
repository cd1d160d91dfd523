export { CsvDownloadButton } from './CsvDownloadButton';
export { toCsv } from './toCsv';
export type { CsvCell } from './toCsv';
