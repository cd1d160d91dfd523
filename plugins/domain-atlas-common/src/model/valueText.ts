/**
 * A short, safe text for any value found in catalog data, for messages and
 * finding keys. Never throws (null-prototype objects, cycles, BigInts).
 */
export function valueText(value: unknown): string {
  try {
    const text = JSON.stringify(value);
    if (text !== undefined) {
      return text.length > 80 ? `${text.slice(0, 77)}...` : text;
    }
  } catch {
    // Fall through to the type name.
  }
  return `a ${typeof value}`;
}
