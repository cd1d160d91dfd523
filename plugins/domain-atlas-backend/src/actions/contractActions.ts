import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import { domainAtlasReportReadPermission } from '@domain-atlas/plugin-domain-atlas-common';
import { ContractService } from '../services/ContractService';
import { VisibleReports } from '../services/Visibility';
import { ContractQuery, matchesContract } from './contractQuery';
import { normaliseRef, requireDomain } from './refs';

/**
 * Both actions only read. The contract check computes a diff against the
 * recorded history and records nothing (candidates are never stored), so
 * it is read-only and idempotent too: the same candidate gets the same
 * answer until a refresh records a newer definition.
 */
const attributes = { readOnly: true, idempotent: true, destructive: false };

/** How many contracts `find-contract` lists at most; `total` counts all. */
const MAX_FOUND_CONTRACTS = 25;

/** Finding contracts, and what a new definition of one would break. */
export function registerContractActions(options: {
  actionsRegistry: ActionsRegistryService;
  reports: Pick<VisibleReports, 'forCaller'>;
  contracts: Pick<ContractService, 'check' | 'find'>;
}) {
  const { actionsRegistry, reports, contracts } = options;

  actionsRegistry.register({
    name: 'find-contract',
    title: 'Find API contracts by name, version or domain',
    description: `Finds the API contracts (API entities) that match every filter given: name, version, providing domain; give at least one. Answers each with its API ref, family, version, domain, type, lifecycle, consumers and latest recorded change, with whether that change was breaking. At most ${MAX_FOUND_CONTRACTS} are listed, by ref; total counts all matches.`,
    attributes,
    visibilityPermission: domainAtlasReportReadPermission,
    schema: {
      input: z =>
        z.object({
          name: z
            .string()
            .min(1)
            .optional()
            .describe(
              'Text in the API name, title or contract family, any case (orders finds api:default/orders-api-v2); a whole ref such as api:default/orders-api-v2 finds that API only',
            ),
          version: z
            .string()
            .min(1)
            .optional()
            .describe(
              'A version or semver range: 2 finds 2, 2.1 and 2.3.0; ^2.1 and >=3 work too; versions that are no semver match when equal',
            ),
          domainRef: z
            .string()
            .optional()
            .describe(
              'The domain that provides the contract, e.g. domain:default/orders, or just orders',
            ),
        }),
      output: z =>
        z.object({
          total: z.number(),
          contracts: z.array(
            z.object({
              ref: z.string(),
              title: z.string(),
              family: z.string(),
              version: z.string().nullable(),
              domain: z.string().nullable(),
              type: z.string().nullable(),
              lifecycle: z.string().nullable(),
              consumers: z.array(
                z.object({
                  ref: z.string(),
                  domain: z.string().nullable(),
                  pin: z.string().nullable(),
                  pinSatisfied: z.boolean().nullable(),
                }),
              ),
              latestChange: z
                .object({
                  fromVersion: z.string().nullable(),
                  toVersion: z.string().nullable(),
                  at: z.string(),
                  classification: z.enum([
                    'breaking',
                    'non-breaking',
                    'unclassified',
                  ]),
                  breaking: z.boolean(),
                  needsMajor: z.boolean(),
                })
                .nullable(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const { report } = await reports.forCaller(credentials);
      const name = input.name?.trim();
      const version = input.version?.trim();
      const domainRef = input.domainRef?.trim();
      if (!name && !version && !domainRef) {
        throw new InputError(
          'Give a name, a version or a domainRef (or several) to find contracts by',
        );
      }
      const query: ContractQuery = { version: version || undefined };
      if (name) {
        // A ref names one API; anything else is text to look for.
        if (/[:/]/.test(name)) {
          query.ref = normaliseRef(name, 'api');
        } else {
          query.text = name.toLocaleLowerCase('en-US');
        }
      }
      if (domainRef) {
        query.domain = requireDomain(report, domainRef).ref;
      }
      const found = await contracts.find(report, matchesContract(query));
      return {
        output: {
          total: found.length,
          contracts: found
            .slice(0, MAX_FOUND_CONTRACTS)
            .map(({ contract, consumers, latestChange }) => ({
              ref: contract.ref,
              title: contract.title,
              family: contract.family,
              version: contract.version,
              domain: contract.domain,
              type: contract.type,
              lifecycle: contract.lifecycle,
              consumers: consumers.map(consumer => ({
                ref: consumer.ref,
                domain: consumer.domain,
                pin: consumer.pin?.range ?? null,
                pinSatisfied: consumer.pin?.satisfied ?? null,
              })),
              latestChange: latestChange && {
                fromVersion: latestChange.fromVersion,
                toVersion: latestChange.toVersion,
                at: latestChange.at,
                classification: latestChange.classification,
                breaking: latestChange.classification === 'breaking',
                needsMajor: latestChange.needsMajor,
              },
            })),
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'check-contract-change',
    title: 'What breaks if this API definition ships',
    description:
      "Compares a candidate definition of an API with its newest recorded definition (the catalog's as of the last refresh), classifies every change as breaking or not with the spec type's diff library, and names the consumers that would break (their pin does not accept the new version, or the change is breaking). Computes only: nothing is recorded.",
    attributes,
    visibilityPermission: domainAtlasReportReadPermission,
    schema: {
      input: z =>
        z.object({
          apiRef: z
            .string()
            .describe(
              'The API whose definition changes, e.g. api:default/orders-api-v2, or just orders-api-v2',
            ),
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
