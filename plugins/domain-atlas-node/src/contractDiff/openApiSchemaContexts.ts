import {
  isObject,
  JsonObject,
  pointerOf,
  pointerSegments,
  resolveRef,
  valueAt,
} from './documentPointers';
import { ComponentPlace, componentPointer } from './openApiComponents';
import {
  contentContext,
  PARAMETER_CONTEXT,
  SchemaChange,
  SchemaContext,
} from './openApiSchemaRules';
import { HTTP_METHODS } from './openApiSecurity';

/**
 * The contexts each component of an OpenAPI 3 document is used in, by its
 * pointer (`#/components/schemas/Loan`): a request body's, a response's or
 * a parameter's schema, reached directly or through other components.
 * `null` stands for a use the schema rules do not cover (callbacks,
 * webhooks, headers, inside `not`, below a parameter's own schema).
 */
export type ComponentContexts = Map<string, Map<string, SchemaContext | null>>;

function keyOf(context: SchemaContext | null): string {
  return context
    ? `${context.flow} ${context.strictlyTyped} ${context.parameter}`
    : 'other';
}

/** Walks the operations' parameters, request bodies and responses, then the components they reach. */
export function componentContexts(document: JsonObject): ComponentContexts {
  const contexts: ComponentContexts = new Map();
  const walked = new Set<string>();
  const pending: Array<[unknown, SchemaContext | null]> = [];

  const useRef = (ref: string, context: SchemaContext | null) => {
    const segments = pointerSegments(ref);
    if (!segments || segments[0] !== 'components' || segments.length < 3) {
      return;
    }
    const pointer = pointerOf(segments.slice(0, 3));
    const known = contexts.get(pointer) ?? new Map();
    contexts.set(pointer, known);
    known.set(keyOf(context), context);
    const key = `${ref} ${keyOf(context)}`;
    if (!walked.has(key)) {
      walked.add(key);
      pending.push([valueAt(document, segments), context]);
    }
  };

  /**
   * The `$ref`s in a value, each used in the value's context: a schema
   * keeps it below itself, except below a parameter's own schema and
   * inside `not`.
   */
  const walk = (root: unknown, context: SchemaContext | null) => {
    const stack: Array<[unknown, SchemaContext | null]> = [[root, context]];
    while (stack.length > 0) {
      const [item, itemContext] = stack.pop()!;
      if (Array.isArray(item)) {
        stack.push(
          ...item.map((child): [unknown, SchemaContext | null] => [
            child,
            itemContext,
          ]),
        );
        continue;
      }
      if (!isObject(item)) {
        continue;
      }
      const below = itemContext?.parameter ? null : itemContext;
      for (const [key, child] of Object.entries(item)) {
        if (key === '$ref' && typeof child === 'string') {
          useRef(child, itemContext);
        } else if (key === 'discriminator' && isObject(child)) {
          const mapping = isObject(child.mapping) ? child.mapping : {};
          for (const target of Object.values(mapping)) {
            if (typeof target === 'string') {
              useRef(
                target.startsWith('#/')
                  ? target
                  : pointerOf(['components', 'schemas', target]),
                itemContext,
              );
            }
          }
        } else {
          stack.push([child, key === 'not' ? null : below]);
        }
      }
    }
  };

  const walkContent = (holder: unknown, flow: SchemaContext['flow']) => {
    const resolved = resolveRef(document, holder);
    if (!isObject(resolved)) {
      return;
    }
    for (const [key, child] of Object.entries(resolved)) {
      if (key === 'content' && isObject(child)) {
        for (const [mediaType, media] of Object.entries(child)) {
          for (const [field, value] of Object.entries(
            isObject(media) ? media : {},
          )) {
            walk(
              value,
              field === 'schema' ? contentContext(flow, mediaType) : null,
            );
          }
        }
      } else {
        walk(child, null);
      }
    }
  };

  const walkParameters = (parameters: unknown) => {
    for (const parameter of Array.isArray(parameters) ? parameters : []) {
      const resolved = resolveRef(document, parameter);
      for (const [key, child] of Object.entries(
        isObject(resolved) ? resolved : {},
      )) {
        walk(child, key === 'schema' ? PARAMETER_CONTEXT : null);
      }
    }
  };

  for (const item of Object.values(
    isObject(document.paths) ? document.paths : {},
  )) {
    for (const [key, child] of Object.entries(isObject(item) ? item : {})) {
      if (key === 'parameters') {
        walkParameters(child);
      } else if (HTTP_METHODS.includes(key) && isObject(child)) {
        for (const [field, value] of Object.entries(child)) {
          if (field === 'parameters') {
            walkParameters(value);
          } else if (field === 'requestBody') {
            walkContent(value, 'request');
          } else if (field === 'responses' && isObject(value)) {
            for (const response of Object.values(value)) {
              walkContent(response, 'response');
            }
          } else {
            walk(value, null);
          }
        }
      } else {
        walk(child, null);
      }
    }
  }
  for (const [key, value] of Object.entries(document)) {
    if (key !== 'paths' && key !== 'components') {
      walk(value, null);
    }
  }
  while (pending.length > 0) {
    const [value, context] = pending.pop()!;
    walk(value, context);
  }
  return contexts;
}

/**
 * A used OpenAPI 3 component's change as a schema change in each context
 * the component is used in: a schema in each of its uses (undefined for a
 * use the rules do not cover), a request body's, response's or parameter's
 * schema by the component's kind.
 */
export function componentSchemaChanges(
  place: ComponentPlace,
  change: Omit<SchemaChange, 'context' | 'path'>,
  contexts: ComponentContexts,
): Array<SchemaChange | undefined> {
  const pointer = componentPointer(place);
  const [root, section] = place.container;
  const { rest } = place;
  if (root !== 'components' || pointer === undefined) {
    return [];
  }
  if (section === 'schemas') {
    return [...(contexts.get(pointer)?.values() ?? [])].map(context =>
      context ? { ...change, context, path: rest } : undefined,
    );
  }
  const flow = { requestBodies: 'request', responses: 'response' } as const;
  if (
    (section === 'requestBodies' || section === 'responses') &&
    rest[0] === 'content' &&
    rest[2] === 'schema'
  ) {
    return [
      {
        ...change,
        context: contentContext(flow[section], rest[1]),
        path: rest.slice(3),
      },
    ];
  }
  if (section === 'parameters' && rest[0] === 'schema') {
    return [{ ...change, context: PARAMETER_CONTEXT, path: rest.slice(1) }];
  }
  return [];
}
