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
  /** Rule id → reason. */
  exemptions: ReadonlyMap<string, string>;
  hasPipelineEvidence: boolean;
  gatewayRole: boolean;
  monolith: boolean;
  adrLocation: string | null;
}

const EMPTY_EXEMPTIONS: ReadonlyMap<string, string> = new Map();
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

/**
 * Parses `rule-id: reason; rule-id: reason`. Returns the valid entries and a
 * description of each invalid one.
 */
export function parseExemptions(
  text: string,
  knownRuleIds: ReadonlySet<string>,
): { exemptions: Map<string, string>; problems: string[] } {
  const exemptions = new Map<string, string>();
  const problems: string[] = [];
  for (const part of text.split(';')) {
    if (part.trim() === '') {
      continue;
    }
    const colon = part.indexOf(':');
    const id = lower((colon < 0 ? part : part.slice(0, colon)).trim());
    const reason = colon < 0 ? '' : part.slice(colon + 1).trim();
    if (!knownRuleIds.has(id)) {
      problems.push(`'${part.trim()}' names no known rule`);
    } else if (reason === '') {
      problems.push(
        `'${part.trim()}' gives no reason (write 'rule-id: reason')`,
      );
    } else {
      exemptions.set(id, reason);
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
  knownRuleIds: ReadonlySet<string>,
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
    const parsed = parseExemptions(exemptions, knownRuleIds);
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
