import { parse as parseYaml } from 'yaml';
import { scanJsonInfoVersion, scanYamlInfoVersion } from './definitionScan';

/**
 * The outcome of reading the version out of an API definition.
 *
 * @public
 */
export interface DefinitionVersion {
  /** The version, when the definition declares one. */
  version?: string;
  /** Why the definition could not be read, when it could not. */
  problem?: string;
}

/**
 * What parsing each OpenAPI/AsyncAPI definition in full gave, by the
 * definition's text, kept by the caller across analyses: the backend keeps
 * one from refresh to refresh, so that a definition that did not change is
 * not parsed again. The outcome depends on the text alone, so a cache never
 * changes a report. A `Map` will do.
 *
 * @public
 */
export interface DefinitionCache {
  get(definition: string): DefinitionVersion | undefined;
  set(definition: string, outcome: DefinitionVersion): void;
}

const DOCUMENT_TYPES = new Set(['openapi', 'asyncapi']);
const PROTO_PACKAGE = /^\s*package\s+([A-Za-z_][\w.]*)\s*;/m;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses an OpenAPI/AsyncAPI document as data: JSON first when it looks
 * like JSON (fast), else YAML. `$ref`s are never resolved.
 */
function parseDocument(text: string): unknown {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    try {
      return JSON.parse(trimmed);
    } catch {
      // Not strict JSON: YAML flow style may still read it.
    }
  }
  return parseYaml(text, { logLevel: 'error', maxAliasCount: 100 });
}

/** `info.version` of an OpenAPI or AsyncAPI document. */
function documentVersion(document: unknown): DefinitionVersion {
  if (!isRecord(document)) {
    return { problem: 'is not a YAML or JSON object' };
  }
  const version = isRecord(document.info) ? document.info.version : undefined;
  if (typeof version === 'string' && version.trim() !== '') {
    return { version: version.trim() };
  }
  if (typeof version === 'number') {
    return { version: String(version) };
  }
  return {};
}

/** The major version of a protobuf package: `package acme.orders.v2;` → `2`. */
export function protobufVersion(text: string): string | undefined {
  const match = PROTO_PACKAGE.exec(text);
  if (!match) {
    return undefined;
  }
  const segments = match[1].split('.').reverse();
  for (const segment of segments) {
    const version = /^v(\d+)(?:(?:alpha|beta)\d*)?$/i.exec(segment);
    if (version) {
      return String(Number(version[1]));
    }
  }
  return undefined;
}

/**
 * Reads the version an API definition declares: `info.version` for OpenAPI
 * and AsyncAPI, the package suffix for gRPC (protobuf). Oversized or
 * unparsable definitions give a problem, never an exception.
 *
 * Unless `strict`, a fast scan of the document's top-level `info` block
 * comes first; only when it cannot tell is the whole document parsed (so a
 * definition whose version the scan reads is not checked further). What a
 * full parse gives is looked up in, and kept in, `cache` when there is one.
 *
 * @public
 */
export function definitionVersion(
  type: string | null,
  definition: unknown,
  maxSize: number,
  strict = false,
  cache?: DefinitionCache,
): DefinitionVersion {
  if (definition === undefined || definition === null || type === null) {
    return {};
  }
  if (isRecord(definition)) {
    return DOCUMENT_TYPES.has(type) ? documentVersion(definition) : {};
  }
  if (typeof definition !== 'string') {
    return { problem: `is a ${typeof definition}, not text` };
  }
  if (definition.length > maxSize) {
    return {
      problem: `is ${definition.length} characters long, over the ${maxSize} limit, and was not parsed`,
    };
  }
  if (type === 'grpc') {
    const version = protobufVersion(definition);
    return version === undefined ? {} : { version };
  }
  if (!DOCUMENT_TYPES.has(type)) {
    return {};
  }
  if (!strict) {
    const scanned = definition.trimStart().startsWith('{')
      ? scanJsonInfoVersion(definition)
      : scanYamlInfoVersion(definition);
    if (scanned !== undefined && scanned.trim() !== '') {
      return { version: scanned.trim() };
    }
  }
  const known = cache?.get(definition);
  if (known !== undefined) {
    return known;
  }
  const outcome = parsedVersion(definition);
  cache?.set(definition, outcome);
  return outcome;
}

/** The version of an OpenAPI/AsyncAPI document, parsed in full. */
function parsedVersion(definition: string): DefinitionVersion {
  try {
    return documentVersion(parseDocument(definition));
  } catch (error) {
    const message =
      error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { problem: `does not parse: ${message}` };
  }
}
