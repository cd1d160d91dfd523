import {
  ContractSummary,
  satisfiesRange,
} from '@domain-atlas/plugin-domain-atlas-common';

/** What `find-contract` looks for; every given part must match. */
export interface ContractQuery {
  /** A whole API ref: that API only. */
  ref?: string;
  /** Text in the API's name, title or family, lowercase. */
  text?: string;
  /** A version or a semver range. */
  version?: string;
  /** The providing domain's ref. */
  domain?: string;
}

const withoutV = (version: string) =>
  version
    .trim()
    .toLocaleLowerCase('en-US')
    .replace(/^v(?=\d)/, '');

/**
 * A version matches as a semver range would (`2` takes 2, 2.1 and 2.3.0;
 * `^2.1` and `>=3` work too), with contract versions read the way pins
 * read them (`v2` is 2.0.0). Versions that are no semver (`2026-01`,
 * `beta`) match when they are equal.
 */
function versionMatches(version: string | null, wanted: string): boolean {
  if (version === null) {
    return false;
  }
  return (
    satisfiesRange(version, wanted) === true ||
    withoutV(version) === withoutV(wanted)
  );
}

/** The contracts a query picks. */
export function matchesContract(
  query: ContractQuery,
): (contract: ContractSummary) => boolean {
  return contract => {
    if (query.ref !== undefined && contract.ref !== query.ref) {
      return false;
    }
    if (query.text !== undefined) {
      const name = contract.ref.slice(contract.ref.indexOf('/') + 1);
      const haystacks = [name, contract.title, contract.family].map(s =>
        s.toLocaleLowerCase('en-US'),
      );
      if (!haystacks.some(s => s.includes(query.text!))) {
        return false;
      }
    }
    if (
      query.version !== undefined &&
      !versionMatches(contract.version, query.version)
    ) {
      return false;
    }
    return query.domain === undefined || contract.domain === query.domain;
  };
}
