import { majorVersion, satisfiesRange } from './versionRanges';

describe('satisfiesRange', () => {
  it.each<[string | null, string, boolean | null]>([
    ['2.3.1', '^2', true],
    ['2.3.1', '^2.4', false],
    ['3.0.0', '^2', false],
    ['0.2.5', '^0.2', true],
    ['0.3.0', '^0.2', false],
    ['1.2.9', '~1.2', true],
    ['1.3.0', '~1.2', false],
    ['1.9.0', '1.x', true],
    ['2.0.0', '1.x', false],
    ['1.2.3', '1.2.x', true],
    ['2', '2', true],
    ['v2.1.0', '2.1.0', true],
    ['2.5.0', '>=2 <3', true],
    ['3.0.0', '>=2 <3', false],
    ['3.0.0', '^1 || ^3', true],
    ['1.0.0', '*', true],
    [null, '^1', null],
    ['not-a-version', '^1', null],
    ['1.0.0', 'latest', null],
  ])('%s satisfies %s: %s', (version, range, expected) => {
    expect(satisfiesRange(version, range)).toBe(expected);
  });

  it('reads major versions', () => {
    expect(majorVersion('v3.1')).toBe(3);
    expect(majorVersion(null)).toBeUndefined();
  });
});
