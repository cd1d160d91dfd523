import type { Entity } from '@backstage/catalog-model';
import type { ContractPin, ContractSummary, VersionSource } from './report';
import type { CatalogIndex, IndexedCatalog } from './model/catalog';
import type { ResolvedAnalysisOptions } from './options';
import { DEFAULT_MAX_DEFINITION_SIZE } from './options';
import { CatalogProblems } from './model/problems';
import { compareStrings } from './model/ordering';
import { lower } from './model/refs';
import { definitionVersion } from './contractDefinitions';
import { satisfiesRange } from './versionRanges';

/**
 * The contract view of one API entity.
 *
 * @public
 */
export interface ContractInfo {
  ref: string;
  type: string | null;
  version: string | null;
  versionSource: VersionSource | null;
  family: string;
}

/**
 * Every API entity as a contract, with its version and family.
 *
 * @public
 */
export interface ContractIndex {
  get(apiRef: string): ContractInfo | undefined;
  /** All contracts, sorted by ref. */
  all(): ReadonlyArray<ContractInfo>;
  /** API refs of a contract family, sorted. */
  family(name: string): ReadonlyArray<string>;
}

const NAME_VERSION = /-v(\d+)$/i;

/** The contract family: the annotation, else the name without `-vN`. */
export function contractFamily(name: string, annotated: string | null): string {
  return annotated ?? lower(name).replace(NAME_VERSION, '');
}

/** What {@link resolveContractVersion} reads. */
interface VersionInput {
  name: string;
  /** Lowercase `spec.type`. */
  type: string | null;
  definition: unknown;
  annotatedVersion: string | null;
}

/**
 * The version of one API: definition (`info.version`, protobuf package),
 * else `domain-atlas.io/contract-version`, else a `-vN` name suffix.
 */
function resolveContractVersion(
  input: VersionInput,
  options: Pick<
    ResolvedAnalysisOptions,
    'maxDefinitionSize' | 'strictDefinitions' | 'definitionCache'
  >,
): {
  version: string | null;
  versionSource: VersionSource | null;
  problem?: string;
} {
  const fromDefinition = definitionVersion(
    input.type,
    input.definition,
    options.maxDefinitionSize,
    options.strictDefinitions,
    options.definitionCache,
  );
  const problem = fromDefinition.problem;
  if (fromDefinition.version !== undefined) {
    return {
      version: fromDefinition.version,
      versionSource: 'definition',
      problem,
    };
  }
  if (input.annotatedVersion !== null) {
    return {
      version: input.annotatedVersion,
      versionSource: 'annotation',
      problem,
    };
  }
  const nameVersion = NAME_VERSION.exec(input.name)?.[1];
  if (nameVersion !== undefined) {
    return {
      version: String(Number(nameVersion)),
      versionSource: 'name',
      problem,
    };
  }
  return { version: null, versionSource: null, problem };
}

/**
 * The version of an API entity as the analysis reads it, for callers that
 * hold a raw catalog entity (the backend's definition history).
 *
 * @public
 */
export function contractVersionOfEntity(
  entity: Entity,
  options: { maxDefinitionSize?: number } = {},
): { version: string | null; versionSource: VersionSource | null } {
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const annotated =
    entity.metadata.annotations?.['domain-atlas.io/contract-version'];
  const { version, versionSource } = resolveContractVersion(
    {
      name: entity.metadata.name ?? '',
      type: typeof spec.type === 'string' ? lower(spec.type.trim()) : null,
      definition: spec.definition,
      annotatedVersion:
        typeof annotated === 'string' && annotated.trim() !== ''
          ? annotated.trim()
          : null,
    },
    {
      maxDefinitionSize:
        options.maxDefinitionSize ?? DEFAULT_MAX_DEFINITION_SIZE,
      strictDefinitions: false,
      definitionCache: undefined,
    },
  );
  return { version, versionSource };
}

/**
 * Determines version and family of every API: definition (`info.version`,
 * protobuf package), else `domain-atlas.io/contract-version`, else a `-vN`
 * name suffix, else none. Each definition is parsed once; problems become
 * `malformed-definition`.
 */
export function buildContractIndex(
  catalog: CatalogIndex,
  options: ResolvedAnalysisOptions,
  problems: CatalogProblems,
): ContractIndex {
  const byRef = new Map<string, ContractInfo>();
  const families = new Map<string, string[]>();
  const contracts: ContractInfo[] = [];
  for (const api of catalog.ofKind('api')) {
    const { version, versionSource, problem } = resolveContractVersion(
      {
        name: api.name,
        type: api.type,
        definition: api.spec.definition,
        annotatedVersion: api.atlas.contractVersion,
      },
      options,
    );
    if (problem) {
      problems.add('malformed-definition', {
        subject: api.ref,
        entities: [api.ref],
        message: `The ${api.type} definition of ${api.ref} ${problem}`,
      });
    }
    const info: ContractInfo = {
      ref: api.ref,
      type: api.type,
      version,
      versionSource,
      family: contractFamily(api.name, api.atlas.contractFamily),
    };
    byRef.set(api.ref, info);
    contracts.push(info);
    const members = families.get(info.family);
    if (members) {
      members.push(api.ref);
    } else {
      families.set(info.family, [api.ref]);
    }
  }
  return {
    get: ref => byRef.get(ref),
    all: () => contracts,
    family: name => families.get(name) ?? [],
  };
}

/**
 * The contracts of the report, with providers, consumers and the pins of
 * `domain-atlas.io/consumes-contracts` checked against each API's version.
 * A pin names a family; it applies to the family's APIs the consumer has a
 * `consumesApis` relation to, or to all of them when it has none.
 */
export function summarizeContracts(
  catalog: IndexedCatalog,
  contracts: ContractIndex,
): ContractSummary[] {
  const pinsByFamily = new Map<
    string,
    Array<{ consumer: string; range: string; consumed: Set<string> }>
  >();
  for (const component of catalog.recordsOfKind('component')) {
    const pins = component.entity.atlas.consumesContracts;
    // Most components pin nothing (a frozen empty list: for-of would walk
    // it through the generic iterator).
    if (pins.length === 0) {
      continue;
    }
    for (const pin of pins) {
      const consumed = new Set(
        contracts
          .family(pin.family)
          .filter(ref => catalog.record(ref)!.consumers.includes(component)),
      );
      const list = pinsByFamily.get(pin.family) ?? [];
      list.push({ consumer: component.ref, range: pin.range, consumed });
      pinsByFamily.set(pin.family, list);
    }
  }
  // `contracts.all()` was built from this list, in this order.
  const apis = catalog.recordsOfKind('api');
  return contracts.all().map((info, i) => {
    const api = apis[i];
    const lifecycle = api.entity.spec.lifecycle;
    const pins: ContractPin[] = (pinsByFamily.get(info.family) ?? [])
      .filter(pin => pin.consumed.size === 0 || pin.consumed.has(info.ref))
      .map(pin => ({
        consumer: pin.consumer,
        range: pin.range,
        satisfied: satisfiesRange(info.version, pin.range),
      }))
      .sort((a, b) => compareStrings(a.consumer, b.consumer));
    return {
      ref: info.ref,
      title: api.entity.title,
      domain: api.domain === null ? null : api.domain.ref,
      type: info.type,
      version: info.version,
      versionSource: info.versionSource,
      family: info.family,
      lifecycle: typeof lifecycle === 'string' ? lower(lifecycle) : null,
      providers: api.providers.map(record => record.ref),
      consumers: api.consumers.map(record => record.ref),
      pins,
    };
  });
}
