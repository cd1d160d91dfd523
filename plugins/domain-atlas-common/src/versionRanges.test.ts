import fc from 'fast-check';
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

  it.each<[string, string, boolean]>([
    ['1.2.3', '1.2.3 - 2.3.4', true],
    ['2.3.4', '1.2.3 - 2.3.4', true],
    ['1.2.2', '1.2.3 - 2.3.4', false],
    ['2.3.5', '1.2.3 - 2.3.4', false],
    // A partial upper bound takes the whole of its major version.
    ['2.9.0', '1.2 - 2', true],
    ['3.0.0', '1.2 - 2', false],
  ])('hyphen range: %s satisfies %s: %s', (version, range, expected) => {
    expect(satisfiesRange(version, range)).toBe(expected);
  });

  it.each<[string, string, boolean]>([
    // A prerelease satisfies only a range that names a prerelease of the
    // same major.minor.patch.
    ['2.0.0-beta.1', '^2', false],
    ['2.0.0-beta.2', '>=2.0.0-beta.1', true],
    ['2.0.0-alpha.1', '>=2.0.0-beta.1', false],
    ['2.1.0-beta.1', '>=2.0.0-beta.1', false],
    ['2.0.0', '>=2.0.0-beta.1', true],
    ['2.0.0-rc.1', '^2.0.0-beta', true],
    ['v2.0.0-rc.1', '2.0.0-rc.1', true],
  ])('prerelease: %s satisfies %s: %s', (version, range, expected) => {
    expect(satisfiesRange(version, range)).toBe(expected);
  });

  it.each<[string, boolean]>([
    ['1.2.3', true],
    ['1.9.9', true],
    ['1.2.2', false],
    // `-0` keeps the prereleases of 2.0.0 out as well.
    ['2.0.0-beta.1', false],
    ['2.0.0', false],
  ])('%s satisfies >=1.2.3 <2.0.0-0: %s', (version, expected) => {
    expect(satisfiesRange(version, '>=1.2.3 <2.0.0-0')).toBe(expected);
  });

  it.each<[string, string, boolean | null]>([
    ['1.5.0', '1.2.3 - 1.9.9 || >=3', true],
    ['2.0.0', '1.2.3 - 1.9.9 || >=3', false],
    ['3.1.0', '1.2.3 - 1.9.9 || >=3', true],
    ['2.1.0', '~2.1 || ^3.0.0-beta', true],
    ['3.0.0-beta.2', '~2.1 || ^3.0.0-beta', true],
    // One unreadable alternative makes the whole range unreadable.
    ['2.1.0', '~2.1 || latest', null],
  ])('alternatives: %s satisfies %s: %s', (version, range, expected) => {
    expect(satisfiesRange(version, range)).toBe(expected);
  });

  it.each<[string, string, boolean | null]>([
    ['v2', '^2', true],
    ['2.1', '~2.1.0', true],
    ['2.1', '>=2.2', false],
    ['V3', '3.x', true],
    // Only a text that starts with a version is coerced.
    ['beta-3', '^3', null],
  ])('coerces %s for %s: %s', (version, range, expected) => {
    expect(satisfiesRange(version, range)).toBe(expected);
  });

  it.each(['>=a', '1.2.3 -2.3.4', '^two', '~>'])(
    'cannot read the range %s',
    range => {
      expect(satisfiesRange('1.2.3', range)).toBeNull();
    },
  );

  it('never throws, whatever the catalog says', () => {
    const text = fc.oneof(
      fc.string(),
      fc.stringMatching(/^[v\d.x*^~<>=|\- a-z]{0,30}$/),
    );
    fc.assert(
      fc.property(fc.option(text), text, (version, range) => {
        expect([true, false, null]).toContain(satisfiesRange(version, range));
      }),
      { numRuns: 500 },
    );
  });

  it('reads major versions', () => {
    expect(majorVersion('v3.1')).toBe(3);
    expect(majorVersion('2.0.0-beta.1')).toBe(2);
    expect(majorVersion('beta-3')).toBeUndefined();
    expect(majorVersion(null)).toBeUndefined();
  });
});
