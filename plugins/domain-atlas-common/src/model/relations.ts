import type { CatalogEntity, IndexedCatalog } from './catalog';
import { CatalogProblems } from './problems';
import { compareStrings } from './ordering';
import { normalizeRef } from './refs';
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
  /** `kind:` of each kind, to check a ref's kind without slicing it. */
  kindPrefixes: ReadonlyArray<string>;
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
  kindPrefixes: kinds.map(kind => `${kind}:`),
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

/**
 * The list of an entity that names nothing. Most entities leave most
 * fields empty, so they share this one (frozen: never to be filled).
 */
const NO_REFS = Object.freeze([]) as unknown as string[];

function emptyRelations(): EntityRelations {
  return {
    owner: null,
    system: null,
    domain: null,
    subdomainOf: null,
    subcomponentOf: null,
    parent: null,
    children: NO_REFS,
    members: NO_REFS,
    memberOf: NO_REFS,
    dependsOn: NO_REFS,
    consumesApis: NO_REFS,
    providesApis: NO_REFS,
  };
}

const EMPTY: EntityRelations = Object.freeze(
  emptyRelations(),
) as EntityRelations;

function reportInvalid(
  problems: CatalogProblems,
  entity: CatalogEntity,
  spec: FieldSpec,
  value: unknown,
  target: string | undefined,
  message: string,
) {
  problems.add('invalid-reference', {
    subject: entity.ref,
    entities: target ? [entity.ref, target] : [entity.ref],
    key: `${spec.field}:${target ?? valueText(value)}`,
    message: `spec.${spec.field} of ${entity.ref} ${message}`,
  });
}

function hasKindOf(ref: string, spec: FieldSpec): boolean {
  for (const prefix of spec.kindPrefixes) {
    if (ref.startsWith(prefix)) {
      return true;
    }
  }
  return false;
}

/**
 * Resolves one ref written in a spec field: the full ref, or undefined
 * after reporting why it cannot be used. Runs for every reference of every
 * entity, so it allocates nothing on the way to a valid ref.
 */
function resolveRef(
  entity: CatalogEntity,
  spec: FieldSpec,
  value: unknown,
  item: unknown,
  catalog: IndexedCatalog,
  problems: CatalogProblems,
): string | undefined {
  const ref = normalizeRef(item, spec.defaultKind, entity.namespace);
  let problem: string | undefined;
  if (ref === undefined) {
    problem = `has ${valueText(item)}, not an entity ref`;
  } else if (!hasKindOf(ref, spec)) {
    problem = `refers to ${ref}; expected a ${spec.kinds.join(' or ')}`;
  } else {
    const target = catalog.get(ref);
    if (target) {
      // The catalog's copy: every relation to an entity shares one string,
      // and the one just parsed is garbage right away.
      return target.ref;
    }
    if (spec.field === 'owner') {
      return ref;
    }
    problem = `refers to ${ref}, which is not in the catalog`;
  }
  reportInvalid(problems, entity, spec, value, ref, problem);
  return undefined;
}

/**
 * Resolves one spec field of an entity: its valid refs, without repeats
 * (except for `owner`, of which only the first counts).
 */
function resolveField(
  entity: CatalogEntity,
  spec: FieldSpec,
  catalog: IndexedCatalog,
  problems: CatalogProblems,
): string[] {
  const value = entity.spec[spec.field];
  if (value === undefined || value === null) {
    return NO_REFS;
  }
  if (typeof value === 'string') {
    const ref = resolveRef(entity, spec, value, value, catalog, problems);
    return ref === undefined ? NO_REFS : [ref];
  }
  if (!Array.isArray(value)) {
    const text = `is ${valueText(value)}, not an entity ref`;
    reportInvalid(problems, entity, spec, value, undefined, text);
    return NO_REFS;
  }
  let resolved: string[] = NO_REFS;
  for (const item of value) {
    const ref = resolveRef(entity, spec, value, item, catalog, problems);
    if (ref === undefined) {
      continue;
    } else if (resolved === NO_REFS) {
      resolved = [ref];
    } else if (spec.field === 'owner' || !resolved.includes(ref)) {
      resolved.push(ref);
    }
  }
  return resolved;
}

type ReverseList = 'providers' | 'consumers' | 'dependents';

/** Adds `ref` to a reverse list on the record of `target` (which exists). */
function addTo(
  catalog: IndexedCatalog,
  target: string,
  list: ReverseList,
  ref: string,
) {
  const record = catalog.record(target)!;
  const refs = record[list];
  if (refs) {
    refs.push(ref);
  } else {
    record[list] = [ref];
  }
}

/**
 * Resolves the spec references of every entity (relations in the input are
 * not relied on: catalog YAML files have none). The relations and the
 * reverse lookups are kept on the catalog's records.
 */
export function buildCatalogRelations(
  catalog: IndexedCatalog,
  problems: CatalogProblems,
): CatalogRelations {
  for (const kind of Object.keys(FIELDS_BY_KIND)) {
    const fields = FIELDS_BY_KIND[kind];
    for (const record of catalog.recordsOfKind(kind)) {
      const entity = record.entity;
      const relations = emptyRelations();
      for (const spec of fields) {
        const refs = resolveField(entity, spec, catalog, problems);
        if (spec.list) {
          (relations[spec.field] as string[]) = refs;
        } else {
          (relations[spec.field] as string | null) = refs[0] ?? null;
        }
      }
      record.relations = relations;
      for (const api of relations.providesApis) {
        addTo(catalog, api, 'providers', entity.ref);
      }
      for (const api of relations.consumesApis) {
        addTo(catalog, api, 'consumers', entity.ref);
      }
      for (const target of relations.dependsOn) {
        addTo(catalog, target, 'dependents', entity.ref);
      }
    }
  }
  for (const record of catalog.records()) {
    record.providers?.sort(compareStrings);
    record.consumers?.sort(compareStrings);
    record.dependents?.sort(compareStrings);
  }
  return {
    of: ref => catalog.record(ref)?.relations ?? EMPTY,
    providersOf: ref => catalog.record(ref)?.providers ?? [],
    consumersOf: ref => catalog.record(ref)?.consumers ?? [],
    dependentsOf: ref => catalog.record(ref)?.dependents ?? [],
  };
}
