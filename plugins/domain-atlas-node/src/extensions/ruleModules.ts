import type { DomainAtlasRule } from '@domain-atlas/plugin-domain-atlas-common';

/** Whether a value looks like a rule: an object with an id and `evaluate`. */
function isRule(value: unknown): value is DomainAtlasRule {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as DomainAtlasRule).id === 'string' &&
    typeof (value as DomainAtlasRule).evaluate === 'function'
  );
}

/**
 * The rules a module exports: every export that is a `DomainAtlasRule`
 * (an object with an id and an `evaluate` function), or an array of them,
 * the default export included, each once. Anything else a module exports
 * (a backend module, helpers) is left alone. The CLI's `--rules` and the
 * backend's `addRuleModule` read modules this way.
 *
 * @public
 */
export function rulesExportedBy(exported: unknown): DomainAtlasRule[] {
  const found = new Set<DomainAtlasRule>();
  if (typeof exported !== 'object' || exported === null) {
    return [];
  }
  for (const value of Object.values(exported)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (isRule(item)) {
        found.add(item);
      }
    }
  }
  return [...found];
}
