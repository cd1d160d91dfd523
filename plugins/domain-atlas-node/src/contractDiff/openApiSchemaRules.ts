import type {
  ChangeClass,
  ClassifiedChange,
} from '@domain-atlas/plugin-domain-atlas-common';
import { isObject, JsonObject, resolveRef } from './documentPointers';
import { HTTP_METHODS } from './openApiSecurity';

/**
 * Where a schema's values travel: to the server (a request body or a
 * parameter) or to the client (a response). A change that lets a request
 * carry more is safe and one that lets a response carry more is not, and
 * the other way round.
 */
export interface SchemaContext {
  flow: 'request' | 'response';
  /** JSON, where `1` and `"1"` differ; parameters and other media types are text. */
  strictlyTyped: boolean;
  /** A parameter's own schema (query, path, header, cookie). */
  parameter: boolean;
}

/** One change inside a schema: its context and its path below the schema. */
export interface SchemaChange {
  context: SchemaContext;
  path: string[];
  action: ClassifiedChange['action'];
  before?: unknown;
  after?: unknown;
}

/** Sub-schemas api-smart-diff's paths step through (`properties.total`, `items` …). */
const SUBSCHEMA = new Set([
  'items',
  'additionalProperties',
  'additionalItems',
  'contains',
  'propertyNames',
  'if',
  'then',
  'else',
  'unevaluatedItems',
  'unevaluatedProperties',
]);
const NAMED_SUBSCHEMAS = new Set([
  'properties',
  'patternProperties',
  'dependentSchemas',
]);
const LISTED_SUBSCHEMAS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const SCALAR_TYPES = new Set(['string', 'number', 'integer', 'boolean']);

/**
 * The keyword a change is at, below the nested sub-schemas, and what
 * follows it (a property's name). Undefined inside `not`, where every
 * rule turns around, and for the schema itself.
 */
function schemaKeyword(
  path: string[],
): { keyword: string; rest: string[] } | undefined {
  let index = 0;
  while (index < path.length) {
    const keyword = path[index];
    const more = path.length - index - 1;
    if (keyword === 'not' && more > 0) {
      return undefined;
    }
    if (SUBSCHEMA.has(keyword) && more > 0) {
      index += 1;
    } else if (
      (NAMED_SUBSCHEMAS.has(keyword) || LISTED_SUBSCHEMAS.has(keyword)) &&
      more > 1
    ) {
      index += 2;
    } else {
      return { keyword, rest: path.slice(index + 1) };
    }
  }
  return undefined;
}

function typesOf(value: unknown): string[] {
  if (typeof value === 'string') {
    return [value];
  }
  return Array.isArray(value)
    ? value.filter((type): type is string => typeof type === 'string')
    : [];
}

/** Every value of `sub` is a value of `type`: the same type, or an integer within number. */
function isSubtype(sub: string, type: string): boolean {
  return sub === type || (sub === 'integer' && type === 'number');
}

/**
 * Whether a schema typed `to` takes every value one typed `from` did, by
 * oasdiff's type lattice (`checker/check_types.go`): no type at all takes
 * anything, integer fits in number, and where values are text (not JSON)
 * anything may become a string.
 */
function typesAccept(
  from: string[],
  to: string[],
  strictlyTyped: boolean,
): boolean {
  if (to.length === 0) {
    return true;
  }
  if (from.length > 0 && from.every(f => to.some(t => isSubtype(f, t)))) {
    return true;
  }
  const gained = to.filter(type => !from.includes(type));
  return (
    !strictlyTyped &&
    (gained.length === 0 || (gained.length === 1 && gained[0] === 'string'))
  );
}

/** The formats that take every value of narrower ones (oasdiff's `isFormatContained`). */
const WIDER_FORMATS: Record<string, string[]> = {
  double: ['float'],
  int64: ['int32'],
  bigint: ['int32', 'int64'],
  'date-time': ['date', 'time'],
};

function formatAccepts(from: unknown, to: unknown): boolean {
  if (typeof to !== 'string' || to === '') {
    return true;
  }
  return (
    from === to ||
    (typeof from === 'string' && (WIDER_FORMATS[to] ?? []).includes(from))
  );
}

/**
 * Not breaking when whoever receives the values still takes all of them:
 * a request's new schema everything its old one took, a response's old
 * schema (what clients were written for) everything its new one may send.
 */
