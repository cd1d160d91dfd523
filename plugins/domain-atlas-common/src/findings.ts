import type { Finding, Severity } from './report';
import type {
  DomainAtlasRule,
  RuleContext,
  RuleViolation,
} from './rules/types';
import { compareStrings, sortedUnique } from './model/ordering';
import { internalsOf } from './model/internals';
import { valueText } from './model/valueText';
import { expiredNote, UNUSED_EXEMPTION_RULE, WaiverLedger } from './waivers';

const isString = (value: unknown): value is string => typeof value === 'string';

const SEVERITIES: ReadonlySet<unknown> = new Set(['error', 'warning', 'info']);

function collect(ruleId: string, evaluate: () => Iterable<RuleViolation>) {
  const violations: RuleViolation[] = [];
  try {
    for (const violation of evaluate()) {
      violations.push(violation);
    }
  } catch (error) {
    violations.push({
      entities: [],
      domain: null,
      key: 'failed',
      message: `The rule ${ruleId} failed and its results are incomplete: ${
        error instanceof Error ? error.message : valueText(error)
      }`,
    });
  }
  return violations;
}

/**
 * A violation's identity as a part of the id: its strings, sorted, without
 * repeats, joined by `,`. Identities are short (the built-in rules give at
 * most one entity): no copy for those.
 */
function identityText(identity: ReadonlyArray<unknown>): string {
  if (identity.length === 0) {
    return '';
  }
  if (identity.length === 1) {
    return isString(identity[0]) ? identity[0] : '';
  }
  return sortedUnique(identity.filter(isString)).join(',');
}

/** A finding and what orders it. */
interface Pending {
  finding: Finding;
  /** The domain part of the id (`unassigned` for none). */
  domainKey: string;
  /** The part of the id after the domain. */
  rest: string;
  /** Rank of `domainKey` among all domain parts, in id order. */
  rank: number;
}

/**
 * Sorts one rule's findings by id and drops repeated ids (the first one
 * stays), comparing the short domain rank and the end of the id instead
 * of the whole id where that gives the same order.
 */
function sortById(pending: Pending[], byRank: boolean): Pending[] {
  pending.sort(
    byRank
      ? (a, b) => a.rank - b.rank || compareStrings(a.rest, b.rest)
      : (a, b) => compareStrings(a.finding.id, b.finding.id),
  );
  // The sort is stable: of findings with one id, the first reported leads.
  const unique: Pending[] = [];
  for (const item of pending) {
    const last = unique[unique.length - 1];
    if (
      last === undefined ||
      (byRank
        ? last.rank !== item.rank || last.rest !== item.rest
        : last.finding.id !== item.finding.id)
    ) {
      unique.push(item);
    }
  }
  return unique;
}

/**
 * Turns one violation into a finding: domain (default: the subject's),
 * severity, id (from the identity, else the entities, and the key),
 * waiver. One function per violation, so that V8 optimises it once for
 * every rule and every analysis.
 */
function toPending(
  context: RuleContext,
  ruleId: string,
  configuredSeverity: Severity,
  violation: RuleViolation,
  waivers: WaiverLedger,
): Pending | undefined {
  if (!violation || typeof violation !== 'object') {
    return undefined;
  }
  const subject =
    typeof violation.subject === 'string' ? violation.subject : undefined;
  const named: unknown[] = Array.isArray(violation.entities)
    ? violation.entities
    : [];
  const raw =
    subject === undefined || named.includes(subject)
      ? named
      : [subject, ...named];
  const entities = sortedUnique(
    (raw.every(isString) ? raw : raw.filter(isString)) as string[],
  );
  let domain: string | null = null;
  if (violation.domain !== undefined) {
    domain = violation.domain;
  } else if (subject) {
    domain = context.domains.domainOf(subject);
  }
  const severity: Severity = SEVERITIES.has(violation.severity)
    ? violation.severity!
    : configuredSeverity;
  const domainKey = `${domain ?? 'unassigned'}`;
  const key = violation.key;
  let rest: string;
  if (Array.isArray(violation.identity)) {
    // What the violation is, not all it involves: the id outlives changes
    // to the set of entities, and has no empty part before the key.
    const identity = identityText(violation.identity);
    if (!key) {
      rest = identity;
    } else {
      rest = identity === '' ? key : `${identity}:${key}`;
    }
  } else {
    rest = key ? `${entities.join(',')}:${key}` : entities.join(',');
  }
  const id = `${ruleId}:${domainKey}:${rest}`;
  const match = waivers.match(ruleId, id, subject, entities, domain);
  const message =
    typeof violation.message === 'string'
      ? violation.message
      : valueText(violation.message);
  let finding: Finding;
  if (match?.waiver) {
    const { reason, until } = match.waiver;
    finding = {
      id,
      rule: ruleId,
      severity,
      domain,
      entities,
      message,
      waived: true,
      waiver: reason,
      ...(until !== null ? { waiverUntil: until } : {}),
    };
  } else if (match?.expired) {
    // The finding is back, saying which exemption ended.
    finding = {
      id,
      rule: ruleId,
      severity,
      domain,
      entities,
      message: `${message}${expiredNote(match.expired)}`,
      waived: false,
      expiredWaiver: match.expired,
    };
  } else {
    finding = {
      id,
      rule: ruleId,
      severity,
      domain,
      entities,
      message,
      waived: false,
    };
  }
  return { finding, domainKey, rest, rank: 0 };
}

