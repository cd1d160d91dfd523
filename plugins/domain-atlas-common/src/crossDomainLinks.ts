import type {
  CatalogEntity,
  EntityRecord,
  IndexedCatalog,
} from './model/catalog';
import type { RuleContext } from './rules/types';
import { internalsOf } from './model/internals';

/**
 * A component using an entity of another domain: an API through
 * `spec.consumesApis`, or a component or resource through `spec.dependsOn`.
 */
export interface CrossDomainLink {
  component: CatalogEntity;
  /** The component's domain; null when it is unassigned. */
  own: string | null;
  via: 'consumesApis' | 'dependsOn';
  target: CatalogEntity;
  /** The target's domain: never null, never `own`. */
  theirs: string;
}

const computed = new WeakMap<RuleContext, ReadonlyArray<CrossDomainLink>>();

function findLinks(context: RuleContext): CrossDomainLink[] {
  const internals = internalsOf(context);
  if (internals) {
    return findLinksOfRecords(internals.catalog);
  }
  const { catalog, relations, domains } = context;
  const links: CrossDomainLink[] = [];
  for (const component of catalog.ofKind('component')) {
    const own = domains.domainOf(component.ref);
    const { consumesApis, dependsOn } = relations.of(component.ref);
    for (const [via, targets] of [
      ['consumesApis', consumesApis],
      ['dependsOn', dependsOn],
    ] as const) {
      for (const ref of targets) {
        const theirs = domains.domainOf(ref);
        const target = theirs === null ? undefined : catalog.get(ref);
        if (target && theirs !== own) {
          links.push({ component, own, via, target, theirs: theirs! });
        }
      }
    }
  }
  return links;
}

/** {@link findLinks} on the records of the analysis: no lookups. */
function findLinksOfRecords(catalog: IndexedCatalog): CrossDomainLink[] {
  const links: CrossDomainLink[] = [];
  const add = (
    record: EntityRecord,
    via: CrossDomainLink['via'],
    targets: ReadonlyArray<EntityRecord>,
  ) => {
    const own = record.domain;
    // Indexed: `targets` may be the frozen NO_RECORDS.
    for (let i = 0; i < targets.length; i++) {
      const target = targets[i];
      const theirs = target.domain;
      if (theirs !== null && theirs !== own) {
        links.push({
          component: record.entity,
          own: own === null ? null : own.ref,
          via,
          target: target.entity,
          theirs: theirs.ref,
        });
      }
    }
  };
  for (const record of catalog.recordsOfKind('component')) {
    add(record, 'consumesApis', record.consumesApis);
    add(record, 'dependsOn', record.dependsOn);
  }
  return links;
}

/**
 * Every link from a component to an entity of another domain, in catalog
 * order (by component; per component its `consumesApis`, then its
 * `dependsOn`, each in written order). Most links stay inside their domain;
 * the rules about crossing domains and the isolation graph look only at
 * these, computed once per analysis.
 */
export function crossDomainLinks(
  context: RuleContext,
): ReadonlyArray<CrossDomainLink> {
  let links = computed.get(context);
  if (!links) {
    links = findLinks(context);
    computed.set(context, links);
  }
  return links;
}
