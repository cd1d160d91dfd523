import {
  DomainAtlasReport,
  DomainSummary,
  Finding,
  Severity,
} from '@domain-atlas/plugin-domain-atlas-common';
import { shortRef } from './refText';
import { Style } from './style';
import { CELL_LIMITS, truncate } from './truncate';

/**
 * Severities from most to least serious.
 *
 * @public
 */
export const SEVERITY_ORDER: ReadonlyArray<Severity> = [
  'error',
  'warning',
  'info',
];

/**
 * One domain as the table and markdown formats show it; every field is
 * display text, `color` says how the table colours it.
 *
 * @public
 */
export interface DomainRow {
  domain: DomainSummary;
  /** Nesting depth in the domain tree (`spec.subdomainOf`), 0 for a root. */
  depth: number;
  title: string;
  owner: string;
  ownerColor?: keyof Style;
  evidence: string;
  declared: string;
  declaredColor?: keyof Style;
  target: string;
  status: string;
  statusColor?: keyof Style;
  score: string;
  scoreColor: keyof Style;
}

/**
 * The findings of one domain (or of no domain), most serious first, waived last.
 *
 * @public
 */
export interface FindingGroup {
  /** The domain ref, or null for findings of no domain. */
  domain: string | null;
  heading: string;
  findings: Finding[];
}

function ownerText(
  domain: DomainSummary,
): Pick<DomainRow, 'owner' | 'ownerColor'> {
  if (!domain.owner) {
    return { owner: '(none)', ownerColor: 'red' };
  }
  const owner = truncate(shortRef(domain.owner, 'group'), CELL_LIMITS.name);
  if (!domain.ownerKind) {
    return { owner: `${owner} (missing)`, ownerColor: 'red' };
  }
  return domain.ownerKind === 'group'
    ? { owner }
    : { owner, ownerColor: 'yellow' };
}

function declaredText(
  domain: DomainSummary,
): Pick<DomainRow, 'declared' | 'declaredColor'> {
  const { declared, declaredValid, evidence } = domain.phase;
  if (declared === null) {
    return { declared: '-' };
  }
  if (declaredValid === false) {
    return { declared: `${declared} ahead`, declaredColor: 'yellow' };
  }
  return {
    declared: declared < evidence ? `${declared} behind` : `${declared}`,
  };
}

function targetText(domain: DomainSummary): string {
  const { target, targetDate } = domain.phase;
  if (target === null) {
    return '-';
  }
  return targetDate ? `${target} by ${targetDate}` : `${target}`;
}

function statusText(
  domain: DomainSummary,
): Pick<DomainRow, 'status' | 'statusColor'> {
  const { status, target, evidence, daysToTarget } = domain.phase;
  switch (status) {
    case 'none':
      return { status: '-' };
    case 'on-track':
      return target !== null && evidence >= target
        ? { status: 'reached', statusColor: 'green' }
        : { status: 'on-track', statusColor: 'green' };
    case 'at-risk':
      return {
        status: daysToTarget === null ? 'at-risk' : `at-risk ${daysToTarget}d`,
        statusColor: 'yellow',
      };
    case 'overdue':
    default:
      return {
        status:
          daysToTarget === null
            ? 'overdue'
            : `overdue ${Math.abs(daysToTarget)}d`,
        statusColor: 'red',
      };
  }
}

function scoreColor(score: number): keyof Style {
  if (score >= 80) {
    return 'green';
  }
  return score >= 50 ? 'yellow' : 'red';
}

/**
 * The domains in tree order (each root, then its subdomains, by title),
 * with display text for each column.
 *
 * @public
 */
