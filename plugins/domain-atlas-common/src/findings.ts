import type { Finding, Severity } from './report';
import type { RuleContext, RuleViolation } from './rules/types';
import { compareStrings, sortedUnique } from './model/ordering';
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
 * Runs every enabled rule and turns its violations into findings: domain
 * (default: the subject's), configured severity, stable id, waiver. A rule
 * that throws yields a finding saying so. Findings are sorted by id;
 * duplicates (same id) are reported once.
 */
export function evaluateRules(context: RuleContext): Finding[] {
  const findings = new Map<string, Finding>();
  const exempted = new Set<string>();
  for (const entity of context.catalog.all()) {
    if (entity.atlas.exemptions.size > 0) {
      exempted.add(entity.ref);
    }
  }
  for (const rule of context.options.rules) {
    const config = context.options.ruleConfig.get(rule.id);
    if (!config?.enabled) {
      continue;
    }
    for (const violation of collect(rule.id, () => rule.evaluate(context))) {
      if (!violation || typeof violation !== 'object') {
        continue;
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
        : config.severity;
      const key = violation.key ? `:${violation.key}` : '';
      const id = `${rule.id}:${domain ?? 'unassigned'}:${entities.join(
        ',',
      )}${key}`;
      if (findings.has(id)) {
        continue;
      }
      const waiver = findWaiver(
        context,
        exempted,
        rule.id,
        subject,
        entities,
        domain,
      );
      findings.set(id, {
        id,
        rule: rule.id,
        severity,
        domain,
        entities,
        message:
          typeof violation.message === 'string'
            ? violation.message
            : valueText(violation.message),
        waived: waiver !== undefined,
        ...(waiver !== undefined ? { waiver } : {}),
      });
    }
  }
  return [...findings.values()].sort((a, b) => compareStrings(a.id, b.id));
}
