import {
  ContractDiff,
  definitionVersion,
  isMajorChange,
  strongestClass,
} from '@domain-atlas/plugin-domain-atlas-common';
import { asyncApiDiffer } from './asyncApiDiffer';
import { graphqlDiffer } from './graphqlDiffer';
import { openApiDiffer } from './openApiDiffer';
import {
  DEFAULT_MAX_DEFINITION_SIZE,
  DefinitionError,
} from './parseDefinition';
import { protobufDiffer } from './protobufDiffer';
import type { ComparableType, SpecDiffer } from './types';

/**
 * Changes kept per comparison. A schema reused everywhere can give tens of
 * thousands; the classification still counts them all.
 */
const MAX_CHANGES = 500;

const CLASS_ORDER = { breaking: 0, unclassified: 1, 'non-breaking': 2 };

const DIFFERS: Record<ComparableType, SpecDiffer> = {
  openapi: openApiDiffer,
  asyncapi: asyncApiDiffer,
  grpc: protobufDiffer,
  graphql: graphqlDiffer,
};

/** Catalog `spec.type`s (and file extensions' usual names) per differ. */
const TYPE_ALIASES: Record<string, ComparableType> = {
  openapi: 'openapi',
  swagger: 'openapi',
  asyncapi: 'asyncapi',
  grpc: 'grpc',
  protobuf: 'grpc',
  proto: 'grpc',
  graphql: 'graphql',
};

/**
 * The differ's type for a catalog API `spec.type`, if Domain Atlas has one.
 *
 * @public
 */
export function comparableType(type: string): ComparableType | undefined {
  return TYPE_ALIASES[type.trim().toLocaleLowerCase('en-US')];
}

/**
 * What {@link compareDefinitions} compares.
 *
 * @public
 */
export interface CompareDefinitionsOptions {
  /** The API's `spec.type`: openapi, asyncapi, grpc or graphql. */
  type: string;
  before: unknown;
  after: unknown;
  /** Versions when the caller knows them; else read from the definitions. */
  fromVersion?: string | null;
  toVersion?: string | null;
  maxDefinitionSize?: number;
}

function readVersion(type: string, definition: unknown, maxSize: number) {
  return definitionVersion(type, definition, maxSize).version ?? null;
}

/**
 * Compares two definitions of one contract with the spec type's diff
 * library and classifies every change. Never throws for bad input: a
 * definition that cannot be compared gives a result with `problem` set and
 * the classification `unclassified`.
 *
 * @public
 */
export async function compareDefinitions(
  options: CompareDefinitionsOptions,
): Promise<ContractDiff> {
  const maxSize = options.maxDefinitionSize ?? DEFAULT_MAX_DEFINITION_SIZE;
  const type = comparableType(options.type);
  const fromVersion =
    options.fromVersion !== undefined
      ? options.fromVersion
      : readVersion(type ?? options.type, options.before, maxSize);
  const toVersion =
    options.toVersion !== undefined
      ? options.toVersion
      : readVersion(type ?? options.type, options.after, maxSize);
  const base = {
    fromVersion,
    toVersion,
    majorChanged: isMajorChange(fromVersion, toVersion),
  };
  if (type === undefined) {
    return {
      ...base,
      type: options.type,
      tool: 'none',
      classification: 'unclassified',
      changes: [],
      needsMajor: false,
      problem: `Domain Atlas cannot compare '${options.type}' definitions; it compares openapi, asyncapi, grpc and graphql`,
    };
  }
  const differ = DIFFERS[type];
  try {
    const changes = await differ.diff(options.before, options.after, maxSize);
    const classification = strongestClass(changes);
    const kept = [...changes].sort(
      (a, b) => CLASS_ORDER[a.class] - CLASS_ORDER[b.class],
    );
    return {
      ...base,
      type,
      tool: differ.tool,
      classification,
      changes: kept.slice(0, MAX_CHANGES),
      ...(kept.length > MAX_CHANGES
        ? { omittedChanges: kept.length - MAX_CHANGES }
        : {}),
      needsMajor: classification === 'breaking' && !base.majorChanged,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ...base,
      type,
      tool: differ.tool,
      classification: 'unclassified',
      changes: [],
      needsMajor: false,
      problem:
        error instanceof DefinitionError
          ? message
          : `${differ.tool} could not compare the definitions: ${message}`,
    };
  }
}
