import type { DomainAtlasRule, RuleViolation } from './types';

/**
 * `contract-versioned`: events are contracts, and contracts are versioned.
 * Violated when an API has no determinable version (definition, annotation
 * `domain-atlas.io/contract-version`, or a `-vN` name suffix).
 *
 * @public
 */
export const contractVersionedRule: DomainAtlasRule = {
  id: 'contract-versioned',
  principle: 'Events are contracts, versioned',
  description: 'A provided API has no determinable version.',
  defaultSeverity: 'warning',
  *evaluate({ contracts }): Iterable<RuleViolation> {
    for (const contract of contracts.all()) {
      if (contract.version === null) {
        yield {
          subject: contract.ref,
          entities: [contract.ref],
          message: `${contract.ref} has no version: declare it in the definition (info.version, protobuf package vN), the domain-atlas.io/contract-version annotation or a -vN name suffix`,
        };
      }
    }
  },
};
