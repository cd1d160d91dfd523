import {
  demoReport,
  ERRORS_CATALOG,
  reportOfYaml,
} from '../__testUtils__/fixtures';
import { csvField, formatCsv } from './csv';

/** A small RFC 4180 reader, to check that what formatCsv writes reads back. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += char;
    }
  }
  return rows;
}

describe('formatCsv', () => {
  it('writes a header and one row per finding', () => {
    const report = reportOfYaml(ERRORS_CATALOG);
    const rows = readCsv(formatCsv(report));
    expect(rows[0]).toEqual([
      'id',
      'rule',
      'severity',
      'domain',
      'entities',
      'message',
      'waived',
      'waiver',
      'waiver_until',
    ]);
    expect(rows).toHaveLength(1 + report.findings.length);
    expect(rows.slice(1).map(row => row.slice(1, 5))).toContainEqual([
      'independent-pipeline',
      'warning',
      'domain:default/shop',
      'component:default/cart-service',
    ]);
  });

  it('quotes fields with commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    const report = reportOfYaml(ERRORS_CATALOG);
    report.findings[0].message = 'he said "no", twice\nthen left';
    expect(readCsv(formatCsv(report))[1][5]).toBe(
      'he said "no", twice\nthen left',
    );
  });

  it('has a row for each demo finding, the waived ones with their reason and end', async () => {
    const report = await demoReport();
    const rows = readCsv(formatCsv(report)).slice(1);
    expect(rows.map(row => row[0])).toEqual(report.findings.map(f => f.id));
    const waived = rows.filter(row => row[6] === 'true');
    expect(waived.map(row => [row[1], row[3], row[7], row[8]])).toEqual([
      [
        'own-datastore',
        'domain:default/products',
        'read replica for reporting',
        '2027-06-30',
      ],
      [
        'repo-per-service',
        'domain:default/search',
        'moves to a repository of its own with the indexer rewrite',
        '2026-12-15',
      ],
    ]);
  });
});
