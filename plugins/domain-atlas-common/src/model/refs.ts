/**
 * Lowercases the way the Backstage catalog compares refs (locale
 * independent; identical to `toLocaleLowerCase('en-US')` for refs).
 */
export function lower(text: string): string {
  return text.toLowerCase();
}

/** defaultKind → defaultNamespace → written value → ref (null: invalid). */
const cache = new Map<string, Map<string, Map<string, string | null>>>();
let cacheSize = 0;
const CACHE_LIMIT = 500_000;

let lastKind: string | undefined;
let lastNamespace: string | undefined;
let lastValues: Map<string, string | null> | undefined;

function cacheFor(
  defaultKind: string,
  defaultNamespace: string,
): Map<string, string | null> {
  // Consecutive calls mostly resolve the same field in the same namespace.
  if (
    lastValues !== undefined &&
    defaultKind === lastKind &&
    defaultNamespace === lastNamespace
  ) {
    return lastValues;
  }
  let byNamespace = cache.get(defaultKind);
  if (!byNamespace) {
    byNamespace = new Map();
    cache.set(defaultKind, byNamespace);
  }
  let byValue = byNamespace.get(defaultNamespace);
  if (!byValue) {
    byValue = new Map();
    byNamespace.set(defaultNamespace, byValue);
  }
  lastKind = defaultKind;
  lastNamespace = defaultNamespace;
  lastValues = byValue;
  return byValue;
}

/**
 * Parses `[kind:][namespace/]name` exactly as `parseEntityRef` of
 * `@backstage/catalog-model` does, without its exceptions (this runs for
 * every reference of every entity).
 */
function parse(
  value: string,
  defaultKind: string | undefined,
  defaultNamespace: string,
): string | null {
  let colon = value.indexOf(':');
  const slash = value.indexOf('/');
  if (slash !== -1 && slash < colon) {
    colon = -1;
  }
  const kind = colon === -1 ? defaultKind : value.slice(0, colon);
  const namespace =
    slash === -1 ? defaultNamespace : value.slice(colon + 1, slash);
  const name = value.slice(Math.max(colon + 1, slash + 1));
  if (!kind || !namespace || !name || /[:/\s]/.test(name)) {
    return null;
  }
  return lower(`${kind}:${namespace}/${name}`);
}

/**
 * Turns a ref as written in a spec field (`orders`, `group:team-a`,
 * `resource:shop/orders-db`) into a full lowercase ref, or undefined when it
 * does not parse. Kind and namespace default as Backstage does. Cached by
 * the written value: this runs for every reference of every entity.
 */
export function normalizeRef(
  value: unknown,
  defaultKind: string | undefined,
  defaultNamespace: string,
): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  let ref = cacheFor(defaultKind ?? '', defaultNamespace).get(value);
  if (ref === undefined) {
    const trimmed = value.trim();
    ref = trimmed === '' ? null : parse(trimmed, defaultKind, defaultNamespace);
    if (cacheSize >= CACHE_LIMIT) {
      cache.clear();
      lastValues = undefined;
      cacheSize = 0;
    }
    cacheFor(defaultKind ?? '', defaultNamespace).set(value, ref);
    cacheSize++;
  }
  return ref ?? undefined;
}

/** The kind part of a full ref: `component` of `component:default/x`. */
export function kindOfRef(ref: string): string {
  const colon = ref.indexOf(':');
  return colon < 0 ? '' : ref.slice(0, colon);
}

/** The name part of a full ref: `x` of `component:default/x`. */
export function nameOfRef(ref: string): string {
  return ref.slice(ref.indexOf('/') + 1);
}
