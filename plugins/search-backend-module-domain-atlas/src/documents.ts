import { parseEntityRef } from '@backstage/catalog-model';
import type {
  ContractListItem,
  ContractSearchDocument,
  DomainSearchDocument,
  DomainSummary,
  TeamSummary,
} from '@domain-atlas/plugin-domain-atlas-common';

/** The names of the migration phases, as the Domain Atlas pages write them. */
const PHASE_NAMES = [
  'monorepo',
  'domain ownership',
  'logical split',
  'physical repo split',
] as const;

/** The path of the Domain Atlas tab on a Domain's entity page. */
const DOMAIN_TAB = '/domain-atlas';

/**
 * Where a contract's result leads: its API's entity page. The fragment
 * keeps the location apart from the catalog collator's document for the
 * same API, which has the page itself as its location: the embedded Lunr
 * engine keys documents of every type by location, so two documents with
 * one location would show each other's content.
 */
const CONTRACT_FRAGMENT = '#contract-versions';

/** An entity's page under the configured template, lowercase as the catalog collator writes it. */
export function entityLocation(template: string, ref: string): string {
  const { kind, namespace, name } = parseEntityRef(ref);
  const args: Record<string, string> = { namespace, kind, name };
  let location = template;
  for (const [key, value] of Object.entries(args)) {
    location = location.replace(`:${key}`, encodeURIComponent(value));
  }
  return location.toLocaleLowerCase('en-US');
}

function nameOf(ref: string): string {
  return parseEntityRef(ref).name;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `v2` for `2.3.0`, `v1` for `v1`; undefined when the version has no leading number. */
function majorToken(version: string): string | undefined {
  const major = /^v?(\d+)/i.exec(version)?.[1];
  return major === undefined ? undefined : `v${Number(major)}`;
}

/**
 * A domain as a search document. It names the domain itself and the owner
 * its own `spec.owner` declares, as the catalog's document of the Domain
 * entity does; its members are counted, never named, so that a result
 * readable under the Domain's `catalog.entity.read` names no entity the
 * reader may not see.
 */
export function domainDocument(
  domain: DomainSummary,
  teams: ReadonlyMap<string, TeamSummary>,
  locationTemplate: string,
): DomainSearchDocument {
  const owner = domain.owner ?? null;
  const ownerTitle = owner ? teams.get(owner)?.title ?? null : null;
  const { evidence, declared } = domain.phase;
  const { systems, components, apis, resources } = domain.members;

  const text = [
    domain.description,
    `${domain.title} domain (${nameOf(domain.ref)}).`,
    owner
      ? `Owned by ${ownerTitle ? `${ownerTitle} (${owner})` : owner}.`
      : 'No owner.',
    declared !== null && declared !== evidence
      ? `Phase ${evidence}, ${PHASE_NAMES[evidence]}, on the evidence; declares phase ${declared}, ${PHASE_NAMES[declared]}.`
      : `Phase ${evidence}, ${PHASE_NAMES[evidence]}, on the evidence.`,
    `Health score ${domain.score}.`,
    `${[
      count(systems.length, 'system', 'systems'),
      count(components.length, 'component', 'components'),
      count(apis.length, 'API', 'APIs'),
      count(resources.length, 'resource', 'resources'),
    ].join(', ')}.`,
  ]
    .filter(Boolean)
    .join(' ');

  return {
    title: domain.title,
    text,
    location: `${entityLocation(locationTemplate, domain.ref)}${DOMAIN_TAB}`,
    authorization: { resourceRef: domain.ref },
    kind: 'Domain',
    entityRef: domain.ref,
    owner,
    ownerTitle,
    evidencePhase: evidence,
    declaredPhase: declared,
    score: domain.score,
    systemCount: systems.length,
    componentCount: components.length,
    apiCount: apis.length,
    resourceCount: resources.length,
  };
}

/**
 * A contract as a search document. Its text carries the tokens people
 * search with: the API's name and title, "version 2.3.0" and "v2" (the
 * major version), the family name (`orders-api` for `orders-api-v1` and
 * `-v2`) and the domain's name and title. Consumers are counted, never
 * named.
 */
export function contractDocument(
  contract: ContractListItem,
  domainTitles: ReadonlyMap<string, string>,
  locationTemplate: string,
): ContractSearchDocument {
  const { version, domain, latestChange: change } = contract;
  const domainTitle = domain ? domainTitles.get(domain) ?? null : null;
  const major = version ? majorToken(version) : undefined;
  const kindOfContract = contract.type
    ? `${contract.type} contract`
    : 'Contract';

  const text = [
    `${kindOfContract} ${nameOf(contract.ref)}, family ${contract.family}.`,
    version
      ? `Version ${version}${major ? ` (${major})` : ''}.`
      : 'No version.',
    contract.lifecycle ? `Lifecycle ${contract.lifecycle}.` : undefined,
    domain
      ? `Domain ${domainTitle ?? nameOf(domain)} (${nameOf(domain)}).`
      : 'In no domain.',
    `${count(contract.consumerCount, 'consumer', 'consumers')}.`,
    change
      ? `Last change${
          change.fromVersion || change.toVersion
            ? ` ${change.fromVersion ?? '?'} → ${change.toVersion ?? '?'}`
            : ''
        }: ${change.classification}${
          change.needsMajor ? ', needs a major version' : ''
        }.`
      : undefined,
  ]
    .filter(Boolean)
    .join(' ');

  return {
    title: contract.title,
    text,
    location: `${entityLocation(
      locationTemplate,
      contract.ref,
    )}${CONTRACT_FRAGMENT}`,
    authorization: { resourceRef: contract.ref },
    kind: 'API',
    entityRef: contract.ref,
    domain,
    domainTitle,
    specType: contract.type,
    version,
    family: contract.family,
    lifecycle: contract.lifecycle,
    consumerCount: contract.consumerCount,
    lastChange: change?.classification ?? null,
    lastChangeAt: change?.at ?? null,
    lastChangeNeedsMajor: change?.needsMajor ?? false,
  };
}