export function domainRows(report: DomainAtlasReport): DomainRow[] {
  const byRef = new Map(report.domains.map(domain => [domain.ref, domain]));
  const byTitle = (a: DomainSummary, b: DomainSummary) =>
    a.title.localeCompare(b.title) || (a.ref < b.ref ? -1 : 1);
  const rows: DomainRow[] = [];
  const visited = new Set<string>();
  const visit = (domain: DomainSummary, depth: number) => {
    if (visited.has(domain.ref)) {
      return;
    }
    visited.add(domain.ref);
    rows.push({
      domain,
      depth,
      title: `${'  '.repeat(depth)}${truncate(domain.title, CELL_LIMITS.name)}`,
      ...ownerText(domain),
      evidence: String(domain.phase.evidence),
      ...declaredText(domain),
      target: targetText(domain),
      ...statusText(domain),
      score: String(domain.score),
      scoreColor: scoreColor(domain.score),
    });
    domain.children
      .flatMap(ref => byRef.get(ref) ?? [])
      .sort(byTitle)
      .forEach(child => visit(child, depth + 1));
  };
  report.domains
    .filter(domain => domain.parent === null || !byRef.has(domain.parent))
    .sort(byTitle)
    .forEach(domain => visit(domain, 0));
  // Anything a broken tree left out still gets a row.
  [...report.domains].sort(byTitle).forEach(domain => visit(domain, 0));
  return rows;
}

const SEVERITY_RANK: Record<Severity, number> = {
  error: 0,
  warning: 1,
  info: 2,
};

/**
 * Unwaived findings by severity, then waived ones; report order within.
 * Sorted by putting each in its bucket: one pass, however many there are.
 */
function sortFindings(findings: ReadonlyArray<Finding>): Finding[] {
  const buckets: Finding[][] = [[], [], [], []];
  for (const finding of findings) {
    buckets[finding.waived ? 3 : SEVERITY_RANK[finding.severity]].push(finding);
  }
  return buckets.flat();
}

/**
 * Findings grouped by domain, in the order of {@link domainRows}; findings
 * of no domain come last. Domains without findings have no group.
 *
 * @public
 */
export function findingGroups(
  report: DomainAtlasReport,
  findings: ReadonlyArray<Finding> = report.findings,
): FindingGroup[] {
  const headings = new Map<string | null, string>(
    domainRows(report).map(row => [
      row.domain.ref,
      `${truncate(row.domain.title, CELL_LIMITS.heading)} (${truncate(
        shortRef(row.domain.ref),
        CELL_LIMITS.heading,
      )})`,
    ]),
  );
  headings.set(null, 'No domain');
  const order = [...headings.keys()];
  const groups = new Map<string | null, Finding[]>();
  for (const finding of findings) {
    const key = headings.has(finding.domain) ? finding.domain : null;
    const group = groups.get(key);
    if (group) {
      group.push(finding);
    } else {
      groups.set(key, [finding]);
    }
  }
  return order
    .filter(domain => groups.has(domain))
    .map(domain => ({
      domain,
      heading: headings.get(domain)!,
      findings: sortFindings(groups.get(domain)!),
    }));
}

function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

/**
 * Counts of findings as one phrase: `11 errors, 8 warnings, 5 info, 1 waived`.
 *
 * @public
 */
export function findingCountsText(findings: ReadonlyArray<Finding>): string {
  const counts = { error: 0, warning: 0, info: 0, waived: 0 };
  for (const finding of findings) {
    counts[finding.waived ? 'waived' : finding.severity] += 1;
  }
  return [
    plural(counts.error, 'error'),
    plural(counts.warning, 'warning'),
    `${counts.info} info`,
    `${counts.waived} waived`,
  ].join(', ');
}

/**
 * The one-line summary that ends the table and markdown formats.
 *
 * @public
 */
export function summaryLine(report: DomainAtlasReport): string {
  const unassigned = Object.values(report.unassigned).reduce(
    (sum, refs) => sum + refs.length,
    0,
  );
  const parts = [
    plural(report.domains.length, 'domain'),
    `${plural(
      report.generatedFrom.entityCount,
      'entity',
      'entities',
    )} (${unassigned} in no domain)`,
    `${plural(report.findings.length, 'finding')}: ${findingCountsText(
      report.findings,
    )}`,
  ];
  if (report.generatedFrom.now) {
    parts.push(`as of ${report.generatedFrom.now}`);
  }
  return `${parts.join('; ')}.`;
}

/**
 * Why a waived finding is waived, and until when if the waiver ends:
 * `read replica for reporting (until 2027-06-30)`.
 *
 * @public
 */
export function waiverText(finding: Finding): string {
  const reason = finding.waiver ?? 'no reason given';
  return finding.waiverUntil
    ? `${reason} (until ${finding.waiverUntil})`
    : reason;
}
