import type {
  DomainPhase,
  Finding,
  MigrationPhase,
  PhaseCriterion,
  PlaybookProgress,
  TargetStatus,
} from './report';
import type { RuleContext } from './rules/types';
import type { CatalogEntity, EntityRecord } from './model/catalog';
import type { AnalysisInternals } from './model/internals';
import { isoDateToDay } from './model/dates';

/**
 * Strangler coverage (percent) from which the monolith part can be
 * decommissioned.
 *
 * @public
 */
export const DECOMMISSION_THRESHOLD = 95;

/**
 * A target date closer than this many days, with the target phase not yet
 * reached, makes a domain at risk.
 *
 * @public
 */
export const AT_RISK_DAYS = 90;

/**
 * The definition of one phase exit criterion.
 *
 * @public
 */
export interface PhaseCriterionSpec {
  phase: 1 | 2 | 3;
  id: string;
  description: string;
  /** Only unwaived findings of severity `error` fail the criterion. */
  errorsOnly?: boolean;
}

/**
 * The exit criteria of each phase (product specification §3). Rule
 * criteria hold when the domain has no unwaived finding of that rule;
 * `adr-location` holds when the Domain entity has `backstage.io/adr-location`.
 *
 * @public
 */
export const PHASE_CRITERIA: ReadonlyArray<PhaseCriterionSpec> = [
  {
    phase: 1,
    id: 'domain-owned',
    description: 'A team (Group) owns the domain',
  },
  {
    phase: 1,
    id: 'single-owner',
    description:
      "Everything in the domain is owned within the owner's team tree",
  },
  {
    phase: 2,
    id: 'independent-pipeline',
    description: 'Every deployable has pipeline evidence',
  },
  {
    phase: 2,
    id: 'adr-location',
    description:
      'The domain keeps its own ADRs (backstage.io/adr-location on the Domain)',
  },
  {
    phase: 2,
    id: 'no-shared-business-logic',
    description: 'No no-shared-business-logic errors',
    errorsOnly: true,
  },
  {
    phase: 3,
    id: 'repo-per-domain',
    description: 'Its repositories host no other domain',
  },
  {
    phase: 3,
    id: 'repo-per-service',
    description: 'Every deployable has a repository of its own',
  },
  {
    phase: 3,
    id: 'own-datastore',
    description: 'No component uses a datastore of another domain',
  },
  {
    phase: 3,
    id: 'no-shared-cache',
    description: 'No cache shared with another domain',
  },
  {
    phase: 3,
    id: 'events-between-domains',
    description:
      'Other domains are reached through events, not synchronous calls',
  },
  {
    phase: 3,
    id: 'contract-versioned',
    description: 'Every contract is versioned',
  },
];

export function evaluateCriteria(
  context: RuleContext,
  entity: CatalogEntity,
  findings: ReadonlyArray<Finding>,
): PhaseCriterion[] {
  return PHASE_CRITERIA.map(spec => {
    if (spec.id === 'adr-location') {
      return {
        phase: spec.phase,
        id: spec.id,
        description: spec.description,
        met: entity.atlas.adrLocation !== null,
      };
    }
    if (context.options.ruleConfig.get(spec.id)?.enabled === false) {
      return {
        phase: spec.phase,
        id: spec.id,
        description: `${spec.description} (rule disabled: not checked)`,
        met: true,
      };
    }
    const failing = findings
      .filter(
        f =>
          f.rule === spec.id &&
          !f.waived &&
          (!spec.errorsOnly || f.severity === 'error'),
      )
      .map(f => f.id);
    return {
      phase: spec.phase,
      id: spec.id,
      description: spec.description,
      met: failing.length === 0,
      ...(failing.length > 0 ? { findings: failing } : {}),
    };
  });
}

/** Highest phase whose criteria hold together with those of all lower phases. */
export function evidencePhase(
  criteria: ReadonlyArray<PhaseCriterion>,
): MigrationPhase {
  let phase: MigrationPhase = 0;
  for (const next of [1, 2, 3] as const) {
    if (criteria.some(c => c.phase === next && !c.met)) {
      break;
    }
    phase = next;
  }
  return phase;
}

/**
 * `none` without a target phase; `on-track` when the evidence reached the
 * target, when there is no target date, or when the date is at least
 * {@link AT_RISK_DAYS} days away; `overdue` when the date has passed;
 * `at-risk` otherwise, and also when `now` is unknown.
 *
 * @public
 */
export function targetStatus(
  evidence: MigrationPhase,
  target: MigrationPhase | null,
  daysToTarget: number | null,
  hasDate: boolean,
): TargetStatus {
  if (target === null) {
    return 'none';
  }
  if (evidence >= target || !hasDate) {
    return 'on-track';
  }
  if (daysToTarget === null) {
    return 'at-risk';
  }
  if (daysToTarget < 0) {
    return 'overdue';
  }
  return daysToTarget < AT_RISK_DAYS ? 'at-risk' : 'on-track';
}

/** What a domain's components show, gathered in one walk over them. */
export interface ComponentFacts {
  /** Some component provides an asynchronous API. */
  providesEvents: boolean;
  /** Every deployable component has pipeline evidence. */
  deployablesHavePipelines: boolean;
}

function playbook(
  context: RuleContext,
  internals: AnalysisInternals,
  domain: EntityRecord,
  findings: ReadonlyArray<Finding>,
  facts: ComponentFacts,
): PlaybookProgress {
  const { roles } = context;
  const members = internals.domains.memberRecordsOf(domain);
  const components = members.components;
  // Every component lives in a repository whose components are all of
  // this domain.
  const extracted =
    components.length > 0 &&
    internals.repositories.componentsAlone(domain) === components.length;
  const publishesEvents =
    members.apis.some(api => roles.apiStyle(api.entity) === 'async') ||
    facts.providesEvents;
  const dbJoinsCut = !findings.some(
    f => f.rule === 'own-datastore' && !f.waived,
  );
  return {
    extracted,
    publishesEvents,
    dbJoinsCut,
    deploysIndependently: facts.deployablesHavePipelines,
  };
}

/**
 * The migration phase of a domain: criteria, evidence phase, declared and
 * target phase, target status, strangler coverage and phase-3 playbook.
 */
export function assessPhase(
  context: RuleContext,
  internals: AnalysisInternals,
  domain: EntityRecord,
  findings: ReadonlyArray<Finding>,
  facts: ComponentFacts,
): DomainPhase {
  const atlas = domain.entity.atlas;
  const criteria = evaluateCriteria(context, domain.entity, findings);
  const evidence = evidencePhase(criteria);
  const declared = atlas.migrationPhase;
  const target = atlas.targetPhase;
  const targetDate = atlas.targetDate;
  const today = context.options.today;
  const daysToTarget =
    targetDate !== null && today !== null
      ? Math.round(isoDateToDay(targetDate)! - today)
      : null;
  const coverage = atlas.stranglerCoverage;
  return {
    evidence,
    declared,
    declaredValid: declared === null ? null : declared <= evidence,
    target,
    targetDate,
    daysToTarget,
    status: targetStatus(evidence, target, daysToTarget, targetDate !== null),
    stranglerCoverage: coverage,
    decommissionReady:
      coverage === null ? null : coverage >= DECOMMISSION_THRESHOLD,
    criteria,
    playbook: playbook(context, internals, domain, findings, facts),
  };
}
