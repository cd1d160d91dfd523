import { CodeSnippet } from '@backstage/core-components';

/**
 * The smallest catalog that Domain Atlas can show: a Domain with an owner
 * and a System in it.
 */
const DOMAIN_EXAMPLE_YAML = `apiVersion: backstage.io/v1alpha1
kind: Domain
metadata:
  name: payments
spec:
  owner: group:default/payments-team
---
apiVersion: backstage.io/v1alpha1
kind: System
metadata:
  name: payments-platform
spec:
  owner: group:default/payments-team
  domain: payments
`;

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
      text={DOMAIN_EXAMPLE_YAML}
      showCopyCodeButton
    />
  ),
};
