import type {
  ExpiredWaiver,
  WaiverSummary,
  WaiverUnusedReason,
} from './report';
import type { RuleContext, RuleViolation } from './rules/types';
import { unusedExemptionRule } from './rules/unusedExemption';
import type { CatalogEntity } from './model/catalog';
import type { Exemption } from './model/annotations';
import { isoDateToDay } from './model/dates';
import { internalsOf } from './model/internals';
import { compareStrings, sortedUnique } from './model/ordering';

/**
 * A waiver that ends within this many days is about to expire: the
 * frontend marks it.
 *
 * @public
 */
export const EXPIRING_WAIVER_DAYS = 30;

/** The rule that reports the exemptions that waive nothing. */
export const UNUSED_EXEMPTION_RULE = unusedExemptionRule.id;

/** One exemption of one entity and what it turned out to apply to. */
interface Waiver {
  readonly entity: string;
  readonly rule: string;
  readonly exemption: Exemption;
  /** Days from `now` to `until`; null without either. */
  readonly daysLeft: number | null;
  readonly expired: boolean;
  /** Ids of the findings it applies to (may repeat). */
  readonly findings: string[];
  /**
   * Domains of the findings of its rule that name the entity but belong
   * to another domain, where the exemption does not apply.
   */
  readonly elsewhere: Set<string>;
}

/** What the exemptions make of one finding. */
export interface WaiverMatch {
  /** The exemption that waives it. */
  waiver?: { reason: string; until: string | null };
  /** An expired exemption for it, when none waives it. */
  expired?: ExpiredWaiver;
}

/**
 * The exemptions of one analysis (`domain-atlas.io/exemptions`): which
 * one waives a finding, which expired, and which waive nothing.
 *
 * A finding is waived by an exemption of its rule on its subject, on
 * another entity it names that belongs to the finding's domain, or on the
 * domain itself, the first of these in that order that has not expired.
 * An exemption on a named entity of another domain does not apply.
 */
export class WaiverLedger {
  /** Entity ref → rule id → waiver. */
  private readonly byEntity = new Map<string, Map<string, Waiver>>();

  constructor(private readonly context: RuleContext) {
    const today = context.options.today;
    const note = (entity: CatalogEntity) => {
      if (entity.atlas.exemptions.size === 0) {
        return;
      }
      const rules = new Map<string, Waiver>();
      for (const [rule, exemption] of entity.atlas.exemptions) {
        const until =
          exemption.until === null ? undefined : isoDateToDay(exemption.until);
        const daysLeft =
          until === undefined || today === null ? null : until - today;
        rules.set(rule, {
          entity: entity.ref,
          rule,
          exemption,
          daysLeft,
          expired: daysLeft !== null && daysLeft < 0,
          findings: [],
          elsewhere: new Set(),
        });
      }
      this.byEntity.set(entity.ref, rules);
    };
    const records = internalsOf(context)?.catalog.records();
    if (records) {
      // No copy of 100,000 entities to look at a few exemptions.
      for (let i = 0; i < records.length; i++) {
        note(records[i].entity);
      }
    } else {
      for (const entity of context.catalog.all()) {
        note(entity);
      }
    }
  }

  /**
   * The exemption that waives a finding, or the expired one that no
   * longer does; records which exemptions apply to it.
   */
  match(
    rule: string,
    id: string,
    subject: string | undefined,
    entities: ReadonlyArray<string>,
    domain: string | null,
  ): WaiverMatch | undefined {
    const { byEntity } = this;
    if (
      byEntity.size === 0 ||
      (!(subject && byEntity.has(subject)) &&
        !(domain && byEntity.has(domain)) &&
        !entities.some(entity => byEntity.has(entity)))
    ) {
      return undefined;
    }
    const { domains } = this.context;
    let active: Waiver | undefined;
    let expired: Waiver | undefined;
    const consider = (candidate: string) => {
      const waiver = byEntity.get(candidate)?.get(rule);
      if (waiver === undefined) {
        return;
      }
      waiver.findings.push(id);
      if (waiver.expired) {
        expired ??= waiver;
      } else {
        active ??= waiver;
      }
    };
    if (subject) {
      consider(subject);
    }
    for (const entity of entities) {
      if (entity === subject || entity === domain) {
        continue;
      }
      const waiver = byEntity.get(entity)?.get(rule);
      if (waiver === undefined) {
        continue;
      }
      if (domains.domainOf(entity) === domain) {
        consider(entity);
      } else {
        waiver.elsewhere.add(domain ?? 'no domain');
      }
    }
    if (domain && domain !== subject) {
      consider(domain);
    }
    if (active) {
      return {
        waiver: {
          reason: active.exemption.reason,
          until: active.exemption.until,
        },
      };
    }
    if (expired) {
      return {
        expired: {
          entity: expired.entity,
          reason: expired.exemption.reason,
          until: expired.exemption.until!,
        },
      };
    }
    return {};
  }

