import type { CatalogEntity, CatalogIndex } from './catalog';
import { CatalogProblems } from './problems';
import { compareStrings } from './ordering';
import { kindOfRef, normalizeRef } from './refs';
import { valueText } from './valueText';

/**
 * The references an entity makes in its spec, resolved to full lowercase
 * refs. Except for `owner` (kept even when it resolves to nothing, so rules
 * can report it), only refs to existing entities of the expected kind are
 * kept; everything else is an `invalid-reference` problem.
 *
 * @public
 */
export interface EntityRelations {
  owner: string | null;
  system: string | null;
  domain: string | null;
  subdomainOf: string | null;
  subcomponentOf: string | null;
  parent: string | null;
  children: string[];
  members: string[];
  memberOf: string[];
  dependsOn: string[];
  consumesApis: string[];
  providesApis: string[];
}

/**
 * Resolved spec references of every entity, plus reverse lookups.
 *
 * @public
 */
export interface CatalogRelations {
  of(ref: string): EntityRelations;
  /** Components that provide an API, sorted. */
  providersOf(apiRef: string): ReadonlyArray<string>;
  /** Components that consume an API, sorted. */
  consumersOf(apiRef: string): ReadonlyArray<string>;
  /** Components and resources that depend on an entity, sorted. */
  dependentsOf(ref: string): ReadonlyArray<string>;
}

interface FieldSpec {
  field: keyof EntityRelations;
  defaultKind: string;
  kinds: ReadonlyArray<string>;
  list: boolean;
}

const field = (
  name: keyof EntityRelations,
  defaultKind: string,
  kinds: ReadonlyArray<string> = [defaultKind],
): FieldSpec => ({
  field: name,
  defaultKind,
  kinds,
  list: [
    'children',
    'members',
    'memberOf',
    'dependsOn',
    'consumesApis',
    'providesApis',
  ].includes(name),
});

const OWNER = field('owner', 'group', ['group', 'user']);

/** Which spec fields are read for which kind, and the kinds they may point to. */
const FIELDS_BY_KIND: Record<string, FieldSpec[]> = {
  domain: [OWNER, field('subdomainOf', 'domain')],
  system: [OWNER, field('domain', 'domain')],
  component: [
    OWNER,
    field('system', 'system'),
    field('subcomponentOf', 'component'),
    field('providesApis', 'api'),
    field('consumesApis', 'api'),
    field('dependsOn', 'component', ['component', 'resource']),
  ],
  api: [OWNER, field('system', 'system')],
  resource: [
    OWNER,
    field('system', 'system'),
    field('dependsOn', 'component', ['component', 'resource']),
  ],
  group: [
    field('parent', 'group'),
    field('children', 'group'),
    field('members', 'user'),
  ],
  user: [field('memberOf', 'group')],
};

function emptyRelations(): EntityRelations {
  return {
    owner: null,
    system: null,
    domain: null,
    subdomainOf: null,
    subcomponentOf: null,
    parent: null,
    children: [],
    members: [],
    memberOf: [],
    dependsOn: [],
    consumesApis: [],
    providesApis: [],
  };
}

const EMPTY: EntityRelations = Object.freeze(
  emptyRelations(),
) as EntityRelations;

function resolveField(
  entity: CatalogEntity,
  spec: FieldSpec,
  catalog: CatalogIndex,
  problems: CatalogProblems,
): string[] {
  const value = entity.spec[spec.field];
  if (value === undefined || value === null) {
    return [];
  }
  const report = (target: string | undefined, message: string) =>
    problems.add('invalid-reference', {
      subject: entity.ref,
      entities: target ? [entity.ref, target] : [entity.ref],
      key: `${spec.field}:${target ?? valueText(value)}`,
      message: `spec.${spec.field} of ${entity.ref} ${message}`,
    });
  let items: unknown[];
  if (Array.isArray(value)) {
    items = value;
  } else if (typeof value === 'string') {
    items = [value];
  } else {
    report(undefined, `is ${valueText(value)}, not an entity ref`);
    return [];
  }
  const resolved: string[] = [];
  for (const item of items) {
    const ref = normalizeRef(item, spec.defaultKind, entity.namespace);
    if (ref === undefined) {
      report(undefined, `has ${valueText(item)}, not an entity ref`);
    } else if (!spec.kinds.includes(kindOfRef(ref))) {
      report(ref, `refers to ${ref}; expected a ${spec.kinds.join(' or ')}`);
    } else if (spec.field === 'owner') {
      resolved.push(ref);
    } else if (!catalog.get(ref)) {
      report(ref, `refers to ${ref}, which is not in the catalog`);
    } else if (!resolved.includes(ref)) {
      resolved.push(ref);
    }
  }
  return resolved;
}

function addTo(map: Map<string, string[]>, key: string, value: string) {
  const list = map.get(key);
  if (list) {
    list.push(value);
  } else {
    map.set(key, [value]);
  }
}

/**
 * Resolves the spec references of every entity (relations in the input are
 * not relied on: catalog YAML files have none).
 */
export function buildCatalogRelations(
  catalog: CatalogIndex,
  problems: CatalogProblems,
): CatalogRelations {
  const byRef = new Map<string, EntityRelations>();
  const providers = new Map<string, string[]>();
  const consumers = new Map<string, string[]>();
  const dependents = new Map<string, string[]>();

  for (const entity of catalog.all()) {
    const fields = FIELDS_BY_KIND[entity.kind];
    if (!fields) {
      continue;
    }
    const relations = emptyRelations();
    for (const spec of fields) {
      const refs = resolveField(entity, spec, catalog, problems);
      if (spec.list) {
        (relations[spec.field] as string[]) = refs;
      } else {
        (relations[spec.field] as string | null) = refs[0] ?? null;
      }
    }
    byRef.set(entity.ref, relations);
    for (const api of relations.providesApis) {
      addTo(providers, api, entity.ref);
    }
    for (const api of relations.consumesApis) {
      addTo(consumers, api, entity.ref);
    }
    for (const target of relations.dependsOn) {
      addTo(dependents, target, entity.ref);
    }
  }
  for (const map of [providers, consumers, dependents]) {
    for (const list of map.values()) {
      list.sort(compareStrings);
    }
  }
  return {
    of: ref => byRef.get(ref) ?? EMPTY,
    providersOf: ref => providers.get(ref) ?? [],
    consumersOf: ref => consumers.get(ref) ?? [],
    dependentsOf: ref => dependents.get(ref) ?? [],
  };
}
