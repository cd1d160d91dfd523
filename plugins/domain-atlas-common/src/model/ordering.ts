/** The distinct values, sorted by {@link compareStrings}. */
export function sortedUnique(values: Iterable<string>): string[] {
  if (Array.isArray(values) && isStrictlyAscending(values)) {
    // Most lists are built in order already: copying is all there is to do.
    return values.slice();
  }
  return [...new Set(values)].sort(compareStrings);
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
