import { NotFoundError } from '@backstage/errors';
import {
  DomainAtlasReport,
  DomainSummary,
  Finding,
  Severity,
} from '@domain-atlas/plugin-domain-atlas-common';
import { DomainHistoryRow } from '../../database';
import { domainSlices } from './domainSlices';

/** A domain in lists: who owns it, where it stands, how healthy it is. */
export function domainListItem(domain: DomainSummary) {
  return {
    ref: domain.ref,
    title: domain.title,
    owner: domain.owner ?? null,
    parent: domain.parent,
    score: domain.score,
    findingCounts: domain.findingCounts,
    phase: {
      evidence: domain.phase.evidence,
      declared: domain.phase.declared,
      target: domain.phase.target,
      targetDate: domain.phase.targetDate,
      status: domain.phase.status,
    },
    repositoryCount: domain.repositories.length,
  };
}

function historyPoint(row: DomainHistoryRow) {
  return {
    recordedAt: row.recordedAt.toISOString(),
    evidencePhase: row.evidencePhase,
    declaredPhase: row.declaredPhase,
    score: row.score,
    errors: row.errors,
    warnings: row.warnings,
    infos: row.infos,
    waived: row.waived,
  };
}

/** Everything the Domain page shows about one domain. */
export function domainDetail(
  report: DomainAtlasReport,
  ref: string,
  history: DomainHistoryRow[],
) {
  const slices = domainSlices(report, ref);
  if (!slices) {
    throw new NotFoundError(`No domain ${ref} in the catalog`);
  }
  const { domain } = slices;
  return {
    ...domain,
    owner: domain.owner ?? null,
    findings: slices.findings,
    contracts: slices.contracts,
    repositories: slices.repositories,
    isolation: {
      blocks: slices.blocks,
      dependsOn: slices.dependsOn,
      blastRadius: slices.blastRadius ?? {
        domain: ref,
        blocks: 0,
        delays: 0,
      },
    },
    history: history.map(historyPoint),
  };
}

/** The domains a team owns, directly and through its sub-teams. */
export function teamDetail(report: DomainAtlasReport, ref: string) {
  const team = report.teams.find(t => t.ref === ref);
  if (!team) {
    throw new NotFoundError(`No group ${ref} in the catalog`);
  }
  const byRef = new Map(report.domains.map(d => [d.ref, d]));
  return {
    ...team,
    domains: team.domains.flatMap(owned => {
      const domain = byRef.get(owned.ref);
      return domain ? [{ ...owned, ...domainListItem(domain) }] : [];
    }),
  };
}

/** Groups and users named as owners in a finding's entities. */
function ownersNamed(finding: Finding): string[] {
  return finding.entities.filter(
    ref => ref.startsWith('group:') || ref.startsWith('user:'),
  );
}

/**
 * The ownership matrix: every team with the domains it owns (directly or
 * through a sub-team), and per domain the owners outside its owner's team
 * tree, taken from the unwaived `single-owner` findings.
 */
export function teamsView(report: DomainAtlasReport) {
  const sharedWith = new Map<string, Set<string>>();
  const findingIds = new Map<string, string[]>();
  for (const finding of report.findings) {
    if (finding.rule !== 'single-owner' || finding.waived || !finding.domain) {
      continue;
    }
    const owners = sharedWith.get(finding.domain) ?? new Set<string>();
    for (const owner of ownersNamed(finding)) owners.add(owner);
    sharedWith.set(finding.domain, owners);
    findingIds.set(finding.domain, [
      ...(findingIds.get(finding.domain) ?? []),
      finding.id,
    ]);
  }
  return {
    teams: report.teams,
    domains: report.domains.map(domain => ({
      ref: domain.ref,
      title: domain.title,
      owner: domain.owner ?? null,
      ownerKind: domain.ownerKind ?? null,
      sharedWith: [...(sharedWith.get(domain.ref) ?? [])].sort(),
      singleOwnerFindings: findingIds.get(domain.ref) ?? [],
    })),
  };
}

