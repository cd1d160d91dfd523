import type { CatalogEntity, EntityRecord, IndexedCatalog } from './catalog';
import { NO_RECORDS } from './catalog';
import type { RuleViolation } from '../rules/types';
import { CatalogProblems } from './problems';
import { lower, normalizeRef, parseRefParts } from './refs';
import { valueText } from './valueText';

/**
 * The references an entity makes in its spec, resolved to full lowercase
 * refs. Only refs to existing entities of the expected kind are kept,
 * except `owner`, which is kept even when it names no entity (rules tell a
 * missing owner from a present one); every ref that cannot be used, a
 * missing owner included, is an `invalid-reference` problem. `dependsOn`
 * includes the entities that name this one in their `dependencyOf`, as the
 * catalog's relations do.
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
  dependencyOf: string[];
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

/**
 * Where a field's resolved refs are kept on the record; `owner` has two
 * slots (`owner`, `ownerRecord`).
 */
type Slot =
  | 'owner'
  | 'system'
  | 'specDomain'
  | 'subdomainOf'
  | 'subcomponentOf'
  | 'parent'
  | 'children'
  | 'members'
  | 'memberOf'
  | 'dependsOn'
  | 'dependencyOf'
  | 'consumesApis'
  | 'providesApis';

interface FieldSpec {
  field: keyof EntityRelations;
  defaultKind: string;
  kinds: ReadonlyArray<string>;
  /** `kind:` of each kind, to check a ref's kind without slicing it. */
  kindPrefixes: ReadonlyArray<string>;
  slot: Slot;
  list: boolean;
  /** Index of the field's cache in a {@link RefResolver}. */
  id: number;
}

const LIST_FIELDS: ReadonlyArray<string> = [
  'children',
  'members',
  'memberOf',
  'dependsOn',
  'dependencyOf',
  'consumesApis',
  'providesApis',
];

let fieldCount = 0;

const field = (
  name: keyof EntityRelations,
  defaultKind: string,
  kinds: ReadonlyArray<string> = [defaultKind],
): FieldSpec => ({
  field: name,
  defaultKind,
  kinds,
  kindPrefixes: kinds.map(kind => `${kind}:`),
  slot: name === 'domain' ? 'specDomain' : (name as Slot),
  list: LIST_FIELDS.includes(name),
  id: fieldCount++,
});

const OWNER = field('owner', 'group', ['group', 'user']);
const DEPENDS_ON = field('dependsOn', 'component', ['component', 'resource']);
const DEPENDENCY_OF = field('dependencyOf', 'component', [
  'component',
  'resource',
]);

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
    DEPENDS_ON,
    DEPENDENCY_OF,
  ],
  api: [OWNER, field('system', 'system')],
  resource: [OWNER, field('system', 'system'), DEPENDS_ON, DEPENDENCY_OF],
  group: [
    field('parent', 'group'),
    field('children', 'group'),
    field('members', 'user'),
  ],
  user: [field('memberOf', 'group')],
  // Software templates name an owner too.
  template: [OWNER],
};

/**
 * The list of an entity that names nothing. Most entities leave most
 * fields empty, so they share this one (frozen: never to be filled).
 */
const NO_REFS = Object.freeze([]) as unknown as string[];

const EMPTY: EntityRelations = Object.freeze({
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
  dependencyOf: NO_REFS,
  consumesApis: NO_REFS,
  providesApis: NO_REFS,
}) as EntityRelations;

/** What a written ref resolves to, when it can be used. */
type Target = EntityRecord | string;

/**
 * Resolves one written ref: the entity, or for `owner` the ref when it
 * names no entity (kept, and reported each time it is used); else the
 * reason it cannot be used and the ref it parsed to, if any.
 */
function resolveWritten(
  spec: FieldSpec,
  item: unknown,
  namespace: string,
  catalog: IndexedCatalog,
): Target | { ref: string | undefined; problem: string } {
  if (typeof item === 'string') {
    // Most refs name an entity: looked up by their parts, without
    // building the ref.
    const trimmed = item.trim();
    const parts =
      trimmed === ''
        ? null
        : parseRefParts(trimmed, spec.defaultKind, namespace);
    if (parts !== null) {
      const kind = lower(parts[0]);
      const target = spec.kinds.includes(kind)
        ? catalog.lookup(kind, lower(parts[1]), lower(parts[2]))
        : undefined;
      if (target) {
        return target;
      }
    }
  }
  const ref = normalizeRef(item, spec.defaultKind, namespace);
  if (ref === undefined) {
    return { ref, problem: `has ${valueText(item)}, not an entity ref` };
  }
  if (!spec.kindPrefixes.some(prefix => ref.startsWith(prefix))) {
    return {
      ref,
      problem: `refers to ${ref}; expected a ${spec.kinds.join(' or ')}`,
    };
  }
  const target = catalog.record(ref);
  if (target) {
    return target;
  }
  if (spec.field === 'owner') {
    return ref;
  }
  return { ref, problem: `refers to ${ref}, which is not in the catalog` };
}

