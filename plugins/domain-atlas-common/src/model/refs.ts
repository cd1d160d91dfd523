/**
 * Lowercases the way the Backstage catalog compares refs (locale
 * independent; identical to `toLocaleLowerCase('en-US')` for refs).
 */
export function lower(text: string): string {
  return text.toLowerCase();
}

/**
 * Splits `[kind:][namespace/]name` exactly as `parseEntityRef` of
 * `@backstage/catalog-model` does, without its exceptions: the kind,
 * namespace and name as written (defaults filled in), or null.
 */
export function parseRefParts(
  value: string,
  defaultKind: string | undefined,
  defaultNamespace: string,
): [kind: string, namespace: string, name: string] | null {
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
  return [kind, namespace, name];
}

function parse(
  value: string,
  defaultKind: string | undefined,
  defaultNamespace: string,
): string | null {
  const parts = parseRefParts(value, defaultKind, defaultNamespace);
  return parts && lower(`${parts[0]}:${parts[1]}/${parts[2]}`);
}

/**
 * Turns a ref as written in a spec field (`orders`, `group:team-a`,
 * `resource:shop/orders-db`) into a full lowercase ref, or undefined when it
 * does not parse. Kind and namespace default as Backstage does. Not cached:
 * the relations model resolves each distinct written value once per
 * analysis (see `RefResolver`).
 */
export function normalizeRef(
  value: unknown,
  defaultKind: string | undefined,
  defaultNamespace: string,
): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const trimmed = value.trim();
  return trimmed === ''
    ? undefined
    : parse(trimmed, defaultKind, defaultNamespace) ?? undefined;
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
