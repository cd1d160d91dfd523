import { Range, SemVer, coerce, parse } from 'semver';

/**
 * Checks `domain-atlas.io/consumes-contracts` pins with `semver`, so pins
 * may use the whole range grammar (`^`, `~`, x-ranges, hyphen ranges,
 * comparators, `||`, prereleases). Contract versions in catalogs are often
 * no full semver (`v2`, `2`, `2.1`): those are coerced, missing parts
 * counting as 0.
 */

/**
 * Reads a contract version: a full semver as written (prerelease included),
 * else the version it starts with (`v2`, `2.1`, `2.1-beta` → `2.1.0`).
 * Undefined when the text does not start with a version: `coerce` would
 * find one anywhere (`beta-3` → `3.0.0`).
 */
function readVersion(text: string): SemVer | undefined {
  if (!/^\s*v?\d/i.test(text)) {
    return undefined;
  }
  return parse(text.trim()) ?? coerce(text) ?? undefined;
}

/** The major version of a version string, or undefined. */
export function majorVersion(text: string | null): number | undefined {
  return text === null ? undefined : readVersion(text)?.major;
}

/** The range, or undefined when it is no semver range (`latest`). */
function readRange(text: string): Range | undefined {
  try {
    return new Range(text);
  } catch {
    return undefined;
  }
}

/**
 * Whether a version satisfies a pin range, with semver's rules (a
 * prerelease only satisfies a range that names a prerelease of the same
 * `major.minor.patch`); null when the version or the range cannot be read.
 *
 * @public
 */
export function satisfiesRange(
  version: string | null,
  range: string,
): boolean | null {
  const parsedVersion = version === null ? undefined : readVersion(version);
  const parsedRange = readRange(range);
  if (!parsedVersion || !parsedRange) {
    return null;
  }
  return parsedRange.test(parsedVersion);
}