/**
 * The written values of each field (by `FieldSpec.id`) that resolved to a
 * usable target, in one namespace.
 */
type Resolved = Array<Map<string, Target>>;

/** The owner kind a written owner may have meant instead. */
const OTHER_OWNER_KIND: Record<string, string | undefined> = {
  group: 'user',
  user: 'group',
};

/**
 * Resolves the spec references of the entities, each distinct written value
 * once per field and namespace: a catalog names the same team, system or
 * API thousands of times, and JSON.parse gives every occurrence of a short
 * string the same interned string, so a lookup here costs less than
 * parsing the ref and looking it up in the catalog. Values that cannot be
 * used are not kept: each occurrence is reported. Per analysis: nothing is
 * kept across calls.
 */
class RefResolver {
  private readonly byNamespace = new Map<string, Resolved>();

  constructor(
    private readonly catalog: IndexedCatalog,
    /** Receives each `invalid-reference` problem. */
    readonly report: (record: EntityRecord, violation: RuleViolation) => void,
  ) {}

  /** The resolved values of a namespace. */
  resolvedIn(namespace: string): Resolved {
    let resolved = this.byNamespace.get(namespace);
    if (!resolved) {
      resolved = [];
      for (let i = 0; i < fieldCount; i++) {
        resolved.push(new Map());
      }
      this.byNamespace.set(namespace, resolved);
    }
    return resolved;
  }

  /**
   * Resolves one item of a field's `value` (the value itself, or one of
   * its elements): the target, or undefined after reporting the problem.
   * An owner that names no entity is reported and kept.
   */
  resolve(
    record: EntityRecord,
    spec: FieldSpec,
    value: unknown,
    item: unknown,
    resolved: Resolved,
  ): Target | undefined {
    if (typeof item === 'string') {
      const known = resolved[spec.id].get(item);
      if (known !== undefined) {
        if (typeof known === 'string') {
          this.reportMissing(record, spec, value, known);
        }
        return known;
      }
    }
    const target = this.resolveNew(record, spec, value, item, resolved);
    if (typeof target === 'string') {
      this.reportMissing(record, spec, value, target);
    }
    return target;
  }

  /** Reports a ref that parses but names no entity. */
  private reportMissing(
    record: EntityRecord,
    spec: FieldSpec,
    value: unknown,
    ref: string,
  ) {
    this.report(
      record,
      invalidReference(
        record.entity,
        spec,
        value,
        ref,
        `refers to ${ref}, which is not in the catalog${this.hintFor(ref)}`,
      ),
    );
  }

  /**
   * `owner: ben` means `group:default/ben`, as in Backstage; when only a
   * User of that name exists, say how to name it (and the other way round).
   */
  private hintFor(ref: string): string {
    const colon = ref.indexOf(':');
    const other = OTHER_OWNER_KIND[ref.slice(0, colon)];
    if (other === undefined) {
      return '';
    }
    const otherRef = `${other}${ref.slice(colon)}`;
    return this.catalog.record(otherRef)
      ? `; ${otherRef} exists: write ${otherRef} to mean it`
      : '';
  }

  /** {@link RefResolver.resolve} for a value not resolved before. */
  private resolveNew(
    record: EntityRecord,
    spec: FieldSpec,
    value: unknown,
    item: unknown,
    resolved: Resolved,
  ): Target | undefined {
    const cache = resolved[spec.id];
    const entity = record.entity;
    const outcome = resolveWritten(spec, item, entity.namespace, this.catalog);
    if (typeof outcome === 'string' || 'entity' in outcome) {
      if (typeof item === 'string') {
        cache.set(item, outcome);
      }
      return outcome;
    }
    this.report(
      record,
      invalidReference(entity, spec, value, outcome.ref, outcome.problem),
    );
    return undefined;
  }
}

function invalidReference(
  entity: CatalogEntity,
  spec: FieldSpec,
  value: unknown,
  target: string | undefined,
  message: string,
): RuleViolation {
  return {
    subject: entity.ref,
    entities: target ? [entity.ref, target] : [entity.ref],
    key: `${spec.field}:${target ?? valueText(value)}`,
    message: `spec.${spec.field} of ${entity.ref} ${message}`,
  };
}

