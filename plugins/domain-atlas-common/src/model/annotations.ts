import type { MigrationPhase } from '../report';
import { isoDateToDay } from './dates';
import { lower } from './refs';

/**
 * The annotations Domain Atlas reads. All are optional; invalid values
 * become `invalid-annotation` findings.
 *
 * @public
 */
export const ANNOTATIONS = {
  migrationPhase: 'domain-atlas.io/migration-phase',
  targetPhase: 'domain-atlas.io/target-phase',
  targetDate: 'domain-atlas.io/target-date',
  stranglerCoverage: 'domain-atlas.io/strangler-coverage',
  contract: 'domain-atlas.io/contract',
  contractVersion: 'domain-atlas.io/contract-version',
  consumesContracts: 'domain-atlas.io/consumes-contracts',
  exemptions: 'domain-atlas.io/exemptions',
  pipeline: 'domain-atlas.io/pipeline',
  role: 'domain-atlas.io/role',
  monolith: 'domain-atlas.io/monolith',
  adrLocation: 'backstage.io/adr-location',
  sourceLocation: 'backstage.io/source-location',
} as const;

/**
 * The label that marks a shared library as a contract/schema package.
 *
 * @public
 */
export const SHARED_CONTRACT_LABEL = 'domain-atlas.io/shared-contract';

/**
 * Annotations that count as pipeline evidence next to
 * `domain-atlas.io/pipeline`: the ones the CI and CD plugins of Backstage
 * read to show a component's own builds or deployments. Repository
 * annotations (`github.com/project-slug`, `gitlab.com/project-slug`) are
 * not among them: a repository is not a pipeline of its own.
 *
 * @public
 */
export const CI_ANNOTATIONS: ReadonlyArray<string> = [
  ANNOTATIONS.pipeline,
  'jenkins.io/job-full-name',
  'jenkins.io/github-folder',
  'circleci.com/project-slug',
  'buildkite.com/pipeline-slug',
  'dev.azure.com/build-definition',
  'gocd.org/pipelines',
  'tekton.dev/cicd',
  'argocd/app-name',
  'argocd/app-selector',
];

/**
 * A consumer's pin on a contract family, e.g. `orders-api@^2`.
 *
 * @public
 */
export interface ContractPinSpec {
  family: string;
  range: string;
}

/**
 * One entry of `domain-atlas.io/exemptions`:
 * `rule-id: reason (until YYYY-MM-DD)`.
 *
 * @public
 */
export interface Exemption {
  /** Why the rule does not apply, without the `(until …)`. */
  reason: string;
  /**
   * The last day the exemption waives (`YYYY-MM-DD`), or null when it
   * waives until it is removed.
   */
  until: string | null;
}

/**
 * The Domain Atlas annotations of one entity, parsed.
 *
 * @public
 */
export interface AtlasAnnotations {
  migrationPhase: MigrationPhase | null;
  targetPhase: MigrationPhase | null;
  targetDate: string | null;
  stranglerCoverage: number | null;
  contractFamily: string | null;
  contractVersion: string | null;
  consumesContracts: ContractPinSpec[];
  /**
   * Lowercase rule id → exemption, for every well-formed entry of
   * `domain-atlas.io/exemptions`, whether a rule has the id or not (an
   * unknown one is an `unused-exemption` finding).
   */
  exemptions: ReadonlyMap<string, Exemption>;
  hasPipelineEvidence: boolean;
  gatewayRole: boolean;
  monolith: boolean;
  adrLocation: string | null;
}

const EMPTY_EXEMPTIONS: ReadonlyMap<string, Exemption> = new Map();
/** Shared by the many entities without pins (frozen: never to be filled). */
const NO_PINS = Object.freeze([]) as unknown as ContractPinSpec[];

/** Parses `0`–`3`. */
export function parsePhase(text: string): MigrationPhase | undefined {
  const trimmed = text.trim();
  return /^[0-3]$/.test(trimmed)
    ? (Number(trimmed) as MigrationPhase)
    : undefined;
}

