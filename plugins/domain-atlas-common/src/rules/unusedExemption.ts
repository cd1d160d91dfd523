import type { DomainAtlasRule } from './types';

const ID = 'unused-exemption';

/**
 * `unused-exemption`: an entry of `domain-atlas.io/exemptions` waives
 * nothing — no finding of its rule names the entity, no rule has the id,
 * the rule is switched off, or the findings that name the entity belong
 * to another domain, where the exemption does not apply. An expired
 * exemption that still applies to a finding is not unused: that finding
 * is reported unwaived with a note. `analyze` runs this rule after every
 * other one.
 *
 * @public
 */
export const unusedExemptionRule: DomainAtlasRule = {
  id: ID,
  principle: 'The catalog is the source of truth',
  description:
    'A domain-atlas.io/exemptions entry waives nothing: no finding of its rule names the entity, the rule is unknown or switched off, or the findings that name the entity belong to another domain.',
  defaultSeverity: 'info',
  evaluate: ({ problems }) => problems.of(ID),
};
