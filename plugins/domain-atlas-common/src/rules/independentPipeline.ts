import type { DomainAtlasRule, RuleViolation } from './types';
import { CI_ANNOTATIONS } from '../model/annotations';

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
  *evaluate({ catalog, roles }): Iterable<RuleViolation> {
    for (const component of catalog.ofKind('component')) {
      if (
        roles.isDeployable(component) &&
        !component.atlas.hasPipelineEvidence
      ) {
        yield {
          subject: component.ref,
          entities: [component.ref],
          message: `${
            component.ref
          } has no pipeline of its own; add one of ${CI_ANNOTATIONS.join(
            ', ',
          )}`,
        };
      }
    }
  },
};
