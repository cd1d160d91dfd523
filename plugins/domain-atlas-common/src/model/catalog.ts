import type { EntityRelations } from './relations';
import type { RepositoryLocation } from '../repositoryUrls';
import { AtlasAnnotations, readAtlasAnnotations } from './annotations';
import { CatalogProblems } from './problems';
import { compareDistinctStrings, compareStrings } from './ordering';
import { lower } from './refs';
import { valueText } from './valueText';
import { makeValidator } from '@backstage/catalog-model';

/**
 * A catalog entity as the analysis sees it: validated, with its full
 * lowercase ref and its Domain Atlas annotations parsed.
 *
 * @public
 */
export interface CatalogEntity {
  ref: string;
  /** Lowercase kind. */
  kind: string;
  /** Lowercase namespace. */
  namespace: string;
  name: string;
  title: string;
  description?: string;
  annotations: Readonly<Record<string, string>>;
  labels: Readonly<Record<string, string>>;
  /** `metadata.tags`, the strings among them. */
  tags: ReadonlyArray<string>;
  /** `metadata.links`, the ones with a string `url`. */
  links: ReadonlyArray<CatalogEntityLink>;
  spec: Readonly<Record<string, unknown>>;
  /** Lowercase `spec.type`, or null. */
  type: string | null;
  atlas: AtlasAnnotations;
}

/**
 * A link of an entity (`metadata.links`), as rules read it.
 *
 * @public
 */
export interface CatalogEntityLink {
  url: string;
  title?: string;
  type?: string;
  icon?: string;
}

/**
 * Entities indexed by ref and by kind. The first entity with a ref wins;
 * later duplicates are `invalid-entity` problems.
 *
 * @public
 */
export interface CatalogIndex {
  get(ref: string): CatalogEntity | undefined;
  /** Entities of a (lowercase) kind, sorted by ref. */
  ofKind(kind: string): ReadonlyArray<CatalogEntity>;
  /** Every indexed entity. */
  all(): Iterable<CatalogEntity>;
}

/**
 * One entity and what the models learn about it. The catalog keeps one
 * record per ref, and the relations, domain and repository models fill in
 * their facts here instead of keeping Maps of refs of their own: the
 * models point from record to record, so that at 100,000 entities the
 * analysis looks a ref up once, where it is written, and follows pointers
 * from then on. The public, ref-based views (`CatalogRelations`,
 * `DomainModel`) read these records.
 */
export interface EntityRecord {
  readonly entity: CatalogEntity;
  /** `entity.ref`, one pointer closer. */
  readonly ref: string;
  /**
   * Set by the relations model: whether the entity's kind has spec
   * references (the kinds of `EntityRelations`).
   */
  hasRelations: boolean;
  /** `spec.owner` as a full ref, kept when it names no entity. */
  owner: string | null;
  /** The entity `spec.owner` names, when it is in the catalog. */
  ownerRecord: EntityRecord | null;
  system: EntityRecord | null;
  /** `spec.domain` (of a System). */
  specDomain: EntityRecord | null;
  subdomainOf: EntityRecord | null;
  subcomponentOf: EntityRecord | null;
  parent: EntityRecord | null;
  children: ReadonlyArray<EntityRecord>;
  members: ReadonlyArray<EntityRecord>;
  memberOf: ReadonlyArray<EntityRecord>;
  dependsOn: ReadonlyArray<EntityRecord>;
  dependencyOf: ReadonlyArray<EntityRecord>;
  consumesApis: ReadonlyArray<EntityRecord>;
  providesApis: ReadonlyArray<EntityRecord>;
  /**
   * Set by the relations model, sorted by ref: the components that provide
   * and consume this API, the components and resources that depend on
   * this entity.
   */
  providers: EntityRecord[];
  consumers: EntityRecord[];
  dependents: EntityRecord[];
  /** The public view of the relations, built on first request. */
  relations: EntityRelations | undefined;
  /** Set by the domain model: the domain itself, or the member's domain. */
  domain: EntityRecord | null;
  /** Set by the repository index for components that name a repository. */
  repository: RepositoryLocation | undefined;
  /** The name part of the ref. */
  readonly nameKey: string;
  /**
   * Set by the relations model: the position in the ref order of the kinds
   * with relations (components before resources, each by ref).
   */
  order: number;
}

/**
 * The list of a record that points to nothing. Most records leave most
 * lists empty, so they share this one (frozen: never to be filled).
 */
export const NO_RECORDS = Object.freeze([]) as unknown as EntityRecord[];

