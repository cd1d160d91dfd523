import { MINIMAL_DOMAIN_EXAMPLE_YAML } from '@domain-atlas/plugin-domain-atlas-common';

/**
 * What the text formats say when the catalog has no Domain entities (the
 * page says the same): what a domain is here, how components join one, and
 * an example to start from.
 */
export const NO_DOMAINS_TEXT =
  'No Domain entities in this catalog. Domain Atlas reports ownership, ' +
  'health, migration phase and contracts per Domain. A component joins a ' +
  "domain through its System: the component's spec.system names a System, " +
  "and the System's spec.domain names the Domain. Give each Domain an " +
  'owner, for example:';

/** The example, one line per line. */
export const NO_DOMAINS_EXAMPLE: ReadonlyArray<string> =
  MINIMAL_DOMAIN_EXAMPLE_YAML.trimEnd().split('\n');