/** Keeps the target of a single-ref field on the record. */
function setSingle(record: EntityRecord, slot: Slot, target: Target) {
  switch (slot) {
    case 'owner':
      if (typeof target === 'string') {
        record.owner = target;
      } else {
        record.owner = target.ref;
        record.ownerRecord = target;
      }
      return;
    case 'system':
      record.system = target as EntityRecord;
      return;
    case 'specDomain':
      record.specDomain = target as EntityRecord;
      return;
    case 'subdomainOf':
      record.subdomainOf = target as EntityRecord;
      return;
    case 'subcomponentOf':
      record.subcomponentOf = target as EntityRecord;
      return;
    case 'parent':
      record.parent = target as EntityRecord;
      return;
    default:
      throw new Error(`${slot} is a list`);
  }
}

/** Keeps the targets of a list field on the record. */
function setList(
  record: EntityRecord,
  slot: Slot,
  targets: ReadonlyArray<EntityRecord>,
) {
  switch (slot) {
    case 'children':
      record.children = targets;
      return;
    case 'members':
      record.members = targets;
      return;
    case 'memberOf':
      record.memberOf = targets;
      return;
    case 'dependsOn':
      record.dependsOn = targets;
      return;
    case 'dependencyOf':
      record.dependencyOf = targets;
      return;
    case 'consumesApis':
      record.consumesApis = targets;
      return;
    case 'providesApis':
      record.providesApis = targets;
      return;
    default:
      throw new Error(`${slot} is not a list`);
  }
}

/**
 * Resolves one spec field of an entity onto its record: the valid refs of
 * a list without repeats; for a single ref, the first valid one.
 */
function resolveField(
  record: EntityRecord,
  spec: FieldSpec,
  resolver: RefResolver,
  resolved: Resolved,
) {
  const value = record.entity.spec[spec.field];
  if (value === undefined || value === null) {
    return;
  }
  if (typeof value === 'string') {
    const target = resolver.resolve(record, spec, value, value, resolved);
    if (target === undefined) {
      return;
    }
    if (spec.list) {
      setList(record, spec.slot, [target as EntityRecord]);
    } else {
      setSingle(record, spec.slot, target);
    }
    return;
  }
  if (!Array.isArray(value)) {
    const text = `is ${valueText(value)}, not an entity ref`;
    resolver.report(
      record,
      invalidReference(record.entity, spec, value, undefined, text),
    );
    return;
  }
  let targets: EntityRecord[] | undefined;
  let first = true;
  for (const item of value) {
    const target = resolver.resolve(record, spec, value, item, resolved);
    if (target === undefined) {
      continue;
    }
    if (!spec.list) {
      if (first) {
        setSingle(record, spec.slot, target);
        first = false;
      }
    } else if (targets === undefined) {
      targets = [target as EntityRecord];
    } else if (!targets.includes(target as EntityRecord)) {
      targets.push(target as EntityRecord);
    }
  }
  if (targets !== undefined) {
    setList(record, spec.slot, targets);
  }
}

/** The kinds whose spec references make reverse lists, in ref order. */
const REVERSE_LIST_KINDS = ['component', 'resource'];

const refOf = (record: EntityRecord | null) =>
  record === null ? null : record.ref;

const refsOf = (records: ReadonlyArray<EntityRecord>) =>
  records.length === 0 ? NO_REFS : records.map(record => record.ref);

/** The public, ref-based view of a record's relations. */
function viewOf(record: EntityRecord): EntityRelations {
  return {
    owner: record.owner,
    system: refOf(record.system),
    domain: refOf(record.specDomain),
    subdomainOf: refOf(record.subdomainOf),
    subcomponentOf: refOf(record.subcomponentOf),
    parent: refOf(record.parent),
    children: refsOf(record.children),
    members: refsOf(record.members),
    memberOf: refsOf(record.memberOf),
    dependsOn: refsOf(record.dependsOn),
    dependencyOf: refsOf(record.dependencyOf),
    consumesApis: refsOf(record.consumesApis),
    providesApis: refsOf(record.providesApis),
  };
}

/**
 * Resolves the spec references of every entity (relations in the input are
 * not relied on: catalog YAML files have none) onto the catalog's records,
 * with the reverse lookups, sorted by ref.
 */
