import {
  DomainAtlasReport,
  DomainSummary,
} from '@domain-atlas/plugin-domain-atlas-common';

type Item<K extends keyof DomainAtlasReport> =
  DomainAtlasReport[K] extends ReadonlyArray<infer T> ? T : never;

/** What the report holds about one domain, in the report's order. */
export interface DomainSlices {
  domain: DomainSummary;
  findings: Item<'findings'>[];
  contracts: Item<'contracts'>[];
  repositories: Item<'repositories'>[];
  /** Isolation entries where this domain is the one down. */
  blocks: Item<'isolation'>[];
  /** Isolation entries where this domain is the one affected. */
  dependsOn: Item<'isolation'>[];
  blastRadius: Item<'blastRadius'> | undefined;
}

/** Built once per report object (the stored one, or a redacted copy). */
const indexes = new WeakMap<DomainAtlasReport, Map<string, DomainSlices>>();

function indexOf(report: DomainAtlasReport): Map<string, DomainSlices> {
  const index = new Map<string, DomainSlices>();
  for (const domain of report.domains) {
    index.set(domain.ref, {
      domain,
      findings: [],
      contracts: [],
      repositories: [],
      blocks: [],
      dependsOn: [],
      blastRadius: undefined,
    });
  }
  for (const finding of report.findings) {
    index.get(finding.domain ?? '')?.findings.push(finding);
  }
  for (const contract of report.contracts) {
    index.get(contract.domain ?? '')?.contracts.push(contract);
  }
  for (const repository of report.repositories) {
    for (const ref of new Set(repository.domains)) {
      index.get(ref)?.repositories.push(repository);
    }
  }
  for (const entry of report.isolation) {
    index.get(entry.down)?.blocks.push(entry);
    index.get(entry.affected)?.dependsOn.push(entry);
  }
  for (const radius of report.blastRadius) {
    const slices = index.get(radius.domain);
    if (slices && !slices.blastRadius) {
      slices.blastRadius = radius;
    }
  }
  return index;
}

/**
 * What the report holds about the domain `ref`, or undefined when it has
 * no such domain. The first call per report indexes every list in one
 * pass; at 100,000 entities that spares each domain page a scan of every
 * finding and isolation entry.
 */
export function domainSlices(
  report: DomainAtlasReport,
  ref: string,
): DomainSlices | undefined {
  let index = indexes.get(report);
  if (!index) {
    index = indexOf(report);
    indexes.set(report, index);
  }
  return index.get(ref);
}