/** Parses a real calendar date written `YYYY-MM-DD`. */
export function parseTargetDate(text: string): string | undefined {
  const trimmed = text.trim();
  return /^\d{4}-\d{2}-\d{2}$/.test(trimmed) &&
    isoDateToDay(trimmed) !== undefined
    ? trimmed
    : undefined;
}

/** Parses a percentage 0–100, with an optional `%` sign. */
export function parseCoverage(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(text);
  if (!match) {
    return undefined;
  }
  const value = Number(match[1]);
  return value >= 0 && value <= 100 ? value : undefined;
}

/** What a rule id looks like (see `DomainAtlasRule.id`). */
const RULE_ID = /^[a-z0-9][a-z0-9-]*$/;
/** `(until YYYY-MM-DD)` at the end of an exemption's reason. */
const UNTIL = /\(\s*until\b([^()]*)\)\s*$/i;

/**
 * Parses `rule-id: reason; rule-id: reason (until YYYY-MM-DD)`. Returns
 * the well-formed entries, known rule or not, and a description of each
 * malformed one: no rule id, no reason, or an `until` that is not a real
 * `YYYY-MM-DD` date (such an entry waives nothing).
 */
export function parseExemptions(text: string): {
  exemptions: Map<string, Exemption>;
  problems: string[];
} {
  const exemptions = new Map<string, Exemption>();
  const problems: string[] = [];
  for (const part of text.split(';')) {
    const entry = part.trim();
    if (entry === '') {
      continue;
    }
    const colon = entry.indexOf(':');
    const id = lower((colon < 0 ? entry : entry.slice(0, colon)).trim());
    let reason = colon < 0 ? '' : entry.slice(colon + 1).trim();
    let until: string | null = null;
    const expiry = UNTIL.exec(reason);
    if (expiry) {
      const date = parseTargetDate(expiry[1]);
      if (date === undefined) {
        problems.push(
          `'${entry}' has an invalid until date '${expiry[1].trim()}' (write '(until YYYY-MM-DD)')`,
        );
        continue;
      }
      until = date;
      reason = reason.slice(0, expiry.index).trim();
    }
    if (!RULE_ID.test(id)) {
      problems.push(`'${entry}' names no rule id (write 'rule-id: reason')`);
    } else if (reason === '') {
      problems.push(`'${entry}' gives no reason (write 'rule-id: reason')`);
    } else {
      exemptions.set(id, { reason, until });
    }
  }
  return { exemptions, problems };
}

/** Parses `orders-api@^2, order-events@1.x`. */
export function parseContractPins(text: string): {
  pins: ContractPinSpec[];
  problems: string[];
} {
  const pins: ContractPinSpec[] = [];
  const problems: string[] = [];
  for (const part of text.split(',')) {
    const trimmed = part.trim();
    if (trimmed === '') {
      continue;
    }
    const match = /^([A-Za-z0-9][A-Za-z0-9._-]*)@(\S.*)$/.exec(trimmed);
    if (!match) {
      problems.push(`'${trimmed}' is not 'contract@range'`);
    } else {
      pins.push({ family: lower(match[1]), range: match[2].trim() });
    }
  }
  return { pins, problems };
}

const ATLAS_PREFIX = 'domain-atlas.io/';

/**
 * Whether an entity has a `domain-atlas.io/` annotation other than the
 * pipeline, which every one read below starts with.
 */
function hasAtlasSettings(annotations: Readonly<Record<string, string>>) {
  for (const key in annotations) {
    if (key.startsWith(ATLAS_PREFIX) && key !== ANNOTATIONS.pipeline) {
      return true;
    }
  }
  return false;
}

/**
 * Reads the Domain Atlas annotations of an entity. `report` receives a
 * message for every invalid value; the value is then ignored.
 */
