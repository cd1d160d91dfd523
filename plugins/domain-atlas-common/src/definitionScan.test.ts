import { parse } from 'yaml';
import { scanJsonInfoVersion, scanYamlInfoVersion } from './definitionScan';
import { definitionVersion } from './contractDefinitions';

describe('scanYamlInfoVersion', () => {
  it.each<[string, string | undefined]>([
    [
      'openapi: 3.0.0\ninfo:\n  title: X\n  version: 1.2.3\npaths: {}\n',
      '1.2.3',
    ],
    ['info:\n  # comment\n\n  version: "2.0.0" # trailing\n', '2.0.0'],
    ["info:\n    version: '3.1'\n", '3.1'],
    ['info:\r\n  version: 4.0.0\r\n', '4.0.0'],
    [
      'info:\n  contact:\n    version: 9\n  title: X\npaths:\n  version: 8\n',
      undefined,
    ],
    ['info: { version: 1.0.0 }\n', undefined],
    ['info:\n  version: &anchor 1.0.0\n', undefined],
    ['openapi: 3.0.0\n', undefined],
  ])('%j → %s', (text, version) => {
    expect(scanYamlInfoVersion(text)).toBe(version);
  });
});

describe('scanJsonInfoVersion', () => {
  it.each<[string, string | undefined]>([
    ['{"openapi":"3.0.0","info":{"title":"X","version":"1.2.3"}}', '1.2.3'],
    ['{ "info" : { "contact": {"version": "9"}, "version" : 2 } }', '2'],
    [
      '{"paths":{"/info":{"info":{"version":"9"}}},"info":{"version":"1.0.0"}}',
      '1.0.0',
    ],
    [
      '{"x":"a \\" \\"info\\": {\\"version\\": \\"9\\"}","info":{"version":"1.1.0"}}',
      '1.1.0',
    ],
    ['{"info":{"title":"no version"}}', undefined],
    ['{"info":', undefined],
    ['[]', undefined],
  ])('%s → %s', (text, version) => {
    expect(scanJsonInfoVersion(text)).toBe(version);
  });

  it('agrees with a full parse on well-formed documents', () => {
    const text = JSON.stringify({
      a: [{ info: 1 }],
      info: { x: { version: 'no' }, version: '5.4.3' },
    });
    expect(scanJsonInfoVersion(text)).toBe(parse(text).info.version);
  });
});

describe('strict definitions', () => {
  const broken = 'openapi: 3.0.0\ninfo:\n  version: 1.0.0\npaths: [unclosed\n';

  it('reads the version by scanning, and checks the whole document only when strict', () => {
    expect(definitionVersion('openapi', broken, 1e6)).toEqual({
      version: '1.0.0',
    });
    expect(definitionVersion('openapi', broken, 1e6, true)).toEqual({
      problem: expect.stringMatching(/^does not parse/),
    });
  });
});
