import type { Finding, Severity } from './report';
import type { CatalogEntity } from './model/catalog';
import type {
  DomainAtlasRule,
  RuleContext,
  RuleViolation,
} from './rules/types';
import { compareStrings, sortedUnique } from './model/ordering';
import { internalsOf } from './model/internals';
import { valueText } from './model/valueText';

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
 * The exemption that waives a finding: on the subject, on another named
 * entity of the finding's domain, or on the domain itself.
 */
function findWaiver(
  context: RuleContext,
  exempted: ReadonlySet<string>,
  rule: string,
  subject: string | undefined,
  entities: ReadonlyArray<string>,
  domain: string | null,
): string | undefined {
  if (
    !(subject && exempted.has(subject)) &&
    !(domain && exempted.has(domain)) &&
    !entities.some(entity => exempted.has(entity))
  ) {
    return undefined;
  }
  const candidates = [
    ...(subject ? [subject] : []),
    ...entities.filter(
      entity =>
        entity !== subject && context.domains.domainOf(entity) === domain,
    ),
    ...(domain ? [domain] : []),
  ];
  for (const candidate of candidates) {
    const reason = context.catalog.get(candidate)?.atlas.exemptions.get(rule);
    if (reason !== undefined) {
      return reason;
    }
  }
  return undefined;
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
  exempted: ReadonlySet<string>,
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
  const waiver =
    exempted.size === 0
      ? undefined
      : findWaiver(context, exempted, ruleId, subject, entities, domain);
  const message =
    typeof violation.message === 'string'
      ? violation.message
      : valueText(violation.message);
  return {
    finding:
      waiver === undefined
        ? {
            id,
            rule: ruleId,
            severity,
            domain,
            entities,
            message,
            waived: false,
          }
        : {
            id,
            rule: ruleId,
            severity,
            domain,
            entities,
            message,
            waived: true,
            waiver,
          },
    domainKey,
    rest,
    rank: 0,
  };
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
  exempted: ReadonlySet<string>,
  ranks: Map<string, number>,
): Pending[] {
  const pending: Pending[] = [];
  for (const violation of collect(rule.id, () => rule.evaluate(context))) {
    const item = toPending(context, rule.id, severity, violation, exempted);
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
 */
export function evaluateRules(context: RuleContext): Finding[] {
  const exempted = new Set<string>();
  const noteExemptions = (entity: CatalogEntity) => {
    if (entity.atlas.exemptions.size > 0) {
      exempted.add(entity.ref);
    }
  };
  const records = internalsOf(context)?.catalog.records();
  if (records) {
    // No copy of 100,000 entities to look at a few exemptions.
    for (let i = 0; i < records.length; i++) {
      noteExemptions(records[i].entity);
    }
  } else {
    for (const entity of context.catalog.all()) {
      noteExemptions(entity);
    }
  }
  const byRule: Array<{ prefix: string; pending: Pending[] }> = [];
  const ranks = new Map<string, number>();
  for (const rule of context.options.rules) {
    const config = context.options.ruleConfig.get(rule.id);
    if (!config?.enabled) {
      continue;
    }
    byRule.push({
      prefix: `${rule.id}:`,
      pending: evaluateRule(context, rule, config.severity, exempted, ranks),
    });
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