export function readAtlasAnnotations(
  annotations: Readonly<Record<string, string>>,
  report: (annotation: string, message: string) => void,
): AtlasAnnotations {
  const result: AtlasAnnotations = {
    migrationPhase: null,
    targetPhase: null,
    targetDate: null,
    stranglerCoverage: null,
    contractFamily: null,
    contractVersion: null,
    consumesContracts: NO_PINS,
    exemptions: EMPTY_EXEMPTIONS,
    hasPipelineEvidence: CI_ANNOTATIONS.some(
      name => (annotations[name] ?? '').trim() !== '',
    ),
    gatewayRole: false,
    monolith: false,
    adrLocation: annotations[ANNOTATIONS.adrLocation]?.trim() || null,
  };
  if (!hasAtlasSettings(annotations)) {
    // Most entities carry none of the annotations below.
    return result;
  }
  const invalid = (name: string, value: string, expected: string) =>
    report(name, `${name} is '${value}', expected ${expected}`);

  const phase = annotations[ANNOTATIONS.migrationPhase];
  if (phase !== undefined) {
    result.migrationPhase = parsePhase(phase) ?? null;
    if (result.migrationPhase === null) {
      invalid(ANNOTATIONS.migrationPhase, phase, 'a phase 0, 1, 2 or 3');
    }
  }
  const target = annotations[ANNOTATIONS.targetPhase];
  if (target !== undefined) {
    result.targetPhase = parsePhase(target) ?? null;
    if (result.targetPhase === null) {
      invalid(ANNOTATIONS.targetPhase, target, 'a phase 0, 1, 2 or 3');
    }
  }
  const date = annotations[ANNOTATIONS.targetDate];
  if (date !== undefined) {
    result.targetDate = parseTargetDate(date) ?? null;
    if (result.targetDate === null) {
      invalid(ANNOTATIONS.targetDate, date, 'an ISO date YYYY-MM-DD');
    }
  }
  const coverage = annotations[ANNOTATIONS.stranglerCoverage];
  if (coverage !== undefined) {
    result.stranglerCoverage = parseCoverage(coverage) ?? null;
    if (result.stranglerCoverage === null) {
      invalid(ANNOTATIONS.stranglerCoverage, coverage, 'a percentage 0–100');
    }
  }
  const family = annotations[ANNOTATIONS.contract];
  if (family !== undefined) {
    if (family.trim() === '') {
      invalid(ANNOTATIONS.contract, family, 'a contract name');
    } else {
      result.contractFamily = lower(family.trim());
    }
  }
  const version = annotations[ANNOTATIONS.contractVersion];
  if (version !== undefined) {
    if (version.trim() === '') {
      invalid(ANNOTATIONS.contractVersion, version, 'a version');
    } else {
      result.contractVersion = version.trim();
    }
  }
  const pins = annotations[ANNOTATIONS.consumesContracts];
  if (pins !== undefined) {
    const parsed = parseContractPins(pins);
    result.consumesContracts = parsed.pins;
    if (parsed.problems.length > 0) {
      report(
        ANNOTATIONS.consumesContracts,
        `${ANNOTATIONS.consumesContracts}: ${parsed.problems.join('; ')}`,
      );
    }
  }
  const exemptions = annotations[ANNOTATIONS.exemptions];
  if (exemptions !== undefined) {
    const parsed = parseExemptions(exemptions);
    result.exemptions = parsed.exemptions;
    if (parsed.problems.length > 0) {
      report(
        ANNOTATIONS.exemptions,
        `${ANNOTATIONS.exemptions}: ${parsed.problems.join('; ')}`,
      );
    }
  }
  const role = annotations[ANNOTATIONS.role];
  if (role !== undefined) {
    result.gatewayRole = lower(role.trim()) === 'gateway';
    if (!result.gatewayRole) {
      invalid(ANNOTATIONS.role, role, "'gateway'");
    }
  }
  const monolith = annotations[ANNOTATIONS.monolith];
  if (monolith !== undefined) {
    const value = lower(monolith.trim());
    result.monolith = value === 'true';
    if (value !== 'true' && value !== 'false') {
      invalid(ANNOTATIONS.monolith, monolith, "'true' or 'false'");
    }
  }
  return result;
}
