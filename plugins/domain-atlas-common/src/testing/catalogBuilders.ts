/**
 * Tiny builders for hand-written test catalogs. Test-only: not exported
 * from the package.
 */
import type { Entity } from '@backstage/catalog-model';
import type { DomainAtlasReport, Finding } from '../report';

type Spec = Record<string, unknown>;

interface Meta {
  annotations?: Record<string, string>;
  labels?: Record<string, string>;
  namespace?: string;
  title?: string;
}

function entity(
  kind: string,
  name: string,
  spec: Spec,
  meta: Meta = {},
): Entity {
  const { annotations, labels, namespace, title } = meta;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name,
      ...(namespace ? { namespace } : {}),
      ...(title ? { title } : {}),
      ...(annotations ? { annotations } : {}),
      ...(labels ? { labels } : {}),
    },
    spec: spec as Entity['spec'],
  };
}

export const domain = (name: string, spec: Spec = {}, meta?: Meta) =>
  entity('Domain', name, spec, meta);

export const system = (name: string, spec: Spec = {}, meta?: Meta) =>
  entity('System', name, spec, meta);

export const component = (name: string, spec: Spec = {}, meta?: Meta) =>
  entity(
    'Component',
    name,
    { type: 'service', lifecycle: 'production', ...spec },
    meta,
  );

export const api = (name: string, spec: Spec = {}, meta?: Meta) =>
  entity(
    'API',
    name,
    { type: 'openapi', lifecycle: 'production', ...spec },
    meta,
  );

export const resource = (name: string, spec: Spec = {}, meta?: Meta) =>
  entity('Resource', name, { type: 'database', ...spec }, meta);

export const group = (name: string, spec: Spec = {}, meta?: Meta) =>
  entity('Group', name, { type: 'team', children: [], ...spec }, meta);

export const user = (name: string, spec: Spec = {}, meta?: Meta) =>
  entity('User', name, spec, meta);

/** Annotations placing a component in a GitHub repository (optionally a folder). */
export const inRepo = (repo: string, path = '') => ({
  'backstage.io/source-location': `url:https://github.com/acme/${repo}/tree/main/${path}`,
});

/** Annotation giving a component its own pipeline. */
export const withPipeline = {
  'domain-atlas.io/pipeline': 'https://ci.acme.io/job',
};

/** Annotation waiving a rule. */
export const exempt = (rule: string, reason = 'accepted for now') => ({
  'domain-atlas.io/exemptions': `${rule}: ${reason}`,
});

/**
 * Two domains, each owned by its own team with a system: `orders`
 * (team-orders) and `payments` (team-payments). Add members with the
 * other builders.
 */
export const twoDomains = (): Entity[] => [
  group('team-orders'),
  group('team-payments'),
  domain('orders', { owner: 'team-orders' }),
  domain('payments', { owner: 'team-payments' }),
  system('orders-system', { owner: 'team-orders', domain: 'orders' }),
  system('payments-system', { owner: 'team-payments', domain: 'payments' }),
];

/** The findings of one rule, reduced to what tests compare. */
export function findingsOf(report: DomainAtlasReport, rule: string) {
  return report.findings
    .filter(finding => finding.rule === rule)
    .map(({ domain: d, entities, waived, severity }: Finding) => ({
      domain: d,
      entities,
      waived,
      severity,
    }));
}
