import {
  DomainAtlasReport,
  DomainSummary,
  Finding,
  WaiverSummary,
} from '@domain-atlas/plugin-domain-atlas-common';

/** The rule whose findings are breaking changes rather than new errors. */
export const BREAKING_CHANGE_RULE = 'breaking-change-needs-major';

/** A domain has an unwaived error it did not have before. */
export interface NewError {
  kind: 'new-error';
  domain: DomainSummary;
  finding: Finding;
}

/**
 * A breaking change of an API was recorded without a new major version:
 * every consumer of the API breaks.
 */
export interface BreakingChange {
  kind: 'breaking-change';
  /** The `breaking-change-needs-major` finding. */
  finding: Finding;
  api: string;
  /** The consumers (`consumesApis` and pins), sorted. */
  consumers: string[];
}

/** A domain's target date passed before it reached its target phase. */
export interface OverdueTarget {
  kind: 'overdue-target';
  domain: DomainSummary;
}

/** A waiver that waives something has come within the warning window of its end. */
export interface ExpiringWaiver {
  kind: 'expiring-waiver';
  waiver: WaiverSummary & { until: string; daysLeft: number };
}

/** Something in a new report that its owners should hear about. */
export type ReportChange =
  | NewError
  | BreakingChange
  | OverdueTarget
  | ExpiringWaiver;

/** An unwaived finding that the owners act on. */
const isActive = (finding: Finding) => !finding.waived;

const isError = (finding: Finding) =>
  isActive(finding) &&
  finding.severity === 'error' &&
  finding.rule !== BREAKING_CHANGE_RULE;

const isBreakingChange = (finding: Finding) =>
  isActive(finding) && finding.rule === BREAKING_CHANGE_RULE;

function isExpiring(
  waiver: WaiverSummary,
  days: number,
): waiver is ExpiringWaiver['waiver'] {
  return (
    waiver.until !== undefined &&
    waiver.daysLeft !== undefined &&
    !waiver.expired &&
    waiver.unused === undefined &&
    waiver.daysLeft >= 0 &&
    waiver.daysLeft <= days
  );
}

const waiverKey = (waiver: WaiverSummary) =>
  `${waiver.entity}\u0000${waiver.rule}\u0000${waiver.until ?? ''}`;

/**
 * The API of a `breaking-change-needs-major` finding: its subject, which
 * the finding's id names after the domain (`rule:domain:api:versions`).
 */
function apiOf(finding: Finding): string | undefined {
  const apis = finding.entities.filter(ref => ref.startsWith('api:'));
  const prefix = `${finding.rule}:${finding.domain ?? 'unassigned'}:`;
  return apis.find(api => finding.id.startsWith(`${prefix}${api}:`)) ?? apis[0];
}

/** The consumers of an API: the finding's other entities, its consumers and pins. */
function consumersOf(
  finding: Finding,
  api: string,
  report: DomainAtlasReport,
): string[] {
  const contract = report.contracts.find(c => c.ref === api);
  const consumers = new Set([
    ...finding.entities,
    ...(contract?.consumers ?? []),
    ...(contract?.pins ?? []).map(pin => pin.consumer),
  ]);
  consumers.delete(api);
  return [...consumers].sort();
}

/**
 * What got worse from `previous` to `current`, for the owners who can act:
 *
 * - an unwaived error finding (by its stable id) that `previous` did not
 *   have as an unwaived error: new, re-levelled to error, or no longer
 *   waived. Findings of no domain have no owner to tell and are left out;
 *   `breaking-change-needs-major` findings are breaking changes instead.
 * - an unwaived `breaking-change-needs-major` finding `previous` did not
 *   have;
 * - a domain whose target status became `overdue`;
 * - a waiver that waives something and came within `waiverDays` of its
 *   last day (the same waiver, by entity, rule and last day, was not
 *   within the window before).
 *
 * Nothing that got better, or stayed as bad, is a change. Pure: the same
 * reports give the same changes, in report order.
 */
export function reportChanges(
  previous: DomainAtlasReport,
  current: DomainAtlasReport,
  options: { waiverDays: number },
): ReportChange[] {
  const changes: ReportChange[] = [];
  const domains = new Map(current.domains.map(domain => [domain.ref, domain]));

  const hadError = new Set(previous.findings.filter(isError).map(f => f.id));
  const hadBreakingChange = new Set(
    previous.findings.filter(isBreakingChange).map(f => f.id),
  );
  for (const finding of current.findings) {
    if (isError(finding) && !hadError.has(finding.id)) {
      const domain = finding.domain ? domains.get(finding.domain) : undefined;
      if (domain) {
        changes.push({ kind: 'new-error', domain, finding });
      }
    } else if (
      isBreakingChange(finding) &&
      !hadBreakingChange.has(finding.id)
    ) {
      const api = apiOf(finding);
      if (api) {
        changes.push({
          kind: 'breaking-change',
          finding,
          api,
          consumers: consumersOf(finding, api, current),
        });
      }
    }
  }

  const wasOverdue = new Set(
    previous.domains
      .filter(domain => domain.phase.status === 'overdue')
      .map(domain => domain.ref),
  );
  for (const domain of current.domains) {
    if (domain.phase.status === 'overdue' && !wasOverdue.has(domain.ref)) {
      changes.push({ kind: 'overdue-target', domain });
    }
  }

  // Reports stored before waivers were summarised have none.
  const wasExpiring = new Set(
    (previous.waivers ?? [])
      .filter(waiver => isExpiring(waiver, options.waiverDays))
      .map(waiverKey),
  );
  for (const waiver of current.waivers ?? []) {
    if (
      isExpiring(waiver, options.waiverDays) &&
      !wasExpiring.has(waiverKey(waiver))
    ) {
      changes.push({ kind: 'expiring-waiver', waiver });
    }
  }
  return changes;
}
