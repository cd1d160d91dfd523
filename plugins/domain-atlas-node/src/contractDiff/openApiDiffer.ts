import { apiDiff } from 'api-smart-diff';
import {
  ChangeClass,
  ClassifiedChange,
  strongestClass,
} from '@domain-atlas/plugin-domain-atlas-common';
import type { JsonObject } from './documentPointers';
import {
  ComponentChange,
  componentChanges,
  componentPlace,
  componentPointer,
  usedComponents,
} from './openApiComponents';
import { openApiMessage, VERBS } from './openApiLocation';
import {
  ComponentContexts,
  componentContexts,
  componentSchemaChanges,
} from './openApiSchemaContexts';
import { operationSchemaChange, schemaChangeClass } from './openApiSchemaRules';
import { isSecurityPath, securityChanges } from './openApiSecurity';
import { DefinitionError, parseDocument } from './parseDefinition';
import type { SpecDiffer } from './types';

/** api-smart-diff's classes; annotations and deprecations break nobody. */
const CLASSES: Record<string, ChangeClass> = {
  breaking: 'breaking',
  'non-breaking': 'non-breaking',
  annotation: 'non-breaking',
  deprecated: 'non-breaking',
  unclassified: 'unclassified',
};

const ACTIONS: Record<string, ClassifiedChange['action']> = {
  add: 'added',
  remove: 'removed',
  replace: 'changed',
  rename: 'changed',
};

function requireOpenApi(document: Record<string, unknown>, side: string) {
  if (
    typeof document.openapi !== 'string' &&
    typeof document.swagger !== 'string'
  ) {
    throw new DefinitionError(
      `the ${side} definition has no 'openapi' version field; is it an OpenAPI document?`,
    );
  }
}

/**
 * A removed response that is not a success (4xx, 5xx, 3xx …): the server
 * promises fewer outcomes, and a client's handling of that status just goes
 * unused. oasdiff classifies it the same way (INFO). A removed 2xx or
 * `default` stays as api-smart-diff has it: the client's expected answer
 * is gone.
 */
function isRemovedErrorResponse(path: string[], action: string): boolean {
  return (
    action === 'removed' &&
    path[0] === 'paths' &&
    path.length === 5 &&
    path[3] === 'responses' &&
    /^[13-5](\d\d|XX)$/i.test(path[4])
  );
}

/** Both definitions and what is known of the new one's use of its components. */
interface Definitions {
  old: JsonObject;
  current: JsonObject;
  used: Set<string>;
  contexts: ComponentContexts;
}

/**
 * One component's change. A component nothing in the new definition refers
 * to changes nothing a client sees, so it breaks nobody; a used one's
 * changes also show (classified in context) at each place it is used, and
 * the component's own entry takes the strongest class of its contexts.
 */
function componentChange(
  change: ComponentChange & { before?: unknown; after?: unknown },
  definitions: Definitions,
  libraryClass?: ChangeClass,
): ClassifiedChange {
  const { old, current, used, contexts } = definitions;
  const place = componentPlace(change.path, current);
  const pointer = place && componentPointer(place);
  const unused = pointer !== undefined && !used.has(pointer);
  let changeClass: ChangeClass;
  if (unused) {
    changeClass = 'non-breaking';
  } else if (libraryClass) {
    const inContext = place
      ? componentSchemaChanges(place, change, contexts).map(schemaChange => ({
          class:
            (schemaChange && schemaChangeClass(schemaChange, old)) ??
            libraryClass,
        }))
      : [];
    changeClass =
      inContext.length > 0 ? strongestClass(inContext) : libraryClass;
  } else if (change.action === 'removed') {
    // Still referenced: the new definition's $ref no longer resolves.
    changeClass = 'breaking';
  } else {
    changeClass = change.action === 'added' ? 'non-breaking' : 'unclassified';
  }
  const where = place?.name
    ? `${place.kind} \`${place.name}\`${unused ? ' (unreferenced)' : ''}`
    : change.path.join('.');
  const rest = place?.rest.join('.') ?? '';
  return {
    class: changeClass,
    action: change.action,
    path: change.path.join('.'),
    message: rest
      ? `${where}: ${VERBS[change.action]} ${rest}`
      : `${VERBS[change.action]} ${where}`,
  };
}

/**
 * OpenAPI with api-smart-diff: it walks both documents with their internal
 * `$ref`s merged and classifies each change by the OpenAPI rules (removed
 * operation, new required parameter, narrowed type … breaking). It never
 * resolves external references. Every change is its own entry, named by
 * where it is (a schema used by two operations changes in both); on top of
 * the library, unreferenced components, removed error responses, security
 * (compared per operation) and the schema changes it gets wrong (a
 * response property's type, a removed property, nullability; see
 * `schemaChangeClass`) are classified here.
 */
export const openApiDiffer: SpecDiffer = {
  tool: 'api-smart-diff',
  async diff(before, after, maxSize) {
    const old = parseDocument(before, maxSize, 'old');
    const current = parseDocument(after, maxSize, 'new');
    requireOpenApi(old, 'old');
    requireOpenApi(current, 'new');
    const openApi3 = typeof current.openapi === 'string';
    const definitions: Definitions = {
      old,
      current,
      used: usedComponents(current),
      contexts: openApi3 ? componentContexts(current) : new Map(),
    };
    const changes: ClassifiedChange[] = [];
    for (const diff of apiDiff(old, current)) {
      const path = diff.path.map(String);
      if (isSecurityPath(path)) {
        continue;
      }
      const action = ACTIONS[diff.action] ?? 'changed';
      const libraryClass = CLASSES[diff.type] ?? 'unclassified';
      const component = componentPlace(path, current);
      if (component?.name === undefined && component) {
        // A whole section (or all of `components`): one entry per component.
        for (const change of componentChanges(
          component.container,
          diff.before,
          diff.after,
        )) {
          changes.push(componentChange(change, definitions));
        }
        continue;
      }
      if (component) {
        changes.push(
          componentChange(
            { path, action, before: diff.before, after: diff.after },
            definitions,
            libraryClass,
          ),
        );
        continue;
      }
      const schemaChange = openApi3
        ? operationSchemaChange(path, {
            action,
            before: diff.before,
            after: diff.after,
          })
        : undefined;
      let changeClass = libraryClass;
      if (isRemovedErrorResponse(path, action)) {
        changeClass = 'non-breaking';
      } else if (schemaChange) {
        changeClass = schemaChangeClass(schemaChange, old) ?? libraryClass;
      }
      changes.push({
        class: changeClass,
        action,
        path: path.join('.'),
        message: openApiMessage(
          {
            path,
            action,
            before: diff.before,
            after: diff.after,
            description: diff.description,
          },
          old,
          current,
        ),
      });
    }
    changes.push(...securityChanges(old, current));
    return changes;
  },
};
