import type { DomainAtlasRule, RuleViolation } from './types';
import type { CatalogEntity } from '../model/catalog';
import { CI_ANNOTATIONS } from '../model/annotations';
import { internalsOf } from '../model/internals';

const HINT = CI_ANNOTATIONS.join(', ');

const violation = (
  component: CatalogEntity,
  domain?: string | null,
): RuleViolation => ({
  subject: component.ref,
  entities: [component.ref],
  ...(domain !== undefined ? { domain } : {}),
  message: `${component.ref} has no pipeline of its own; add one of ${HINT}`,
});

/**
 * `independent-pipeline`: teams deploy independently. Violated when a
 * deployable component has none of the pipeline annotations
 * (`domain-atlas.io/pipeline` or a well-known CI annotation).
 *
 * @public
 */
export const independentPipelineRule: DomainAtlasRule = {
  id: 'independent-pipeline',
  principle: 'Teams deploy independently',
  description: 'A deployable has no pipeline evidence.',
  defaultSeverity: 'warning',
  *evaluate(context): Iterable<RuleViolation> {
    const { catalog, roles } = context;
    const internals = internalsOf(context);
    if (internals) {
      // The records know their domain: the finding needs no lookup.
      for (const { entity, domain } of internals.catalog.recordsOfKind(
        'component',
      )) {
        if (roles.isDeployable(entity) && !entity.atlas.hasPipelineEvidence) {
          yield violation(entity, domain === null ? null : domain.ref);
        }
      }
      return;
    }
    for (const component of catalog.ofKind('component')) {
      if (
        roles.isDeployable(component) &&
        !component.atlas.hasPipelineEvidence
      ) {
        yield violation(component);
      }
    }
  },
};