/** The catalog index as the models see it: with the records. */
export interface IndexedCatalog extends CatalogIndex {
  record(ref: string): EntityRecord | undefined;
  /**
   * The record of a ref given as its parts, each as it is in the ref
   * (lowercase).
   */
  lookup(
    kind: string,
    namespace: string,
    name: string,
  ): EntityRecord | undefined;
  /** Every record, in the order of the input. */
  records(): ReadonlyArray<EntityRecord>;
  /** Records of a (lowercase) kind, sorted by ref. */
  recordsOfKind(kind: string): ReadonlyArray<EntityRecord>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const NO_STRINGS: Readonly<Record<string, string>> = Object.freeze(
  Object.create(null),
);

/** Whether every value of a plain object is a string (the usual case). */
function isPlainStringRecord(value: Record<string, unknown>): boolean {
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    return false;
  }
  for (const key in value) {
    if (typeof value[key] !== 'string') {
      return false;
    }
  }
  return true;
}

/**
 * The string values of an annotations or labels object. Numbers and
 * booleans (unquoted in YAML) become their text, anything else is dropped.
 * The entity's own object is used as is when it needs no change: it is only
 * read, by fixed keys.
 */
function stringMap(
  value: unknown,
  onDropped: (key: string) => void,
): Readonly<Record<string, string>> {
  if (!isRecord(value)) {
    return NO_STRINGS;
  }
  if (isPlainStringRecord(value)) {
    return value as Record<string, string>;
  }
  const result: Record<string, string> = Object.create(null);
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'string') {
      result[key] = item;
    } else if (typeof item === 'number' || typeof item === 'boolean') {
      result[key] = String(item);
    } else {
      onDropped(key);
    }
  }
  return result;
}

/**
 * How a finding names an entity that has no usable ref: where it was read
 * (`file:line`, when the caller knows), else its position in the input.
 */
function describe(
  index: number,
  raw: unknown,
  location: string | undefined,
): string {
  const name =
    isRecord(raw) &&
    isRecord(raw.metadata) &&
    typeof raw.metadata.name === 'string'
      ? ` ('${raw.metadata.name}')`
      : '';
  return location === undefined
    ? `Entity #${index + 1}${name}`
    : `The entity at ${location}${name}`;
}

/**
 * Backstage's own rules for the parts of a ref, as the catalog applies
 * them (`FieldFormatEntityPolicy` with the default validators): an entity
 * the catalog would reject is not analysed either. The rest of that
 * policy (label, annotation and tag formats) is left out: it costs half a
 * `JSON.parse` of the catalog at 100,000 entities, and the backend's
 * entities have passed it already.
 */
const validators = makeValidator();

/** A value as a finding shows it: quoted, and cut when long. */
function shown(value: unknown): string {
  if (value === undefined) {
    return 'missing';
  }
  if (typeof value !== 'string') {
    return valueText(value);
  }
  return value.length > 70
    ? `"${value.slice(0, 60)}…" (${value.length} characters)`
    : `"${value}"`;
}

function whyInvalid(raw: unknown): string | undefined {
  if (!isRecord(raw)) {
    return 'is not an object';
  }
  if (!validators.isValidApiVersion(raw.apiVersion)) {
    return `has no valid apiVersion (${shown(
      raw.apiVersion,
    )}; expected e.g. backstage.io/v1alpha1)`;
  }
  if (!validators.isValidKind(raw.kind)) {
    return `has no valid kind (${shown(
      raw.kind,
    )}; expected letters and digits, starting with a letter)`;
  }
  if (!isRecord(raw.metadata)) {
    return 'has no metadata';
  }
  const { name, namespace } = raw.metadata;
  if (!validators.isValidEntityName(name)) {
    return `has no valid metadata.name (${shown(
      name,
    )}; expected at most 63 characters of [a-zA-Z0-9] separated by [-_.])`;
  }
  if (namespace !== undefined && !validators.isValidNamespace(namespace)) {
    return `has an invalid metadata.namespace (${shown(
      namespace,
    )}; expected at most 63 characters of [a-z0-9] separated by -)`;
  }
  return undefined;
}

/** The records of one kind and namespace, by the name part of their ref. */
type Names = Map<string, EntityRecord>;

const ignore = () => {};

/** The lists most entities leave empty share these (frozen). */
const NO_TAGS: ReadonlyArray<string> = Object.freeze([]);
const NO_LINKS: ReadonlyArray<CatalogEntityLink> = Object.freeze([]);

/**
 * `metadata.tags` as strings. The entity's own array is used as is when it
 * needs no change: it is only read.
 */
function tagsOf(value: unknown): ReadonlyArray<string> {
  if (!Array.isArray(value) || value.length === 0) {
    return NO_TAGS;
  }
  return value.every(tag => typeof tag === 'string')
    ? value
    : value.filter(tag => typeof tag === 'string');
}

