import type { DomainAtlasRule, RuleViolation } from './types';

/**
 * `repo-per-domain`: domains own repos. Violated when one repository hosts
 * components of more than one domain (unassigned components do not count
 * as a domain). Each domain in the repository gets a finding naming all
 * components of the repository.
 *
 * @public
 */
export const repoPerDomainRule: DomainAtlasRule = {
  id: 'repo-per-domain',
  principle: 'Domains own repos',
  description: 'One repository hosts components of more than one domain.',
  defaultSeverity: 'error',
  *evaluate({ repositories, domains }): Iterable<RuleViolation> {
    for (const repository of repositories.repositories) {
      if (repository.domains.length < 2) {
        continue;
      }
      for (const domain of repository.domains) {
        const own = repository.components.filter(
          component => domains.domainOf(component) === domain,
        );
        yield {
          subject: own[0],
          entities: repository.components,
          domain,
          message: `${repository.id} hosts components of ${
            repository.domains.length
          } domains (${repository.domains.join(', ')}); ${own.join(
            ', ',
          )} of ${domain} should live in a repository of their own domain`,
        };
      }
    }
  },
};
