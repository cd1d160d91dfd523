import type { ContractSummary } from './report';
import { compareStrings } from './model/ordering';
import { majorVersion, satisfiesRange } from './versionRanges';

/**
 * How one change of an API definition affects its consumers.
 * `unclassified` means the diff tool could not tell.
 *
 * @public
 */
export type ChangeClass = 'breaking' | 'non-breaking' | 'unclassified';

/**
 * One change between two definitions, as the spec type's diff library
 * classified it.
 *
 * @public
 */
export interface ClassifiedChange {
  class: ChangeClass;
  /** What happened to the element at `path`. */
  action: 'added' | 'removed' | 'changed';
  /** Where in the definition, e.g. `paths./orders/{id}.delete` or `Query.orders`. */
  path: string;
  /** What a person reads, e.g. `[Removed] operation DELETE /orders/{id}`. */
  message: string;
}

/**
 * The comparison of two definitions of one contract.
 *
 * @public
 */
export interface ContractDiff {
  /** The spec type compared: `openapi`, `asyncapi`, `grpc` or `graphql`. */
  type: string;
  /** The library that classified the changes, with its version. */
  tool: string;
  fromVersion: string | null;
  toVersion: string | null;
  /** Whether the major version differs (as text when a version is no semver). */
  majorChanged: boolean;
  /** The strongest class of any change; `non-breaking` when there are none. */
  classification: ChangeClass;
  /** The changes, breaking ones first; at most a few hundred are kept. */
  changes: ClassifiedChange[];
  /** How many more changes the diff found than `changes` lists. */
  omittedChanges?: number;
  /** A breaking change that kept its major version: `breaking-change-needs-major`. */
  needsMajor: boolean;
  /** Why the definitions could not be compared, when they could not. */
  problem?: string;
}

/**
 * One distinct definition an API entity had, and how it changed from the
 * definition before it.
 *
 * @public
 */
export interface ContractRevision {
  /** SHA-256 of the definition text. */
  hash: string;
  version: string | null;
  firstSeen: string;
  lastSeen: string;
  /** The comparison with the previous revision; null for the first one. */
  change: ContractDiff | null;
}

/**
 * A consumer of a contract: through `consumesApis`, a pin in
 * `domain-atlas.io/consumes-contracts`, or both.
 *
 * @public
 */
export interface ContractConsumer {
  ref: string;
  domain: string | null;
  /** Whether the consumer has a `consumesApis` relation to this API. */
  consumesApi: boolean;
  pin: { range: string; satisfied: boolean | null } | null;
}

/**
 * A contract as `GET /contracts` lists it.
 *
 * @public
 */
export interface ContractListItem {
  ref: string;
  title: string;
  domain: string | null;
  type: string | null;
  version: string | null;
  family: string;
  lifecycle: string | null;
  consumerCount: number;
  unsatisfiedPins: number;
  /** The most recent recorded change, null when only one definition was ever seen. */
  latestChange: {
    classification: ChangeClass;
    needsMajor: boolean;
    fromVersion: string | null;
    toVersion: string | null;
    at: string;
  } | null;
}

/**
 * One contract with its family, history and consumers: `GET /contracts/:namespace/:name`.
 *
 * @public
 */
export interface ContractDetail {
  contract: ContractSummary;
  /** Every API of the same family (major versions side by side), sorted by ref. */
  family: Array<{
    ref: string;
    version: string | null;
    lifecycle: string | null;
  }>;
  /** Distinct definitions, oldest first. */
  history: ContractRevision[];
  consumers: ContractConsumer[];
}

/**
 * A consumer and whether a candidate definition would break it.
 *
 * @public
 */
export interface ConsumerImpact extends ContractConsumer {
  breaks: boolean;
  /** Why it breaks, one sentence per reason. */
  reasons: string[];
}

/**
 * What would break if a candidate definition shipped:
 * `POST /contracts/:namespace/:name/check`.
 *
 * @public
 */
export interface ContractCheckResult {
  api: string;
  diff: ContractDiff;
  consumers: ConsumerImpact[];
  /** Refs of the consumers that would break. */
  breaks: string[];
}

const CLASS_STRENGTH: Record<ChangeClass, number> = {
  'non-breaking': 0,
  unclassified: 1,
  breaking: 2,
};

/**
 * The strongest class among changes; `non-breaking` when there are none.
 *
 * @public
 */
export function strongestClass(
  changes: ReadonlyArray<{ class: ChangeClass }>,
): ChangeClass {
  let strongest: ChangeClass = 'non-breaking';
  for (const change of changes) {
    if (CLASS_STRENGTH[change.class] > CLASS_STRENGTH[strongest]) {
      strongest = change.class;
    }
  }
  return strongest;
}

/**
 * Whether two versions differ in their major version; versions that are no
 * semver must differ as text.
 *
 * @public
 */
export function isMajorChange(
  fromVersion: string | null,
  toVersion: string | null,
): boolean {
  const from = majorVersion(fromVersion);
  const to = majorVersion(toVersion);
  return from !== undefined && to !== undefined
    ? from !== to
    : fromVersion !== toVersion;
}

/**
 * The consumers of a contract: every `consumesApis` relation and every pin,
 * merged per consumer, sorted by ref.
 *
 * @public
 */
export function consumersOf(
  contract: ContractSummary,
  domainOf: (ref: string) => string | null,
): ContractConsumer[] {
  const byRef = new Map<string, ContractConsumer>();
  for (const ref of contract.consumers) {
    byRef.set(ref, {
      ref,
      domain: domainOf(ref),
      consumesApi: true,
      pin: null,
    });
  }
  for (const pin of contract.pins) {
    const consumer = byRef.get(pin.consumer) ?? {
      ref: pin.consumer,
      domain: domainOf(pin.consumer),
      consumesApi: false,
      pin: null,
    };
    consumer.pin = { range: pin.range, satisfied: pin.satisfied };
    byRef.set(pin.consumer, consumer);
  }
  return [...byRef.values()].sort((a, b) => compareStrings(a.ref, b.ref));
}

/**
 * Which consumers a candidate definition would break: those whose pin the
 * candidate's version does not satisfy, and every consumer of the API when
 * the diff finds a breaking change (the catalog does not say which
 * operations a consumer calls, so each consumer of a removed or changed
 * element is assumed to use it).
 *
 * @public
 */
export function consumerImpact(
  consumers: ReadonlyArray<ContractConsumer>,
  diff: ContractDiff,
): ConsumerImpact[] {
  const breakingChanges = diff.changes.filter(
    change => change.class === 'breaking',
  );
  return consumers.map(consumer => {
    const reasons: string[] = [];
    if (consumer.pin) {
      const satisfied = satisfiesRange(diff.toVersion, consumer.pin.range);
      if (satisfied === false) {
        reasons.push(
          `its pin ${consumer.pin.range} does not accept version ${diff.toVersion}`,
        );
      }
    }
    if (breakingChanges.length > 0) {
      const shown = breakingChanges
        .slice(0, 3)
        .map(change => change.message)
        .join('; ');
      const more =
        breakingChanges.length > 3
          ? ` and ${breakingChanges.length - 3} more`
          : '';
      reasons.push(`the definition has breaking changes: ${shown}${more}`);
    }
    return { ...consumer, breaks: reasons.length > 0, reasons };
  });
}