  /** Why an exemption waives nothing, or undefined when it applies. */
  private unusedReason(waiver: Waiver): WaiverUnusedReason | undefined {
    const config = this.context.options.ruleConfig.get(waiver.rule);
    if (config === undefined) {
      return 'unknown-rule';
    }
    if (!config.enabled) {
      return 'rule-off';
    }
    if (waiver.findings.length > 0) {
      return undefined;
    }
    return waiver.elsewhere.size > 0 ? 'outside-domain' : 'no-finding';
  }

  /**
   * The `unused-exemption` violations: one per exemption that applies to
   * no finding, once every other rule has been evaluated. Exemptions of
   * `unused-exemption` itself are left out: such a finding could only be
   * waived by the exemption it is about (`waivers` lists them).
   */
  unusedViolations(): RuleViolation[] {
    const violations: RuleViolation[] = [];
    for (const waiver of this.inOrder()) {
      if (waiver.rule === UNUSED_EXEMPTION_RULE) {
        continue;
      }
      const reason = this.unusedReason(waiver);
      if (reason !== undefined) {
        violations.push({
          subject: waiver.entity,
          entities: [waiver.entity],
          key: waiver.rule,
          message: unusedMessage(waiver, reason),
        });
      }
    }
    return violations;
  }

  /** Every exemption with what it waives, sorted by entity and rule. */
  summaries(): WaiverSummary[] {
    const { relations, domains } = this.context;
    return this.inOrder().map(waiver => {
      const owner = relations.of(waiver.entity).owner;
      const unused = this.unusedReason(waiver);
      const { reason, until } = waiver.exemption;
      return {
        entity: waiver.entity,
        ...(owner !== null ? { owner } : {}),
        domain: domains.domainOf(waiver.entity),
        rule: waiver.rule,
        reason,
        ...(until !== null ? { until } : {}),
        ...(waiver.daysLeft !== null ? { daysLeft: waiver.daysLeft } : {}),
        expired: waiver.expired,
        ...(unused !== undefined ? { unused } : {}),
        findings: sortedUnique(waiver.findings),
      };
    });
  }

  private inOrder(): Waiver[] {
    const entities = [...this.byEntity.keys()].sort(compareStrings);
    return entities.flatMap(entity =>
      [...this.byEntity.get(entity)!.values()].sort((a, b) =>
        compareStrings(a.rule, b.rule),
      ),
    );
  }
}

function unusedMessage(waiver: Waiver, reason: WaiverUnusedReason): string {
  const { entity, rule } = waiver;
  const head = `The exemption from ${rule} on ${entity} waives nothing`;
  const expired = waiver.expired
    ? ` (it also expired on ${waiver.exemption.until})`
    : '';
  switch (reason) {
    case 'unknown-rule':
      return `${head}: no rule has the id ${rule}${expired}`;
    case 'rule-off':
      return `${head}: ${rule} is switched off in the configuration${expired}`;
    case 'outside-domain':
      return `${head}: the ${rule} findings that name ${entity} belong to ${[
        ...waiver.elsewhere,
      ]
        .sort(compareStrings)
        .join(
          ', ',
        )}, not to its own domain, and an exemption waives only findings of its domain; put it on the finding's subject or domain${expired}`;
    default:
      return `${head}: no ${rule} finding names it; remove the exemption${expired}`;
  }
}

/** The note an unwaived finding gets for an expired exemption. */
export function expiredNote(expired: ExpiredWaiver): string {
  return ` (the exemption on ${expired.entity} expired on ${expired.until}: ${expired.reason})`;
}