function isLink(value: unknown): value is CatalogEntityLink {
  return isRecord(value) && typeof value.url === 'string';
}

/** `metadata.links` with a string url, the entity's own array when it can. */
function linksOf(value: unknown): ReadonlyArray<CatalogEntityLink> {
  if (!Array.isArray(value) || value.length === 0) {
    return NO_LINKS;
  }
  return value.every(isLink) ? value : value.filter(isLink);
}

/**
 * Indexes entities one by one. A class, so that the work for one entity is
 * one method, which V8 optimises once and keeps optimised, instead of one
 * long loop that every analysis enters unoptimised.
 */
class CatalogBuilder {
  /**
   * kind → namespace → name → record, with lowercase keys: the parts of
   * the ref.
   */
  readonly byKind = new Map<string, Map<string, Names>>();
  /** Every record, in input order. */
  readonly all: EntityRecord[] = [];
  /** Lowercase kinds and namespaces, by the raw text. */
  private readonly lowered = new Map<string, string>();
  /** The names of the last kind and namespace. */
  private lastKind = '';
  private lastNamespace = '';
  private lastNames: Names = new Map();
  /** How many entities had each repeated ref so far. */
  private readonly repeats = new Map<string, number>();
  /** The ref of the entity being indexed, for the problem reporters. */
  private currentRef = '';
  private readonly reportDropped = (key: string) => {
    const ref = this.currentRef;
    this.problems.add('invalid-annotation', {
      subject: ref,
      entities: [ref],
      key,
      message: `${key} on ${ref} is not a string and is ignored`,
    });
  };
  private readonly reportAnnotation = (key: string, message: string) => {
    const ref = this.currentRef;
    this.problems.add('invalid-annotation', {
      subject: ref,
      entities: [ref],
      key,
      message: `${message} (on ${ref})`,
    });
  };

  constructor(
    private readonly problems: CatalogProblems,
    private readonly locations: ReadonlyArray<string | undefined>,
  ) {}

  private lowerOnce(text: string): string {
    let result = this.lowered.get(text);
    if (result === undefined) {
      result = lower(text);
      this.lowered.set(text, result);
    }
    return result;
  }

  private invalid(index: number, raw: unknown, reason: string) {
    const location = this.locations[index];
    this.problems.add('invalid-entity', {
      entities: [],
      domain: null,
      key: location ?? `#${index + 1}`,
      message: `${describe(index, raw, location)} ${reason} and is ignored`,
    });
  }

  private duplicate(index: number, raw: unknown, ref: string) {
    // Keyed by which repeat of the ref it is, not by its position in the
    // input: the id stays when entities are added before it (baselines).
    const repeat = (this.repeats.get(ref) ?? 1) + 1;
    this.repeats.set(ref, repeat);
    this.problems.add('invalid-entity', {
      subject: ref,
      entities: [ref],
      key: `duplicate#${repeat}`,
      message: `${describe(
        index,
        raw,
        this.locations[index],
      )} repeats ${ref}; only the first one is analysed`,
    });
  }

  /** The names of a kind and namespace. */
  private namesOf(kind: string, namespace: string): Names {
    let namespaces = this.byKind.get(kind);
    if (!namespaces) {
      namespaces = new Map();
      this.byKind.set(kind, namespaces);
    }
    let names = namespaces.get(namespace);
    if (!names) {
      names = new Map();
      namespaces.set(namespace, names);
    }
    return names;
  }