export function buildCatalogRelations(
  catalog: IndexedCatalog,
  problems: CatalogProblems,
): CatalogRelations {
  // The records are visited in the order of the input, which is the order
  // of the entities in memory (in ref order they would be read all over
  // the heap). What depends on the order is done in ref order afterwards:
  // the problems are reported kind by kind in the order of FIELDS_BY_KIND
  // and then by ref, and the reverse lists are filled by ref.
  const fieldsByKind = new Map<string, FieldSpec[]>();
  let order = 0;
  for (const kind of Object.keys(FIELDS_BY_KIND)) {
    fieldsByKind.set(kind, FIELDS_BY_KIND[kind]);
    order = numberRecords(catalog.recordsOfKind(kind), order);
  }
  const found: Array<{ record: EntityRecord; violation: RuleViolation }> = [];
  const resolver = new RefResolver(catalog, (record, violation) =>
    found.push({ record, violation }),
  );
  let namespace = 'default';
  let resolved = resolver.resolvedIn(namespace);
  for (const record of catalog.records()) {
    const fields = fieldsByKind.get(record.entity.kind);
    if (fields === undefined) {
      continue;
    }
    if (record.entity.namespace !== namespace) {
      namespace = record.entity.namespace;
      resolved = resolver.resolvedIn(namespace);
    }
    resolveRecord(record, fields, resolver, resolved);
  }
  // `dependencyOf` is `dependsOn` written on the other side, as in the
  // catalog's relations.
  for (const kind of REVERSE_LIST_KINDS) {
    const records = catalog.recordsOfKind(kind);
    for (let i = 0; i < records.length; i++) {
      addDependencyOf(records[i]);
    }
  }
  // The reverse lists are filled in ref order (the kinds that make them,
  // components and resources, each by ref), so they come out sorted.
  for (const kind of REVERSE_LIST_KINDS) {
    const records = catalog.recordsOfKind(kind);
    for (let i = 0; i < records.length; i++) {
      addToReverseLists(records[i]);
    }
  }
  // Stable: the problems of one entity keep their order.
  found.sort((a, b) => a.record.order - b.record.order);
  for (const { violation } of found) {
    problems.add('invalid-reference', violation);
  }
  const recordOf = (ref: string) => catalog.record(ref);
  return {
    of: ref => {
      const record = recordOf(ref);
      if (!record?.hasRelations) {
        return EMPTY;
      }
      if (record.relations === undefined) {
        record.relations = viewOf(record);
      }
      return record.relations;
    },
    providersOf: ref =>
      recordOf(ref)?.providers.map(record => record.ref) ?? [],
    consumersOf: ref =>
      recordOf(ref)?.consumers.map(record => record.ref) ?? [],
    dependentsOf: ref =>
      recordOf(ref)?.dependents.map(record => record.ref) ?? [],
  };
}

/**
 * Resolves the spec references of one entity. One function per entity, so
 * that V8 optimises it once for all entities and all analyses.
 */
function resolveRecord(
  record: EntityRecord,
  fields: ReadonlyArray<FieldSpec>,
  resolver: RefResolver,
  resolved: Resolved,
) {
  record.hasRelations = true;
  for (const spec of fields) {
    resolveField(record, spec, resolver, resolved);
  }
}

/**
 * `list` with `record` added: a new list in place of the shared, frozen
 * NO_RECORDS, else the same list.
 */
function withRecord(list: EntityRecord[], record: EntityRecord) {
  if (list === NO_RECORDS) {
    return [record];
  }
  list.push(record);
  return list;
}

/**
 * Adds a component or resource to the `dependsOn` of what it names in its
 * `dependencyOf`, once.
 */
function addDependencyOf(record: EntityRecord) {
  const { dependencyOf } = record;
  for (let i = 0; i < dependencyOf.length; i++) {
    const dependent = dependencyOf[i];
    if (!dependent.dependsOn.includes(record)) {
      dependent.dependsOn = [...dependent.dependsOn, record];
    }
  }
}

/** Adds a component or resource to the reverse lists of what it names. */
function addToReverseLists(record: EntityRecord) {
  // Indexed loops: a list may be the frozen NO_RECORDS, which for-of
  // would walk through the generic iterator.
  const { providesApis, consumesApis, dependsOn } = record;
  for (let i = 0; i < providesApis.length; i++) {
    providesApis[i].providers = withRecord(providesApis[i].providers, record);
  }
  for (let i = 0; i < consumesApis.length; i++) {
    consumesApis[i].consumers = withRecord(consumesApis[i].consumers, record);
  }
  for (let i = 0; i < dependsOn.length; i++) {
    dependsOn[i].dependents = withRecord(dependsOn[i].dependents, record);
  }
}

/** Numbers records from `start` on; returns the next number. */
function numberRecords(records: ReadonlyArray<EntityRecord>, start: number) {
  let order = start;
  for (const record of records) {
    record.order = order++;
  }
  return order;
}
