import type { ClassifiedChange } from '@domain-atlas/plugin-domain-atlas-common';
import { isObject, JsonObject, resolveRef } from './documentPointers';
import { HTTP_METHODS } from './openApiSecurity';

/** The verb every message starts its "what" with. */
export const VERBS: Record<ClassifiedChange['action'], string> = {
  added: '[Added]',
  removed: '[Removed]',
  changed: '[Changed]',
};

/** One change of api-smart-diff, as the location needs it. */
export interface LocatedDiff {
  path: string[];
  action: ClassifiedChange['action'];
  before?: unknown;
  after?: unknown;
  description?: string;
}

/**
 * An operation's parameters as api-smart-diff walks them: the operation's
 * own, then the path item's that the operation does not redefine. Its
 * change paths index into this list.
 */
function mergedParameters(
  document: JsonObject,
  root: string,
  route: string,
  method: string,
): unknown[] {
  const item = resolveRef(
    document,
    isObject(document[root]) ? document[root][route] : undefined,
  );
  if (!isObject(item)) {
    return [];
  }
  const operation = resolveRef(document, item[method]);
  const own =
    isObject(operation) && Array.isArray(operation.parameters)
      ? operation.parameters.map(p => resolveRef(document, p))
      : [];
  const shared = Array.isArray(item.parameters)
    ? item.parameters.map(p => resolveRef(document, p))
    : [];
  const key = (p: unknown) => (isObject(p) ? `${p.in} ${p.name}` : '');
  const ownKeys = new Set(own.map(key));
  return [...own, ...shared.filter(p => !ownKeys.has(key(p)))];
}

function parameterName(parameter: unknown): string | undefined {
  if (!isObject(parameter) || typeof parameter.name !== 'string') {
    return undefined;
  }
  return `${String(parameter.in ?? '')} parameter \`${parameter.name}\``.trim();
}

/**
 * The message of one change, naming where it is: the operation (method and
 * path) and, below it, the response, parameter or request body; a component
 * or document field elsewhere. api-smart-diff's own description is kept
 * where it is right; for changes inside a parameter it can name the wrong
 * parameter (its index shifts when path-level parameters merge in), so the
 * parameter is named here from the documents.
 */
export function openApiMessage(
  diff: LocatedDiff,
  old: JsonObject,
  current: JsonObject,
): string {
  const { path, action, description } = diff;
  const verb = VERBS[action];
  const root = path[0];
  const isOperation =
    (root === 'paths' || root === 'webhooks') &&
    path.length >= 3 &&
    HTTP_METHODS.includes(path[2]);
  if (!isOperation) {
    if ((root === 'paths' || root === 'webhooks') && path.length >= 2) {
      const where = `${root === 'paths' ? 'path' : 'webhook'} ${path[1]}`;
      const rest = path.slice(2).join('.');
      if (rest === '') {
        return description ?? `${verb} ${where}`;
      }
      return `${where}: ${description ?? `${verb} ${rest}`}`;
    }
    return description ?? `${verb} ${path.join('.')}`;
  }

  const [, route, method, ...below] = path;
  const operation = `${
    root === 'webhooks' ? 'webhook ' : ''
  }${method.toUpperCase()} ${route}`;
  if (below.length === 0) {
    return description ?? `${verb} operation ${operation}`;
  }
  let element: string | undefined;
  let rest = below;
  let trustDescription = true;
  if (below[0] === 'responses' && below.length >= 2) {
    element = `response ${below[1]}`;
    rest = below.slice(2);
  } else if (below[0] === 'requestBody') {
    element = 'request body';
    rest = below.slice(1);
  } else if (below[0] === 'parameters' && below.length >= 2) {
    const index = Number(below[1]);
    let parameter: unknown;
    if (below.length === 2 && action === 'added') {
      parameter = resolveRef(current, diff.after);
    } else if (below.length === 2 && action === 'removed') {
      parameter = resolveRef(old, diff.before);
    } else {
      parameter =
        mergedParameters(old, root, route, method)[index] ??
        mergedParameters(current, root, route, method)[index];
    }
    element = parameterName(parameter) ?? `parameter ${below[1]}`;
    rest = below.slice(2);
    trustDescription = below.length === 2;
  }
  if (description !== undefined && trustDescription) {
    return `${operation}: ${description}`;
  }
  const where = element ? `${operation} ${element}` : operation;
  return rest.length > 0
    ? `${where}: ${verb} ${rest.join('.')}`
    : `${verb} ${where}`;
}