  add(raw: unknown, index: number) {
    const reason = whyInvalid(raw);
    if (reason !== undefined) {
      this.invalid(index, raw, reason);
      return;
    }
    const entity = raw as Record<string, any>;
    const metadata = entity.metadata as Record<string, unknown>;
    const rawKind = entity.kind as string;
    const rawNamespace =
      (metadata.namespace as string | undefined) ?? 'default';
    const name = metadata.name as string;
    const kind = this.lowerOnce(rawKind);
    const namespace = this.lowerOnce(rawNamespace);
    // Lowercased as a whole, not part by part: that gives a flat string
    // rather than a concatenation, which is faster to compare and sort.
    // (The parts are ASCII, as Backstage's validators require, so part by
    // part the lowercase is the same.)
    const ref = lower(`${kind}:${namespace}/${name}`);
    const kindKey = kind;
    const namespaceKey = namespace;
    const nameKey = lower(name);
    // Entities mostly come grouped by kind and namespace.
    let names: Names;
    if (kindKey === this.lastKind && namespaceKey === this.lastNamespace) {
      names = this.lastNames;
    } else {
      names = this.namesOf(kindKey, namespaceKey);
      this.lastKind = kindKey;
      this.lastNamespace = namespaceKey;
      this.lastNames = names;
    }
    if (names.has(nameKey)) {
      this.duplicate(index, raw, ref);
      return;
    }
    this.currentRef = ref;
    const annotations = stringMap(metadata.annotations, this.reportDropped);
    const spec = isRecord(entity.spec) ? entity.spec : {};
    const title =
      typeof metadata.title === 'string' && metadata.title.trim() !== ''
        ? metadata.title
        : name;
    const labels = stringMap(metadata.labels, ignore);
    const tags = tagsOf(metadata.tags);
    const links = linksOf(metadata.links);
    const type = typeof spec.type === 'string' ? lower(spec.type.trim()) : null;
    const atlas = readAtlasAnnotations(annotations, this.reportAnnotation);
    const catalogEntity: CatalogEntity =
      typeof metadata.description === 'string'
        ? {
            ref,
            kind,
            namespace,
            name,
            title,
            description: metadata.description,
            annotations,
            labels,
            tags,
            links,
            spec,
            type,
            atlas,
          }
        : {
            ref,
            kind,
            namespace,
            name,
            title,
            annotations,
            labels,
            tags,
            links,
            spec,
            type,
            atlas,
          };
    const record: EntityRecord = {
      entity: catalogEntity,
      ref,
      hasRelations: false,
      owner: null,
      ownerRecord: null,
      system: null,
      specDomain: null,
      subdomainOf: null,
      subcomponentOf: null,
      parent: null,
      children: NO_RECORDS,
      members: NO_RECORDS,
      memberOf: NO_RECORDS,
      dependsOn: NO_RECORDS,
      dependencyOf: NO_RECORDS,
      consumesApis: NO_RECORDS,
      providesApis: NO_RECORDS,
      providers: NO_RECORDS,
      consumers: NO_RECORDS,
      dependents: NO_RECORDS,
      relations: undefined,
      domain: null,
      repository: undefined,
      nameKey,
      order: 0,
    };
    names.set(nameKey, record);
    this.all.push(record);
  }
}

/**
 * Validates and indexes raw catalog entities. Never throws: entities that
 * cannot be indexed become `invalid-entity` problems, invalid annotation
 * values `invalid-annotation` problems.
 *
 * Records are found by kind, namespace and name rather than by the whole
 * ref: names come from JSON.parse mostly as interned strings whose hash is
 * known, so the index costs a third of one Map of 100,000 new ref strings.
 */
export function buildCatalogIndex(
  rawEntities: ReadonlyArray<unknown>,
  problems: CatalogProblems,
  locations: ReadonlyArray<string | undefined> = [],
): IndexedCatalog {
  const builder = new CatalogBuilder(problems, locations);
  const list = Array.isArray(rawEntities) ? rawEntities : [];
  for (let index = 0; index < list.length; index++) {
    builder.add(list[index], index);
  }
  const { byKind, all } = builder;

  // Each kind sorted by ref: by `namespace/` (a namespace never contains
  // '/', so none of these begins another), then by name.
  const recordsByKind = new Map<string, EntityRecord[]>();
  for (const [kind, namespaces] of byKind) {
    const records: EntityRecord[] = [];
    const inOrder = [...namespaces.keys()]
      .map(namespace => `${namespace}/`)
      .sort(compareStrings);
    for (const prefix of inOrder) {
      const namespace = prefix.slice(0, -1);
      const inNamespace = [...namespaces.get(namespace)!.values()];
      // Names are the keys of one Map: never equal.
      inNamespace.sort((a, b) => compareDistinctStrings(a.nameKey, b.nameKey));
      for (const each of inNamespace) {
        records.push(each);
      }
    }
    recordsByKind.set(kind, records);
  }
  const entitiesByKind = new Map<string, CatalogEntity[]>();
  for (const [kind, records] of recordsByKind) {
    entitiesByKind.set(
      kind,
      records.map(each => each.entity),
    );
  }
  const record = (ref: string) => {
    const colon = ref.indexOf(':');
    const slash = ref.indexOf('/', colon + 1);
    if (colon < 0 || slash < 0) {
      return undefined;
    }
    return byKind
      .get(ref.slice(0, colon))
      ?.get(ref.slice(colon + 1, slash))
      ?.get(ref.slice(slash + 1));
  };
  return {
    get: ref => record(ref)?.entity,
    ofKind: kind => entitiesByKind.get(kind) ?? [],
    all: function* entities() {
      for (const each of all) {
        yield each.entity;
      }
    },
    record,
    lookup: (kind, namespace, name) =>
      byKind.get(kind)?.get(namespace)?.get(name),
    records: () => all,
    recordsOfKind: kind => recordsByKind.get(kind) ?? [],
  };
}
