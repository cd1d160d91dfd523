import type { ContractPin, ContractSummary, VersionSource } from './report';
import type { CatalogIndex } from './model/catalog';
import type { CatalogRelations } from './model/relations';
import type { DomainModel } from './domains';
import type { ResolvedAnalysisOptions } from './options';
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
    const fromDefinition = definitionVersion(
      api.type,
      api.spec.definition,
      options.maxDefinitionSize,
      options.strictDefinitions,
    );
    if (fromDefinition.problem) {
      problems.add('malformed-definition', {
        subject: api.ref,
        entities: [api.ref],
        message: `The ${api.type} definition of ${api.ref} ${fromDefinition.problem}`,
      });
    }
    const nameVersion = NAME_VERSION.exec(api.name)?.[1];
    let version: string | null = null;
    let versionSource: VersionSource | null = null;
    if (fromDefinition.version !== undefined) {
      version = fromDefinition.version;
      versionSource = 'definition';
    } else if (api.atlas.contractVersion !== null) {
      version = api.atlas.contractVersion;
      versionSource = 'annotation';
    } else if (nameVersion !== undefined) {
      version = String(Number(nameVersion));
      versionSource = 'name';
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
 */
export function summarizeContracts(
  catalog: CatalogIndex,
  relations: CatalogRelations,
  domains: DomainModel,
  contracts: ContractIndex,
): ContractSummary[] {
  const pinsByFamily = new Map<
    string,
    Array<{ consumer: string; range: string }>
  >();
  for (const component of catalog.ofKind('component')) {
    for (const pin of component.atlas.consumesContracts) {
      const list = pinsByFamily.get(pin.family) ?? [];
      list.push({ consumer: component.ref, range: pin.range });
      pinsByFamily.set(pin.family, list);
    }
  }
  return contracts.all().map(info => {
    const api = catalog.get(info.ref)!;
    const lifecycle = api.spec.lifecycle;
    const pins: ContractPin[] = (pinsByFamily.get(info.family) ?? [])
      .map(pin => ({
        ...pin,
        satisfied: satisfiesRange(info.version, pin.range),
      }))
      .sort((a, b) => compareStrings(a.consumer, b.consumer));
    return {
      ref: info.ref,
      title: api.title,
      domain: domains.domainOf(info.ref),
      type: info.type,
      version: info.version,
      versionSource: info.versionSource,
      family: info.family,
      lifecycle: typeof lifecycle === 'string' ? lower(lifecycle) : null,
      providers: [...relations.providersOf(info.ref)],
      consumers: [...relations.consumersOf(info.ref)],
      pins,
    };
  });
}
