/*
 * Small hand-written reports for unit tests of what the backend does with
 * a report. Test-only: not exported from the package.
 */
import {
  DomainAtlasReport,
  DomainSummary,
  Finding,
  REPORT_SCHEMA_VERSION,
  TargetStatus,
  WaiverSummary,
} from '@domain-atlas/plugin-domain-atlas-common';

/** A domain `domain:default/<name>` owned by `group:default/<name>-team`. */
export function testDomain(
  name: string,
  options: { owner?: string | null; status?: TargetStatus } = {},
): DomainSummary {
  const owner =
    options.owner === undefined ? `group:default/${name}-team` : options.owner;
  return {
    ref: `domain:default/${name}`,
    title: name[0].toLocaleUpperCase('en-US') + name.slice(1),
    ...(owner ? { owner, ownerKind: owner.split(':')[0] } : {}),
    parent: null,
    children: [],
    members: { systems: [], components: [], apis: [], resources: [] },
    repositories: [],
    score: 80,
    findingCounts: { error: 0, warning: 0, info: 0, waived: 0 },
    phase: {
      evidence: 1,
      declared: null,
      declaredValid: null,
      target: options.status ? 3 : null,
      targetDate: options.status ? '2026-12-01' : null,
      daysToTarget: options.status ? -6 : null,
      status: options.status ?? 'none',
      stranglerCoverage: null,
      decommissionReady: null,
      criteria: [],
      playbook: {
        extracted: false,
        publishesEvents: false,
        dbJoinsCut: true,
        deploysIndependently: false,
      },
    },
  };
}

/** A finding of `rule` in `domain:default/<domain>` on `entities`. */
export function testFinding(
  rule: string,
  domain: string | null,
  entities: string[],
  options: Partial<Pick<Finding, 'severity' | 'waived' | 'id'>> = {},
): Finding {
  const domainRef = domain ? `domain:default/${domain}` : null;
  return {
    id:
      options.id ??
      `${rule}:${domainRef ?? 'unassigned'}:${entities.join(',')}`,
    rule,
    severity: options.severity ?? 'error',
    domain: domainRef,
    entities,
    message: `${entities.join(', ')} breaks ${rule}`,
    waived: options.waived ?? false,
    ...(options.waived ? { waiver: 'agreed with architecture' } : {}),
  };
}

/** An exemption of `rule` on `entity` waiving until `until`, `daysLeft` away. */
export function testWaiver(
  entity: string,
  rule: string,
  until: string,
  daysLeft: number,
  options: Partial<WaiverSummary> = {},
): WaiverSummary {
  return {
    entity,
    owner: 'group:default/orders-team',
    domain: 'domain:default/orders',
    rule,
    reason: 'migrating',
    until,
    daysLeft,
    expired: daysLeft < 0,
    findings: [`${rule}:domain:default/orders:${entity}`],
    ...options,
  };
}

/** A report with the given parts; every other list empty. */
export function testReport(
  parts: Partial<
    Pick<DomainAtlasReport, 'domains' | 'findings' | 'waivers' | 'contracts'>
  > = {},
): DomainAtlasReport {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedFrom: { entityCount: 0, now: '2026-12-07T00:00:00.000Z' },
    domains: parts.domains ?? [],
    unassigned: { systems: [], components: [], apis: [], resources: [] },
    findings: parts.findings ?? [],
    dependencies: [],
    isolation: [],
    blastRadius: [],
    teams: [],
    repositories: [],
    contracts: parts.contracts ?? [],
    rules: [],
    waivers: parts.waivers ?? [],
  };
}
