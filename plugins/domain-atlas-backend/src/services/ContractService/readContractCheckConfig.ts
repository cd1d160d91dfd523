import { RootConfigService } from '@backstage/backend-plugin-api';
import { readDurationFromConfig } from '@backstage/config';
import { stringifyError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';
import { DEFAULT_MAX_DEFINITION_SIZE } from '@domain-atlas/plugin-domain-atlas-node';

/** The limits of candidate checks (`domainAtlas.contractCheck`). */
export interface ContractCheckConfig {
  /** Checks running at once on this instance; more callers get a 503. */
  maxConcurrent: number;
  /** The largest candidate in UTF-8 bytes; a larger one gets a 413. */
  maxDefinitionBytes: number;
  /** Wall-clock time of one check; a slower check is stopped (503). */
  timeoutMs: number;
  /** Heap of one check's worker in MB; a check that needs more is stopped (503). */
  maxMemoryMb: number;
}

/** The limits without configuration. */
export const DEFAULT_CONTRACT_CHECK_CONFIG: ContractCheckConfig = {
  maxConcurrent: 2,
  maxDefinitionBytes: DEFAULT_MAX_DEFINITION_SIZE,
  timeoutMs: 30_000,
  maxMemoryMb: 256,
};

const KEY = 'domainAtlas.contractCheck';

/**
 * The router reads request bodies of up to 4 MB; a candidate of 2 MiB fits
 * even with every line break and quote JSON-escaped.
 */
const MAX_DEFINITION_BYTES = 2 * 1024 * 1024;

const DURATION =
  "duration such as { seconds: 30 }, '30s' or 'PT30S', or a number of milliseconds";

function invalid(key: string, value: unknown, expected: string): Error {
  return new Error(
    `Invalid Domain Atlas configuration at '${KEY}.${key}': ${JSON.stringify(
      value,
    )} is not ${expected}`,
  );
}

function wholeNumber(
  value: unknown,
  key: string,
  range: { min: number; max?: number },
): number {
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < range.min ||
    (range.max !== undefined && value > range.max)
  ) {
    throw invalid(
      key,
      value,
      range.max === undefined
        ? `a whole number ≥ ${range.min}`
        : `a whole number from ${range.min} to ${range.max}`,
    );
  }
  return value;
}

/**
 * The timeout in milliseconds: a number, or a duration written as the
 * schedule's are (`{ seconds: 30 }`, `'30s'`, `'PT30S'`).
 */
function readTimeoutMs(config: RootConfigService): number | undefined {
  const key = `${KEY}.timeout`;
  const value = config.getOptional(key);
  if (value === undefined) {
    return undefined;
  }
  let ms: number;
  if (typeof value === 'number') {
    ms = value;
  } else {
    try {
      ms = durationToMilliseconds(readDurationFromConfig(config, { key }));
    } catch (error) {
      throw invalid(
        'timeout',
        value,
        `a ${DURATION} (${stringifyError(error)})`,
      );
    }
  }
  if (!Number.isFinite(ms) || ms < 1) {
    throw invalid('timeout', value, `a positive ${DURATION}`);
  }
  return Math.round(ms);
}

/**
 * Reads and validates `domainAtlas.contractCheck`, failing at start-up with
 * the full key of a bad value. Every key is optional.
 */
export function readContractCheckConfig(
  config: RootConfigService,
): ContractCheckConfig {
  const block = config.getOptionalConfig(KEY);
  const defaults = DEFAULT_CONTRACT_CHECK_CONFIG;
  // getOptionalNumber also takes numbers written as strings, e.g. from an
  // environment variable, and names the key when the value is no number.
  const number = (key: string, range: { min: number; max?: number }) => {
    const value = block?.getOptionalNumber(key);
    return value === undefined ? undefined : wholeNumber(value, key, range);
  };
  return {
    maxConcurrent:
      number('maxConcurrent', { min: 1 }) ?? defaults.maxConcurrent,
    maxDefinitionBytes:
      number('maxDefinitionBytes', { min: 1, max: MAX_DEFINITION_BYTES }) ??
      defaults.maxDefinitionBytes,
    timeoutMs: readTimeoutMs(config) ?? defaults.timeoutMs,
    maxMemoryMb: number('maxMemoryMb', { min: 16 }) ?? defaults.maxMemoryMb,
  };
}
