import type { ClassifiedChange } from '@domain-atlas/plugin-domain-atlas-common';
import { isObject, JsonObject, sameValue } from './documentPointers';

export const HTTP_METHODS = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
];

/** One way to authenticate: every scheme in it, each with the scopes it needs. */
type Alternative = Map<string, Set<string>>;

/** `security` as the alternatives a client may choose from; null when anyone may call. */
function alternatives(requirements: unknown): Alternative[] | null {
  if (!Array.isArray(requirements) || requirements.length === 0) {
    return null;
  }
  const result: Alternative[] = [];
  for (const requirement of requirements) {
    if (!isObject(requirement) || Object.keys(requirement).length === 0) {
      // `{}` among the alternatives: calling without credentials is allowed.
      return null;
    }
    result.push(
      new Map(
        Object.entries(requirement).map(([scheme, scopes]) => [
          scheme,
          new Set(Array.isArray(scopes) ? scopes.map(String) : []),
        ]),
      ),
    );
  }
  return result;
}

function schemesOf(alternative: Alternative): string {
  return [...alternative.keys()].sort().join(' + ');
}

function effectiveSecurity(document: JsonObject, operation: JsonObject) {
  return operation.security !== undefined
    ? operation.security
    : document.security;
}

/**
 * Security compared per operation, on the requirements that apply to it
 * (its own, else the document's). A client that could call before and
 * cannot now is broken: an alternative it used is gone, a scope its token
 * may lack is now needed, or an open operation now asks for credentials.
 * Dropping an alternative that others still cover, or dropping all
 * requirements, breaks nobody.
 */
export function securityChanges(
  old: JsonObject,
  current: JsonObject,
): ClassifiedChange[] {
  const changes: ClassifiedChange[] = [];
  if (!sameValue(old.security, current.security)) {
    changes.push({
      class: 'non-breaking',
      action: 'changed',
      path: 'security',
      message:
        'security (the default of operations without their own): [Changed]; what it does to each operation is listed under that operation',
    });
  }
  const oldPaths = isObject(old.paths) ? old.paths : {};
  const newPaths = isObject(current.paths) ? current.paths : {};
  for (const [route, oldItem] of Object.entries(oldPaths)) {
    const newItem = newPaths[route];
    if (!isObject(oldItem) || !isObject(newItem)) {
      continue;
    }
    for (const method of HTTP_METHODS) {
      const oldOperation = oldItem[method];
      const newOperation = newItem[method];
      if (!isObject(oldOperation) || !isObject(newOperation)) {
        continue;
      }
      const before = alternatives(effectiveSecurity(old, oldOperation));
      const after = alternatives(effectiveSecurity(current, newOperation));
      const path = `paths.${route}.${method}.security`;
      const where = `${method.toUpperCase()} ${route}`;
      const add = (
        changeClass: ClassifiedChange['class'],
        action: ClassifiedChange['action'],
        what: string,
      ) =>
        changes.push({
          class: changeClass,
          action,
          path,
          message: `${where}: ${what}`,
        });
      if (after === null) {
        if (before !== null) {
          add(
            'non-breaking',
            'removed',
            '[Removed] security requirement; the operation no longer asks for credentials',
          );
        }
        continue;
      }
      if (before === null) {
        add(
          'breaking',
          'added',
          `[Added] security requirement (${after
            .map(schemesOf)
            .join(' or ')}); clients calling without credentials are refused`,
        );
        continue;
      }
      for (const alternative of before) {
        const schemes = schemesOf(alternative);
        const kept = after.find(candidate => schemesOf(candidate) === schemes);
        if (!kept) {
          add(
            'breaking',
            'removed',
            `[Removed] security alternative \`${schemes}\`; clients authenticating with it are refused`,
          );
          continue;
        }
        for (const [scheme, scopes] of kept) {
          const oldScopes = alternative.get(scheme) ?? new Set<string>();
          for (const scope of scopes) {
            if (!oldScopes.has(scope)) {
              add(
                'breaking',
                'added',
                `[Added] scope \`${scope}\` required of security scheme \`${scheme}\`; tokens without it are refused`,
              );
            }
          }
          for (const scope of oldScopes) {
            if (!scopes.has(scope)) {
              add(
                'non-breaking',
                'removed',
                `[Removed] scope \`${scope}\` from security scheme \`${scheme}\``,
              );
            }
          }
        }
      }
      for (const alternative of after) {
        const schemes = schemesOf(alternative);
        if (!before.some(candidate => schemesOf(candidate) === schemes)) {
          add(
            'non-breaking',
            'added',
            `[Added] security alternative \`${schemes}\``,
          );
        }
      }
    }
  }
  return changes;
}

/** api-smart-diff's own security entries, which compare alternatives by position. */
export function isSecurityPath(path: string[]): boolean {
  return (
    path[0] === 'security' ||
    (path[0] === 'paths' &&
      HTTP_METHODS.includes(path[2]) &&
      path[3] === 'security')
  );
}
