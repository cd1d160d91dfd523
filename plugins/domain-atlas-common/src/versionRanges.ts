/**
 * Just enough of semver ranges to check `domain-atlas.io/consumes-contracts`
 * pins: `*`, `x`, `2`, `2.x`, `2.1.x`, `^2`, `^2.1`, `~2.1`, `2.1.3`,
 * comparators (`>=2 <3`) and `||`. Missing version parts count as 0, and a
 * leading `v` is ignored.
 */

type Triple = [number, number, number];

/** Parses `2`, `v2.1`, `2.1.3-beta` into numbers; undefined when not a version. */
export function parseVersion(text: string): Triple | undefined {
  const match = /^\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/i.exec(text);
  if (!match) {
    return undefined;
  }
  return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
}

/** The major version of a version string, or undefined. */
export function majorVersion(text: string | null): number | undefined {
  return text === null ? undefined : parseVersion(text)?.[0];
}

function compare(a: Triple, b: Triple): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** Checks one comparator such as `^2.1`, `2.x` or `>=3`; undefined when unsupported. */
function satisfiesComparator(
  version: Triple,
  comparator: string,
): boolean | undefined {
  if (comparator === '*' || comparator.toLowerCase() === 'x') {
    return true;
  }
  const op =
    /^(\^|~|>=|<=|>|<|=)?\s*v?(\d+|x|\*)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?$/i.exec(
      comparator,
    );
  if (!op) {
    return undefined;
  }
  const operator = op[1] ?? '';
  const parts = [op[2], op[3], op[4]];
  const known = parts.findIndex(p => p === undefined || /^(x|\*)$/i.test(p));
  const precision = known < 0 ? 3 : known;
  const bound: Triple = [0, 1, 2].map(i =>
    i < precision ? Number(parts[i]) : 0,
  ) as Triple;
  const samePrefix = (n: number) =>
    bound.slice(0, n).every((value, i) => version[i] === value);
  switch (operator) {
    case '^':
      return (
        compare(version, bound) >= 0 &&
        samePrefix(bound[0] === 0 ? Math.min(precision, 2) : 1)
      );
    case '~':
      return (
        compare(version, bound) >= 0 &&
        samePrefix(Math.min(Math.max(precision, 1), 2))
      );
    case '>=':
      return compare(version, bound) >= 0;
    case '>':
      return compare(version, bound) > 0;
    case '<=':
      return compare(version, bound) <= 0;
    case '<':
      return compare(version, bound) < 0;
    default:
      return samePrefix(precision);
  }
}

/**
 * Whether a version satisfies a pin range (see the module comment for the
 * supported syntax); null when either cannot be read.
 *
 * @public
 */
export function satisfiesRange(
  version: string | null,
  range: string,
): boolean | null {
  const parsed = version === null ? undefined : parseVersion(version);
  if (!parsed) {
    return null;
  }
  let anyUnsupported = false;
  for (const alternative of range.split('||')) {
    const comparators = alternative
      .trim()
      .replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1')
      .split(/\s+/)
      .filter(c => c !== '');
    if (comparators.length === 0) {
      continue;
    }
    const results = comparators.map(c => satisfiesComparator(parsed, c));
    if (results.includes(undefined)) {
      anyUnsupported = true;
    } else if (results.every(Boolean)) {
      return true;
    }
  }
  return anyUnsupported ? null : false;
}
