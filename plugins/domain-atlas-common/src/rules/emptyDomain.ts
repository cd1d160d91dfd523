import type { DomainAtlasRule } from './types';

/**
 * `empty-domain`: a Domain entity that nothing belongs to (no subdomain,
 * system, component, API or resource). It scores 100 otherwise, which
 * says nothing; usually its systems are missing `spec.domain`.
 *
 * @public
 */
export const emptyDomainRule: DomainAtlasRule = {
  id: 'empty-domain',
  principle: 'Teams own domains',
  description:
    'A domain is declared, but nothing belongs to it: no subdomain, system, component, API or resource.',
  defaultSeverity: 'info',
  *evaluate({ domains }) {
    for (const domain of domains.domains) {
      const members = domains.membersOf(domain);
      if (
        domains.childrenOf(domain).length === 0 &&
        members.systems.length === 0 &&
        members.components.length === 0 &&
        members.apis.length === 0 &&
        members.resources.length === 0
      ) {
        yield {
          subject: domain,
          entities: [domain],
          message: `${domain} is declared, but nothing belongs to it; point a System's spec.domain at it`,
        };
      }
    }
  },
};
