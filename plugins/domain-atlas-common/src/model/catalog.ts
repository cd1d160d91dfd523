import { AtlasAnnotations, readAtlasAnnotations } from './annotations';
import { CatalogProblems } from './problems';
import { compareStrings } from './ordering';
import { lower } from './refs';

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
  spec: Readonly<Record<string, unknown>>;
  /** Lowercase `spec.type`, or null. */
  type: string | null;
  atlas: AtlasAnnotations;
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

const SEGMENT = /^[^\s:/]+$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringMap(
  value: unknown,
  onDropped: (key: string) => void,
): Record<string, string> {
  const result: Record<string, string> = Object.create(null);
  if (!isRecord(value)) {
    return result;
  }
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

function describe(index: number, raw: unknown): string {
  const name =
    isRecord(raw) &&
    isRecord(raw.metadata) &&
    typeof raw.metadata.name === 'string'
      ? ` ('${raw.metadata.name}')`
      : '';
  return `Entity #${index + 1}${name}`;
}

function whyInvalid(raw: unknown): string | undefined {
  if (!isRecord(raw)) {
    return 'is not an object';
  }
  if (typeof raw.kind !== 'string' || !SEGMENT.test(raw.kind)) {
    return 'has no valid kind';
  }
  if (!isRecord(raw.metadata)) {
    return 'has no metadata';
  }
  const { name, namespace } = raw.metadata;
  if (typeof name !== 'string' || !SEGMENT.test(name)) {
    return 'has no valid metadata.name';
  }
  if (
    namespace !== undefined &&
    (typeof namespace !== 'string' || !SEGMENT.test(namespace))
  ) {
    return 'has an invalid metadata.namespace';
  }
  return undefined;
}

/**
 * Validates and indexes raw catalog entities. Never throws: entities that
 * cannot be indexed become `invalid-entity` problems, invalid annotation
 * values `invalid-annotation` problems.
 */
export function buildCatalogIndex(
  rawEntities: ReadonlyArray<unknown>,
  knownRuleIds: ReadonlySet<string>,
  problems: CatalogProblems,
): CatalogIndex {
  const byRef = new Map<string, CatalogEntity>();
  const byKind = new Map<string, CatalogEntity[]>();
  const list = Array.isArray(rawEntities) ? rawEntities : [];

  list.forEach((raw, index) => {
    const reason = whyInvalid(raw);
    if (reason !== undefined) {
      problems.add('invalid-entity', {
        entities: [],
        domain: null,
        key: `#${index + 1}`,
        message: `${describe(index, raw)} ${reason} and is ignored`,
      });
      return;
    }
    const entity = raw as Record<string, any>;
    const metadata = entity.metadata as Record<string, unknown>;
    const kind = lower(entity.kind);
    const namespace = lower((metadata.namespace as string) ?? 'default');
    const name = metadata.name as string;
    const ref = `${kind}:${namespace}/${lower(name)}`;
    if (byRef.has(ref)) {
      problems.add('invalid-entity', {
        subject: ref,
        entities: [ref],
        key: `duplicate#${index + 1}`,
        message: `${describe(
          index,
          raw,
        )} repeats ${ref}; only the first one is analysed`,
      });
      return;
    }
    const annotations = stringMap(metadata.annotations, key =>
      problems.add('invalid-annotation', {
        subject: ref,
        entities: [ref],
        key,
        message: `${key} on ${ref} is not a string and is ignored`,
      }),
    );
    const spec = isRecord(entity.spec) ? entity.spec : {};
    const catalogEntity: CatalogEntity = {
      ref,
      kind,
      namespace,
      name,
      title:
        typeof metadata.title === 'string' && metadata.title.trim() !== ''
          ? metadata.title
          : name,
      ...(typeof metadata.description === 'string'
        ? { description: metadata.description }
        : {}),
      annotations,
      labels: stringMap(metadata.labels, () => {}),
      spec,
      type: typeof spec.type === 'string' ? lower(spec.type.trim()) : null,
      atlas: readAtlasAnnotations(annotations, knownRuleIds, (key, message) =>
        problems.add('invalid-annotation', {
          subject: ref,
          entities: [ref],
          key,
          message: `${message} (on ${ref})`,
        }),
      ),
    };
    byRef.set(ref, catalogEntity);
    const ofKind = byKind.get(kind);
    if (ofKind) {
      ofKind.push(catalogEntity);
    } else {
      byKind.set(kind, [catalogEntity]);
    }
  });

  for (const entities of byKind.values()) {
    entities.sort((a, b) => compareStrings(a.ref, b.ref));
  }
  return {
    get: ref => byRef.get(ref),
    ofKind: kind => byKind.get(kind) ?? [],
    all: () => byRef.values(),
  };
}
