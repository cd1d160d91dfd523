/** The distinct values, sorted by {@link compareStrings}. */
export function sortedUnique(values: Iterable<string>): string[] {
  if (Array.isArray(values) && values.length <= 2) {
    if (values.length < 2) {
      return [...values];
    }
    const [a, b] = values as string[];
    if (a === b) {
      return [a];
    }
    return a < b ? [a, b] : [b, a];
  }
  return [...new Set(values)].sort(compareStrings);
}

/** Code-unit string comparison: deterministic in every runtime and locale. */
export function compareStrings(a: string, b: string): number {
  if (a < b) {
    return -1;
  }
  return a > b ? 1 : 0;
}
