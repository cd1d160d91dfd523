/**
 * The smallest catalog Domain Atlas can show: a Domain with an owner and
 * a System in it. The page and the command line both show it when a
 * catalog has no Domain entities (create-app's default catalog has none).
 *
 * @public
 */
export const MINIMAL_DOMAIN_EXAMPLE_YAML = `apiVersion: backstage.io/v1alpha1
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
