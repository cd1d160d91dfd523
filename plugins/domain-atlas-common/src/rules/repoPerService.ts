import type { DomainAtlasRule, RuleViolation } from './types';
import { internalsOf } from '../model/internals';

/**
 * `repo-per-service`: repos own releases. Violated when two deployables of
 * one domain share one repository. (Deployables of different domains in one
 * repository are `repo-per-domain`'s finding, not this one's.) One finding
 * per domain and repository; its id names those two, not the deployables.
 *
 * The rule matters from phase 3 on. Its severity depends on the domain's
 * phase, and the evidence phase itself depends on findings, so the
 * DECLARED phase (`domain-atlas.io/migration-phase`) decides: a domain that
 * declares phase 3 gets the configured severity; any other domain, an
 * undeclared one, or deployables without a domain get `info`. Either way
 * an unwaived finding keeps the phase-3 criterion from holding.
 *
 * @public
 */
export const repoPerServiceRule: DomainAtlasRule = {
  id: 'repo-per-service',
  principle: 'Repos own releases',
  description:
    'Two deployables share one repository (phase-3 domains only; earlier phases: info).',
  defaultSeverity: 'error',
  *evaluate(context): Iterable<RuleViolation> {
    const { repositories, domains, declaredPhaseOf } = context;
    const hosted = internalsOf(context)?.repositories.hosted;
    for (let i = 0; i < repositories.repositories.length; i++) {
      const repository = repositories.repositories[i];
      if (repository.deployables.length < 2) {
        continue;
      }
      const byDomain = new Map<string | null, string[]>();
      const add = (deployable: string, domain: string | null) => {
        const list = byDomain.get(domain);
        if (list) {
          list.push(deployable);
        } else {
          byDomain.set(domain, [deployable]);
        }
      };
      if (hosted) {
        for (const { entity, domain } of hosted[i].deployables) {
          add(entity.ref, domain === null ? null : domain.ref);
        }
      } else {
        for (const deployable of repository.deployables) {
          add(deployable, domains.domainOf(deployable));
        }
      }
      for (const [domain, own] of byDomain) {
        if (own.length < 2) {
          continue;
        }
        const phase3 = domain !== null && declaredPhaseOf(domain) === 3;
        yield {
          subject: own[0],
          entities: own,
          // One finding per domain and repository: the same one when a
          // further deployable of the domain moves in.
          identity: [],
          key: repository.id,
          domain,
          ...(phase3 ? {} : { severity: 'info' as const }),
          message: `${repository.id} holds ${own.length} deployables of ${
            domain ?? 'no domain'
          } (${own.join(
            ', ',
          )}); each deployable should have its own repository`,
        };
      }
    }
  },
};