/** Filters of the findings route. */
export interface FindingFilter {
  domain?: string;
  rule?: string;
  severity?: Severity;
  waived?: boolean;
  entity?: string;
}

export function filterFindings(
  findings: Finding[],
  filter: FindingFilter,
): Finding[] {
  return findings.filter(
    f =>
      (filter.domain === undefined || f.domain === filter.domain) &&
      (filter.rule === undefined || f.rule === filter.rule) &&
      (filter.severity === undefined || f.severity === filter.severity) &&
      (filter.waived === undefined || f.waived === filter.waived) &&
      (filter.entity === undefined || f.entities.includes(filter.entity)),
  );
}

/**
 * Every entity ref a report knows, with its domain. A report never changes
 * once stored, so the index is built once per report rather than on every
 * entity page request.
 */
const entityDomainsByReport = new WeakMap<
  DomainAtlasReport,
  Map<string, string | null>
>();

function entityDomains(report: DomainAtlasReport): Map<string, string | null> {
  const cached = entityDomainsByReport.get(report);
  if (cached) {
    return cached;
  }
  const domains = new Map<string, string | null>();
  for (const domain of report.domains) {
    domains.set(domain.ref, domain.ref);
    for (const refs of Object.values(domain.members)) {
      for (const ref of refs) domains.set(ref, domain.ref);
    }
  }
  for (const refs of Object.values(report.unassigned)) {
    for (const ref of refs) domains.set(ref, null);
  }
  for (const team of report.teams) {
    domains.set(team.ref, null);
  }
  entityDomainsByReport.set(report, domains);
  return domains;
}

/** The domain of an entity the report knows; null for none or unknown. */
export function domainOfEntity(
  report: DomainAtlasReport,
  ref: string,
): string | null {
  return entityDomains(report).get(ref) ?? null;
}

/** What an entity page shows: its domain and the findings naming it. */
export function entityFindings(report: DomainAtlasReport, ref: string) {
  const domains = entityDomains(report);
  if (!domains.has(ref)) {
    throw new NotFoundError(
      `Domain Atlas knows no entity ${ref}; it tracks domains, systems, components, APIs, resources and groups`,
    );
  }
  return {
    entity: ref,
    domain: domains.get(ref) ?? null,
    findings: filterFindings(report.findings, { entity: ref }),
  };
}

/** The migration board and the burn-up of domains per phase over time. */
export function migrationView(
  report: DomainAtlasReport,
  history: DomainHistoryRow[],
) {
  const phases: Record<'0' | '1' | '2' | '3', string[]> = {
    '0': [],
    '1': [],
    '2': [],
    '3': [],
  };
  for (const domain of report.domains) {
    phases[String(domain.phase.evidence) as keyof typeof phases].push(
      domain.ref,
    );
  }
  const bySnapshot = new Map<
    number,
    { recordedAt: string; phases: number[] }
  >();
  for (const row of history) {
    let point = bySnapshot.get(row.snapshotId);
    if (!point) {
      point = {
        recordedAt: row.recordedAt.toISOString(),
        phases: [0, 0, 0, 0],
      };
      bySnapshot.set(row.snapshotId, point);
    }
    point.phases[row.evidencePhase] += 1;
  }
  return {
    phases,
    domains: report.domains.map(domain => ({
      ref: domain.ref,
      title: domain.title,
      owner: domain.owner ?? null,
      phase: domain.phase,
    })),
    burnUp: [...bySnapshot.values()].map(point => ({
      recordedAt: point.recordedAt,
      phase0: point.phases[0],
      phase1: point.phases[1],
      phase2: point.phases[2],
      phase3: point.phases[3],
    })),
  };
}

/** The failure-isolation matrix. */
export function isolationView(report: DomainAtlasReport) {
  return {
    domains: report.domains.map(d => d.ref),
    titles: Object.fromEntries(report.domains.map(d => [d.ref, d.title])),
    entries: report.isolation,
    blastRadius: report.blastRadius,
  };
}
