import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import {
  DomainAtlasReport,
  domainAtlasReportReadPermission,
} from '@domain-atlas/plugin-domain-atlas-common';
import { ContractService } from '../services/ContractService';
import { VisibleReports } from '../services/Visibility';
import { entityFindings } from '../services/ReportQueries';

function normaliseRef(input: string, defaultKind: string): string {
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

function requireDomain(report: DomainAtlasReport, input: string) {
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

/**
 * Registers the questions tools and AI agents ask Domain Atlas as Backstage
 * actions (served over MCP by the mcp-actions backend where installed).
 */
export function registerActions(options: {
  actionsRegistry: ActionsRegistryService;
  /** The report as each caller may see it: actions follow catalog permissions. */
  reports: Pick<VisibleReports, 'forCaller'>;
  contracts: Pick<ContractService, 'check'>;
}) {
  const { actionsRegistry, reports, contracts } = options;
  const attributes = { readOnly: true, idempotent: true, destructive: false };

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
            .describe('e.g. component:default/orders-service or domain:orders'),
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
          domainRef: z.string().describe('e.g. domain:default/orders'),
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
          domainRef: z.string(),
          includeWaived: z.boolean().optional().describe('default false'),
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
      input: z => z.object({ domainRef: z.string() }),
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

  actionsRegistry.register({
    name: 'check-contract-change',
    title: 'What breaks if this API definition ships',
    description:
      "Compares a candidate definition of an API with its newest recorded definition (the catalog's as of the last refresh), classifies every change as breaking or not with the spec type's diff library, and names the consumers that would break (their pin does not accept the new version, or the change is breaking).",
    attributes,
    visibilityPermission: domainAtlasReportReadPermission,
    schema: {
      input: z =>
        z.object({
          apiRef: z.string().describe('e.g. api:default/orders-api-v2'),
          definition: z
            .string()
            .min(1)
            .describe(
              'The candidate definition: OpenAPI, AsyncAPI, protobuf or GraphQL text',
            ),
        }),
      output: z =>
        z.object({
          api: z.string(),
          classification: z.enum(['breaking', 'non-breaking', 'unclassified']),
          fromVersion: z.string().nullable(),
          toVersion: z.string().nullable(),
          needsMajor: z.boolean(),
          problem: z.string().optional(),
          changes: z.array(
            z.object({
              class: z.string(),
              path: z.string(),
              message: z.string(),
            }),
          ),
          breaks: z.array(
            z.object({
              consumer: z.string(),
              domain: z.string().nullable(),
              reasons: z.array(z.string()),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const { report } = await reports.forCaller(credentials);
      const result = await contracts.check(
        report,
        normaliseRef(input.apiRef, 'api'),
        input.definition,
      );
      return {
        output: {
          api: result.api,
          classification: result.diff.classification,
          fromVersion: result.diff.fromVersion,
          toVersion: result.diff.toVersion,
          needsMajor: result.diff.needsMajor,
          problem: result.diff.problem,
          changes: result.diff.changes.map(change => ({
            class: change.class,
            path: change.path,
            message: change.message,
          })),
          breaks: result.consumers
            .filter(consumer => consumer.breaks)
            .map(consumer => ({
              consumer: consumer.ref,
              domain: consumer.domain,
              reasons: consumer.reasons,
            })),
        },
      };
    },
  });
}
