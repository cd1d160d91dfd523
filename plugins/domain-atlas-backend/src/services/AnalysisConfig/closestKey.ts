/**
 * The edit distance between two strings: insertions, deletions,
 * substitutions and swaps of neighbouring characters each count 1
 * (optimal string alignment), so `shedule`, `schedul` and `shcedule` are
 * all 1 from `schedule`.
 */
export function editDistance(a: string, b: string): number {
  // rows[i][j]: distance between the first i characters of a and the
  // first j of b.
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
  }
  for (let j = 1; j <= b.length; j++) {
    rows[0][j] = j;
  }
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(
        rows[i - 1][j] + 1,
        rows[i][j - 1] + 1,
        rows[i - 1][j - 1] + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
      }
    }
  }
  return rows[a.length][b.length];
}

/**
 * The candidate a mistyped key most likely meant, ignoring case, or
 * undefined when none is close: at most one edit for short keys, up to a
 * third of the key's length for longer ones.
 */
export function closestKey(
  key: string,
  candidates: Iterable<string>,
): string | undefined {
  const limit = Math.max(1, Math.floor(key.length / 3));
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(
      key.toLocaleLowerCase('en-US'),
      candidate.toLocaleLowerCase('en-US'),
    );
    if (distance <= limit && (!best || distance < best.distance)) {
      best = { candidate, distance };
    }
  }
  return best?.candidate;
}
