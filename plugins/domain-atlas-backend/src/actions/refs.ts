import { InputError } from '@backstage/errors';
import { DomainAtlasReport } from '@domain-atlas/plugin-domain-atlas-common';

/**
 * An entity ref as agents write it, made whole and lowercase: `orders`
 * becomes `<defaultKind>:default/orders`, `domain:orders` becomes
 * `domain:default/orders`.
 */
export function normaliseRef(input: string, defaultKind: string): string {
  const trimmed = input.trim().toLocaleLowerCase('en-US');
  const withKind = trimmed.includes(':')
    ? trimmed
    : `${defaultKind}:${trimmed}`;
  const [kind, rest] = withKind.split(':', 2);
  const ref = rest.includes('/')
    ? `${kind}:${rest}`
    : `${kind}:default/${rest}`;
  if (!/^[a-z0-9-]+:[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*$/.test(ref)) {
    throw new InputError(
      `'${input}' is not an entity ref such as ${defaultKind}:default/orders`,
    );
  }
  return ref;
}

/**
 * The domain of the report with this ref; an unknown one is an input
 * error that names the domains the caller can see, so an agent can retry.
 */
export function requireDomain(report: DomainAtlasReport, input: string) {
  const ref = normaliseRef(input, 'domain');
  const domain = report.domains.find(d => d.ref === ref);
  if (!domain) {
    throw new InputError(
      `No domain ${ref}; known domains: ${report.domains
        .map(d => d.ref)
        .join(', ')}`,
    );
  }
  return domain;
}
