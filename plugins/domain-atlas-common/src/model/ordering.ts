/** The distinct values, sorted by {@link compareStrings}. */
export function sortedUnique(values: Iterable<string>): string[] {
  if (Array.isArray(values)) {
    if (isStrictlyAscending(values)) {
      // Most lists are built in order already: copying is all there is to do.
      return values.slice();
    }
    if (values.length <= 16) {
      // The entities of a finding: a few, sorted in place of a copy.
      return sortedUniqueFew(values);
    }
  }
  return [...new Set(values)].sort(compareStrings);
}

/** {@link sortedUnique} by insertion into a copy: for short lists. */
function sortedUniqueFew(values: ReadonlyArray<string>): string[] {
  const result: string[] = [];
  for (const value of values) {
    let i = result.length;
    while (i > 0 && value < result[i - 1]) {
      i--;
    }
    if (i === 0 || result[i - 1] !== value) {
      result.splice(i, 0, value);
    }
  }
  return result;
}

function isStrictlyAscending(values: ReadonlyArray<string>): boolean {
  for (let i = 1; i < values.length; i++) {
    if (!(values[i - 1] < values[i])) {
      return false;
    }
  }
  return true;
}

/** Code-unit string comparison: deterministic in every runtime and locale. */
export function compareStrings(a: string, b: string): number {
  if (a < b) {
    return -1;
  }
  return a > b ? 1 : 0;
}

/**
 * {@link compareStrings} for strings known to differ (the keys of one Map):
 * one comparison per call instead of two, which shows when sorting tens of
 * thousands of names.
 */
export function compareDistinctStrings(a: string, b: string): number {
  return a < b ? -1 : 1;
}
