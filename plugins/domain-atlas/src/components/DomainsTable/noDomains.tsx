import { CodeSnippet } from '@backstage/core-components';
import { MINIMAL_DOMAIN_EXAMPLE_YAML } from '@domain-atlas/plugin-domain-atlas-common';

/**
 * What the Domains tab shows when the catalog has no Domain entities, as
 * catalogs often have none at first (create-app's has none): what a
 * domain is here, how components join one, and an example to start from.
 */
export const NO_DOMAINS = {
  title: 'No domains yet',
  description: (
    <>
      Domain Atlas reports ownership, health, migration phase and contracts per
      Domain entity of the software catalog, and found none. A component joins a
      domain through its System: the component's <code>spec.system</code> names
      a System, and the System's <code>spec.domain</code> names the Domain. Give
      each Domain an owner, for example:
    </>
  ),
  action: (
    <CodeSnippet
      language="yaml"
      text={MINIMAL_DOMAIN_EXAMPLE_YAML}
      showCopyCodeButton
    />
  ),
};
