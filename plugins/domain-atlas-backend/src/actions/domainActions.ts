import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { domainAtlasReportReadPermission } from '@domain-atlas/plugin-domain-atlas-common';
import { entityFindings } from '../services/ReportQueries';
import { VisibleReports } from '../services/Visibility';
import { normaliseRef, requireDomain } from './refs';

/** Questions about the report: they read it and change nothing. */
const attributes = { readOnly: true, idempotent: true, destructive: false };

/** How a domain may be named. */
const DOMAIN_REF = 'domain:default/orders, or just orders';

/** Who owns what, what a domain provides, its findings, its failure impact. */
export function registerDomainActions(options: {
  actionsRegistry: ActionsRegistryService;
  reports: Pick<VisibleReports, 'forCaller'>;
}) {
  const { actionsRegistry, reports } = options;

  actionsRegistry.register({
    name: 'who-owns',
    title: 'Who owns an entity or domain',
    description:
      'Given a catalog entity ref (domain, system, component, API or resource), answers which domain it belongs to and which team owns that domain.',
    attributes,
    visibilityPermission: domainAtlasReportReadPermission,
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe(
              'kind:namespace/name, e.g. component:default/orders-service or domain:default/orders; a ref without a kind is read as a component, one without a namespace as default',
            ),
        }),
      output: z =>
        z.object({
          entity: z.string(),
          domain: z.string().nullable(),
          domainTitle: z.string().nullable(),
          owner: z.string().nullable(),
        }),
    },
    action: async ({ input, credentials }) => {
      const { report } = await reports.forCaller(credentials);
      const { entity, domain } = entityFindings(
        report,
        normaliseRef(input.entityRef, 'component'),
      );
      const summary = report.domains.find(d => d.ref === domain);
      return {
        output: {
          entity,
          domain: domain ?? null,
          domainTitle: summary?.title ?? null,
          owner: summary?.owner ?? null,
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'get-domain-contracts',
    title: 'What a domain provides and consumes',
    description:
      'Lists the API contracts a domain provides (with version and consumers) and the contracts of other domains its components consume.',
    attributes,
    visibilityPermission: domainAtlasReportReadPermission,
    schema: {
      input: z =>
        z.object({
          domainRef: z.string().describe(`The domain, e.g. ${DOMAIN_REF}`),
        }),
      output: z =>
        z.object({
          domain: z.string(),
          provides: z.array(
            z.object({
              ref: z.string(),
              type: z.string().nullable(),
              version: z.string().nullable(),
              consumers: z.array(z.string()),
            }),
          ),
          consumes: z.array(
            z.object({
              ref: z.string(),
              type: z.string().nullable(),
              version: z.string().nullable(),
              providerDomain: z.string().nullable(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const { report } = await reports.forCaller(credentials);
      const domain = requireDomain(report, input.domainRef);
      const members = new Set(domain.members.components);
      return {
        output: {
          domain: domain.ref,
          provides: report.contracts
            .filter(c => c.domain === domain.ref)
            .map(c => ({
              ref: c.ref,
              type: c.type,
              version: c.version,
              consumers: c.consumers,
            })),
          consumes: report.contracts
            .filter(
              c =>
                c.domain !== domain.ref &&
                c.consumers.some(consumer => members.has(consumer)),
            )
            .map(c => ({
              ref: c.ref,
              type: c.type,
              version: c.version,
              providerDomain: c.domain,
            })),
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'get-domain-findings',
    title: 'Which repo-per-domain findings a domain has',
    description:
      'Lists the rule findings of a domain (rule, severity, entities, message, waiver) with its health score and migration phase.',
    attributes,
    visibilityPermission: domainAtlasReportReadPermission,
    schema: {
      input: z =>
        z.object({
          domainRef: z.string().describe(`The domain, e.g. ${DOMAIN_REF}`),
          includeWaived: z
            .boolean()
            .optional()
            .describe(
              'Also list the findings an exemption waives; default false',
            ),
        }),
      output: z =>
        z.object({
          domain: z.string(),
          score: z.number(),
          evidencePhase: z.number(),
          declaredPhase: z.number().nullable(),
          findings: z.array(
            z.object({
              rule: z.string(),
              severity: z.string(),
              entities: z.array(z.string()),
              message: z.string(),
              waived: z.boolean(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const { report } = await reports.forCaller(credentials);
      const domain = requireDomain(report, input.domainRef);
      return {
        output: {
          domain: domain.ref,
          score: domain.score,
          evidencePhase: domain.phase.evidence,
          declaredPhase: domain.phase.declared,
          findings: report.findings
            .filter(
              f =>
                f.domain === domain.ref && (input.includeWaived || !f.waived),
            )
            .map(f => ({
              rule: f.rule,
              severity: f.severity,
              entities: f.entities,
              message: f.message,
              waived: f.waived,
            })),
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'get-failure-impact',
    title: 'What is blocked when a domain is down',
    description:
      'Answers which domains are blocked (synchronous dependency, directly or through a chain) and which are only delayed (events) when the given domain is down.',
    attributes,
    visibilityPermission: domainAtlasReportReadPermission,
    schema: {
      input: z =>
        z.object({
          domainRef: z
            .string()
            .describe(`The domain that is down, e.g. ${DOMAIN_REF}`),
        }),
      output: z =>
        z.object({
          down: z.string(),
          blocked: z.array(
            z.object({ domain: z.string(), path: z.array(z.string()) }),
          ),
          delayed: z.array(
            z.object({ domain: z.string(), path: z.array(z.string()) }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const { report } = await reports.forCaller(credentials);
      const domain = requireDomain(report, input.domainRef);
      const entries = report.isolation.filter(e => e.down === domain.ref);
      const pick = (impact: string) =>
        entries
          .filter(e => e.impact === impact)
          .map(e => ({ domain: e.affected, path: e.path }));
      return {
        output: {
          down: domain.ref,
          blocked: pick('blocked'),
          delayed: pick('delayed'),
        },
      };
    },
  });
}