function classifyByFlow(
  context: SchemaContext,
  accepts: (from: unknown, to: unknown) => boolean,
  before: unknown,
  after: unknown,
): ChangeClass {
  const safe =
    context.flow === 'request'
      ? accepts(before, after)
      : accepts(after, before);
  return safe ? 'non-breaking' : 'breaking';
}

/**
 * The class of a change inside a request's, response's or parameter's
 * schema, for the kinds api-smart-diff gets wrong; undefined for other
 * kinds, whose library class stands. By oasdiff's rules (`checker/rules.go`,
 * ERR and WARN being breaking):
 *
 * - `type` and `format`: a response that may now send a value its clients
 *   did not expect breaks them (number → string, object → array, integer →
 *   number, int32 → int64); a request that no longer takes what it took
 *   breaks its callers, while one that takes more (integer → number) does
 *   not. A parameter's own type only when it stays a scalar.
 * - `nullable`: a response that may now send null breaks; a request that no
 *   longer takes null breaks; the opposite directions do not.
 * - a property removed: from a response, clients reading it break (unless it
 *   was write-only); from a request, the server no longer takes it (unless it
 *   was read-only). oasdiff warns about both.
 */
export function schemaChangeClass(
  change: SchemaChange,
  old: JsonObject,
): ChangeClass | undefined {
  const { context, before, after } = change;
  const place = schemaKeyword(change.path);
  if (!place || (context.parameter && change.path.length !== 1)) {
    return undefined;
  }
  const { keyword, rest } = place;
  if (keyword === 'type' && rest.length === 0) {
    const from = typesOf(before);
    const to = typesOf(after);
    if (
      context.parameter &&
      ![...from, ...to].every(type => SCALAR_TYPES.has(type))
    ) {
      return undefined;
    }
    return classifyByFlow(
      context,
      (a, b) => typesAccept(typesOf(a), typesOf(b), context.strictlyTyped),
      before,
      after,
    );
  }
  if (keyword === 'format' && rest.length === 0) {
    return classifyByFlow(context, formatAccepts, before, after);
  }
  if (keyword === 'nullable' && rest.length === 0) {
    return classifyByFlow(
      context,
      (a, b) => a !== true || b === true,
      before,
      after,
    );
  }
  if (
    keyword === 'properties' &&
    rest.length === 1 &&
    change.action === 'removed' &&
    !context.parameter
  ) {
    const property = resolveRef(old, before);
    const unseen =
      isObject(property) &&
      property[context.flow === 'request' ? 'readOnly' : 'writeOnly'] === true;
    return unseen ? 'non-breaking' : 'breaking';
  }
  return undefined;
}

function isJsonMediaType(mediaType: string): boolean {
  const essence = mediaType.split(';')[0].trim().toLocaleLowerCase('en-US');
  return essence === 'application/json' || essence.endsWith('+json');
}

/** The schema context of a media type's schema in a request body or a response. */
export function contentContext(
  flow: SchemaContext['flow'],
  mediaType: string,
): SchemaContext {
  return { flow, strictlyTyped: isJsonMediaType(mediaType), parameter: false };
}

/** The context of a parameter's own schema. */
export const PARAMETER_CONTEXT: SchemaContext = {
  flow: 'request',
  strictlyTyped: false,
  parameter: true,
};

/**
 * A change below an operation (`paths./loans.get…`) as a schema change, if
 * it is inside its request body's, a response's or a parameter's schema.
 * Callbacks, webhooks and headers are left out.
 */
export function operationSchemaChange(
  path: string[],
  change: Omit<SchemaChange, 'context' | 'path'>,
): SchemaChange | undefined {
  if (path[0] !== 'paths' || !HTTP_METHODS.includes(path[2])) {
    return undefined;
  }
  const below = path.slice(3);
  let context: SchemaContext | undefined;
  let schemaAt = -1;
  if (below[0] === 'requestBody' && below[1] === 'content') {
    context = contentContext('request', below[2] ?? '');
    schemaAt = 3;
  } else if (below[0] === 'responses' && below[2] === 'content') {
    context = contentContext('response', below[3] ?? '');
    schemaAt = 4;
  } else if (below[0] === 'parameters') {
    context = PARAMETER_CONTEXT;
    schemaAt = 2;
  }
  if (!context || below[schemaAt] !== 'schema') {
    return undefined;
  }
  return { ...change, context, path: below.slice(schemaAt + 1) };
}
