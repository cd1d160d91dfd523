import { toCsv } from './toCsv';

describe('toCsv', () => {
  it('writes a header line and one CRLF-terminated line per row', () => {
    expect(
      toCsv(
        ['domain', 'phase'],
        [
          ['orders', 3],
          ['coupons', 0],
        ],
      ),
    ).toBe('domain,phase\r\norders,3\r\ncoupons,0\r\n');
  });

  it.each([
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['carriage\rreturn', '"carriage\rreturn"'],
    ['plain text', 'plain text'],
    ['', ''],
  ])('quotes %j as %j', (value, expected) => {
    expect(toCsv(['x'], [[value]])).toBe(`x\r\n${expected}\r\n`);
  });

  it('writes null and undefined as empty fields, booleans and numbers as text', () => {
    expect(toCsv(['a', 'b', 'c', 'd'], [[null, undefined, true, 0.5]])).toBe(
      'a,b,c,d\r\n,,true,0.5\r\n',
    );
  });

  it('writes only the header when there are no rows', () => {
    expect(toCsv(['a', 'b'], [])).toBe('a,b\r\n');
  });
});
