import type { DomainAtlasRule, RuleViolation } from './types';
import type { MigrationPhase } from '../report';
import type { CatalogEntity } from '../model/catalog';
import { CI_ANNOTATIONS } from '../model/annotations';
import { internalsOf } from '../model/internals';

const HINT = CI_ANNOTATIONS.join(', ');

const violation = (
  component: CatalogEntity,
  domain: string | null | undefined,
  phase3: boolean,
): RuleViolation => ({
  subject: component.ref,
  entities: [component.ref],
  ...(domain !== undefined ? { domain } : {}),
  ...(phase3 ? {} : { severity: 'info' as const }),
  message: phase3
    ? `${component.ref} has no pipeline of its own; add one of ${HINT}`
    : `${component.ref}: pipeline unknown (no CI annotation); add one of ${HINT}`,
});

/**
 * `independent-pipeline`: teams deploy independently. Violated when a
 * deployable component has none of the pipeline annotations
 * (`domain-atlas.io/pipeline` or a well-known CI annotation).
 *
 * Many catalogs carry no CI annotations at all, and then every deployable
 * would be a warning that says nothing about the code. So, as for
 * `repo-per-service`, the DECLARED phase decides: in a domain that declares
 * phase 3, where independent deploys are the point, the finding has the
 * configured severity; elsewhere it is `info` ("pipeline unknown"). An
 * unwaived finding keeps the phase-2 criterion from holding either way,
 * so no domain reaches phase 3 as evidence with such a finding.
 *
 * @public
 */
export const independentPipelineRule: DomainAtlasRule = {
  id: 'independent-pipeline',
  principle: 'Teams deploy independently',
  description:
    'A deployable has no pipeline evidence (phase-3 domains only; elsewhere: info, pipeline unknown).',
  defaultSeverity: 'warning',
  *evaluate(context): Iterable<RuleViolation> {
    const { catalog, roles, declaredPhaseOf, domains } = context;
    const phases = new Map<string, MigrationPhase | null>();
    const isPhase3 = (domain: string | null) => {
      if (domain === null) {
        return false;
      }
      let phase = phases.get(domain);
      if (phase === undefined) {
        phase = declaredPhaseOf(domain);
        phases.set(domain, phase);
      }
      return phase === 3;
    };
    const internals = internalsOf(context);
    if (internals) {
      // The records know their domain: the finding needs no lookup.
      for (const { entity, domain } of internals.catalog.recordsOfKind(
        'component',
      )) {
        if (roles.isDeployable(entity) && !entity.atlas.hasPipelineEvidence) {
          const ref = domain === null ? null : domain.ref;
          yield violation(entity, ref, isPhase3(ref));
        }
      }
      return;
    }
    for (const component of catalog.ofKind('component')) {
      if (
        roles.isDeployable(component) &&
        !component.atlas.hasPipelineEvidence
      ) {
        yield violation(
          component,
          undefined,
          isPhase3(domains.domainOf(component.ref)),
        );
      }
    }
  },
};
