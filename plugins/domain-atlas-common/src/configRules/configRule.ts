import {
  evaluateFilterPredicate,
  FilterPredicate,
  FilterPredicateExpression,
  FilterPredicatePrimitive,
  FilterPredicateValue,
  getJsonValueAtPath,
} from '@backstage/filter-predicates';
import type { MigrationPhase, Severity } from '../report';
import type {
  DomainAtlasRule,
  RuleContext,
  RuleViolation,
} from '../rules/types';
import type { CatalogEntity } from '../model/catalog';
import { lower } from '../model/refs';
import { valueText } from '../model/valueText';

/**
 * Which entities a config rule looks at. Every part given must hold; a
 * list holds when any of its values does. Values compare as the catalog's
 * filters do: case-insensitive.
 */
export interface ConfigRuleFilter {
  kinds?: string[];
  /** `spec.type` */
  types?: string[];
  /** `spec.lifecycle` */
  lifecycles?: string[];
  namespaces?: string[];
  /** The phase of the entity's domain is at least this. */
  phase?: { evidence?: MigrationPhase; declared?: MigrationPhase };
  /** Has one of these annotations. */
  annotations?: string[];
  /** Has one of these labels. */
  labels?: string[];
}

/** What a config rule requires of each entity its filter selects: one of these. */
export type ConfigRuleRequirement =
  | { annotation: { key: string; pattern?: RegExp } }
  | { label: { key: string; pattern?: RegExp } }
  | { spec: { field: string; equals?: FilterPredicatePrimitive[] } }
  | { link: { type?: string; title?: string } }
  | { description: true }
  | { tag: string[] };

/** A rule from the `domainAtlas.customRules` block of app-config, validated. */
export interface ConfigRuleSpec {
  id: string;
  principle: string;
  description: string;
  severity: Severity;
  filter: ConfigRuleFilter;
  require: ConfigRuleRequirement;
}

/** `spec`, as the predicate library types JSON. */
type SpecValue = Parameters<typeof getJsonValueAtPath>[0];

/**
 * Says what an entity lacks, or undefined when it meets the requirement.
 */
type Check = (entity: CatalogEntity) => string | undefined;

/**
 * Predicates are Backstage filter predicates (`@backstage/filter-predicates`,
 * the format of the catalog's entity queries and of the new frontend
 * system's entity filters) over the analysis' view of an entity: paths such
 * as `spec.type`, `annotations.<key>`, `tags`, `links`.
 */
const matches = (predicate: FilterPredicate, entity: CatalogEntity) =>
  evaluateFilterPredicate(predicate, entity);

/** A predicate on one path (never one that starts with `$`). */
const at = (path: string, value: FilterPredicateValue): FilterPredicate =>
  ({ [path]: value } as FilterPredicateExpression);

const exists = (path: string) => at(path, { $exists: true });

const anyOf = (predicates: FilterPredicate[]): FilterPredicate =>
  predicates.length === 1 ? predicates[0] : { $any: predicates };

const quoted = (values: ReadonlyArray<unknown>, joiner: string) =>
  values.map(value => valueText(value)).join(joiner);

/** The requirement for a string map (annotations, labels): present, and matching. */
function keyedValueCheck(
  map: 'annotations' | 'labels',
  noun: string,
  key: string,
  pattern: RegExp | undefined,
): Check {
  const present = exists(`${map}.${key}`);
  return entity => {
    if (!matches(present, entity)) {
      return `${entity.ref} has no ${noun} ${key}`;
    }
    const value = entity[map][key];
    if (pattern !== undefined && !pattern.test(value)) {
      return `${entity.ref}: ${noun} ${key} is ${valueText(
        value,
      )}, which does not match /${pattern.source}/`;
    }
    return undefined;
  };
}

