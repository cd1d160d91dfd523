/** A JSON or YAML object as parsed: the shape every document walk starts from. */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `#/components/schemas/a~1b` → `['components', 'schemas', 'a/b']`; undefined for remote refs. */
export function pointerSegments(ref: string): string[] | undefined {
  if (!ref.startsWith('#/')) {
    return undefined;
  }
  return ref
    .slice(2)
    .split('/')
    .map(segment => {
      let decoded = segment;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        // A stray `%` is part of the name.
      }
      return decoded.replace(/~1/g, '/').replace(/~0/g, '~');
    });
}

/** A JSON pointer (no URI encoding): `/channels/orders~1placed` → `['channels', 'orders/placed']`. */
export function jsonPointerSegments(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map(segment => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `['channels', 'orders/placed']` → `#/channels/orders~1placed` */
export function pointerOf(segments: string[]): string {
  return `#/${segments
    .map(segment => segment.replace(/~/g, '~0').replace(/\//g, '~1'))
    .join('/')}`;
}

/** The value at a path of keys, or undefined where the path leaves the document. */
export function valueAt(document: unknown, segments: string[]): unknown {
  let value: unknown = document;
  for (const segment of segments) {
    if (Array.isArray(value)) {
      value = value[Number(segment)];
    } else if (isObject(value)) {
      value = value[segment];
    } else {
      return undefined;
    }
  }
  return value;
}

/** An internal `$ref` object followed once; anything else as it is. */
export function resolveRef(document: unknown, value: unknown): unknown {
  if (isObject(value) && typeof value.$ref === 'string') {
    const segments = pointerSegments(value.$ref);
    return segments ? valueAt(document, segments) : value;
  }
  return value;
}

/** Calls `visit` on every string `$ref` found under `value`. */
export function forEachRef(value: unknown, visit: (ref: string) => void): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (Array.isArray(item)) {
      stack.push(...item);
    } else if (isObject(item)) {
      for (const [key, child] of Object.entries(item)) {
        if (key === '$ref' && typeof child === 'string') {
          visit(child);
        } else {
          stack.push(child);
        }
      }
    }
  }
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(canonical);
  }
  if (isObject(value)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map(key => [key, canonical(value[key])]),
    );
  }
  return value;
}

/** Deep equality of parsed documents; key order does not matter, array order does. */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