/** Adds the findings of one rule to `findings`, sorted by id. */
function addInOrder(
  findings: Finding[],
  pending: Pending[],
  ranks: ReadonlyMap<string, number>,
  byRank: boolean,
) {
  for (const item of pending) {
    item.rank = ranks.get(item.domainKey)!;
  }
  for (const item of sortById(pending, byRank)) {
    findings.push(item.finding);
  }
}

/** The findings of one rule; registers their domain parts in `ranks`. */
function evaluateRule(
  context: RuleContext,
  rule: DomainAtlasRule,
  severity: Severity,
  waivers: WaiverLedger,
  ranks: Map<string, number>,
): Pending[] {
  const pending: Pending[] = [];
  for (const violation of collect(rule.id, () => rule.evaluate(context))) {
    const item = toPending(context, rule.id, severity, violation, waivers);
    if (item !== undefined) {
      ranks.set(item.domainKey, 0);
      pending.push(item);
    }
  }
  return pending;
}

/**
 * Runs every enabled rule and turns its violations into findings: domain
 * (default: the subject's), configured severity, stable id, waiver. A rule
 * that throws yields a finding saying so. Findings are sorted by id;
 * duplicates (same id) are reported once.
 *
 * Rules that set `needsEvidencePhase` run after the others: the evidence
 * phase they read is computed from the others' findings.
 *
 * `unused-exemption` runs last: it reports the exemptions that `waivers`
 * saw apply to no finding of the other rules.
 */
export function evaluateRules(
  context: RuleContext,
  waivers: WaiverLedger = new WaiverLedger(context),
): Finding[] {
  const byRule: Array<{ prefix: string; pending: Pending[] }> = [];
  const ranks = new Map<string, number>();
  const evaluate = (rule: DomainAtlasRule, severity: Severity) =>
    byRule.push({
      prefix: `${rule.id}:`,
      pending: evaluateRule(context, rule, severity, waivers, ranks),
    });
  let unusedExemptions: { rule: DomainAtlasRule; severity: Severity } | null =
    null;
  const late: Array<{ rule: DomainAtlasRule; severity: Severity }> = [];
  for (const rule of context.options.rules) {
    const config = context.options.ruleConfig.get(rule.id);
    if (!config?.enabled) {
      continue;
    }
    if (rule.id === UNUSED_EXEMPTION_RULE) {
      unusedExemptions = { rule, severity: config.severity };
    } else if (rule.needsEvidencePhase) {
      late.push({ rule, severity: config.severity });
    } else {
      evaluate(rule, config.severity);
    }
  }
  if (late.length > 0) {
    // Rules that read the evidence phase run after the rules it is
    // computed from, which are all those that do not read it.
    internalsOf(context)?.evidence.learn(
      byRule.flatMap(({ pending }) => pending.map(item => item.finding)),
    );
    for (const { rule, severity } of late) {
      evaluate(rule, severity);
    }
  }
  if (unusedExemptions !== null) {
    for (const violation of waivers.unusedViolations()) {
      context.problems.add(UNUSED_EXEMPTION_RULE, violation);
    }
    evaluate(unusedExemptions.rule, unusedExemptions.severity);
  }

  // Ids are `rule:domain:rest`. Rule ids never contain ':', so the ids of
  // one rule sort together, the rules by `id:`. Within a rule, ids sort by
  // `domain:` and then by the rest, unless one `domain:` is the beginning
  // of another (possible only for domains named by extra rules): then by
  // the whole id.
  const keys = [...ranks.keys()].map(key => `${key}:`).sort(compareStrings);
  let byRank = true;
  keys.forEach((key, rank) => {
    ranks.set(key.slice(0, -1), rank);
    if (rank > 0 && key.startsWith(keys[rank - 1])) {
      byRank = false;
    }
  });
  const findings: Finding[] = [];
  byRule.sort((a, b) => compareStrings(a.prefix, b.prefix));
  for (const { pending } of byRule) {
    addInOrder(findings, pending, ranks, byRank);
  }
  return findings;
}

/** The findings that belong to a domain, by domain; the rest are left out. */
export function findingsByDomain(
  findings: Iterable<Finding>,
): Map<string, Finding[]> {
  const byDomain = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (finding.domain !== null) {
      const list = byDomain.get(finding.domain);
      if (list) {
        list.push(finding);
      } else {
        byDomain.set(finding.domain, [finding]);
      }
    }
  }
  return byDomain;
}