function requirementCheck(requirement: ConfigRuleRequirement): Check {
  if ('annotation' in requirement) {
    const { key, pattern } = requirement.annotation;
    return keyedValueCheck('annotations', 'annotation', key, pattern);
  }
  if ('label' in requirement) {
    const { key, pattern } = requirement.label;
    return keyedValueCheck('labels', 'label', key, pattern);
  }
  if ('spec' in requirement) {
    const { field, equals } = requirement.spec;
    const path = `spec.${field}`;
    const present = exists(path);
    const equal = equals && at(path, { $in: equals });
    return entity => {
      if (!matches(present, entity)) {
        return `${entity.ref} has no ${path}`;
      }
      if (equal !== undefined && !matches(equal, entity)) {
        const actual = getJsonValueAtPath(entity.spec as SpecValue, field);
        return `${entity.ref}: ${path} is ${valueText(actual)}, not ${quoted(
          equals!,
          ' or ',
        )}`;
      }
      return undefined;
    };
  }
  if ('link' in requirement) {
    const { type, title } = requirement.link;
    const wanted = {
      ...(type !== undefined ? { type } : {}),
      ...(title !== undefined ? { title } : {}),
    };
    const predicate: FilterPredicate = { links: { $contains: wanted } };
    const what = Object.entries(wanted)
      .map(([key, value]) => `${key} ${valueText(value)}`)
      .join(' and ');
    return entity =>
      matches(predicate, entity)
        ? undefined
        : `${entity.ref} has no link (metadata.links) with ${what}`;
  }
  if ('description' in requirement) {
    const predicate: FilterPredicate = {
      $all: [exists('description'), { $not: { description: '' } }],
    };
    return entity =>
      matches(predicate, entity)
        ? undefined
        : `${entity.ref} has no description (metadata.description)`;
  }
  const tags = requirement.tag;
  const predicate: FilterPredicate = {
    tags: { $contains: tags.length === 1 ? tags[0] : { $any: tags } },
  };
  return entity =>
    matches(predicate, entity)
      ? undefined
      : `${entity.ref} has no tag ${quoted(tags, ' or ')}`;
}

/** The filter parts about the entity itself, as one predicate. */
function entityPredicate(
  filter: ConfigRuleFilter,
): FilterPredicate | undefined {
  const parts: FilterPredicate[] = [];
  if (filter.types) {
    parts.push({ 'spec.type': { $in: filter.types } });
  }
  if (filter.lifecycles) {
    parts.push({ 'spec.lifecycle': { $in: filter.lifecycles } });
  }
  if (filter.annotations) {
    parts.push(
      anyOf(filter.annotations.map(key => exists(`annotations.${key}`))),
    );
  }
  if (filter.labels) {
    parts.push(anyOf(filter.labels.map(key => exists(`labels.${key}`))));
  }
  if (parts.length === 0) {
    return undefined;
  }
  return parts.length === 1 ? parts[0] : { $all: parts };
}

/** Whether the phase of the entity's domain is high enough. */
function phaseTest(
  phase: NonNullable<ConfigRuleFilter['phase']>,
): (context: RuleContext, entity: CatalogEntity) => boolean {
  const { evidence, declared } = phase;
  return (context, entity) => {
    const domain = context.domains.domainOf(entity.ref);
    if (domain === null) {
      return false;
    }
    if (declared !== undefined) {
      const phaseOf = context.declaredPhaseOf(domain);
      if (phaseOf === null || phaseOf < declared) {
        return false;
      }
    }
    if (evidence !== undefined) {
      const phaseOf = context.evidencePhaseOf(domain);
      if (phaseOf === null || phaseOf < evidence) {
        return false;
      }
    }
    return true;
  };
}

/**
 * The rule a config rule describes: one finding for each entity its filter
 * selects that does not meet its requirement. It looks only at the
 * entities of its kinds (all entities when it names none), and asks for
 * the evidence phase only when its filter does, in which case it runs
 * after the rules that the phase is computed from.
 */
export function createConfigRule(spec: ConfigRuleSpec): DomainAtlasRule {
  const { filter } = spec;
  const kinds = filter.kinds && [...new Set(filter.kinds.map(lower))];
  const namespaces = filter.namespaces && new Set(filter.namespaces.map(lower));
  const predicate = entityPredicate(filter);
  const inPhase = filter.phase && phaseTest(filter.phase);
  const check = requirementCheck(spec.require);

  function* violations(
    context: RuleContext,
    entities: Iterable<CatalogEntity>,
  ): Iterable<RuleViolation> {
    for (const entity of entities) {
      if (
        (namespaces === undefined || namespaces.has(entity.namespace)) &&
        (predicate === undefined || matches(predicate, entity)) &&
        (inPhase === undefined || inPhase(context, entity))
      ) {
        const missing = check(entity);
        if (missing !== undefined) {
          yield {
            subject: entity.ref,
            entities: [entity.ref],
            message: missing,
          };
        }
      }
    }
  }

  return {
    id: spec.id,
    principle: spec.principle,
    description: spec.description,
    defaultSeverity: spec.severity,
    ...(filter.phase?.evidence !== undefined
      ? { needsEvidencePhase: true }
      : {}),
    *evaluate(context) {
      if (kinds === undefined) {
        yield* violations(context, context.catalog.all());
        return;
      }
      for (const kind of kinds) {
        yield* violations(context, context.catalog.ofKind(kind));
      }
    },
  };
}
