import {
  isObject,
  JsonObject,
  pointerOf,
  pointerSegments,
  sameValue,
  valueAt,
} from './documentPointers';

/** OpenAPI 3's `components` sections, named as a person says them. */
const OPENAPI3_SECTIONS: Record<string, string> = {
  schemas: 'schema',
  responses: 'response',
  parameters: 'parameter',
  examples: 'example',
  requestBodies: 'request body',
  headers: 'header',
  securitySchemes: 'security scheme',
  links: 'link',
  callbacks: 'callback',
  pathItems: 'path item',
};

/** Swagger 2's reusable definitions sit at the top level. */
const SWAGGER2_SECTIONS: Record<string, string> = {
  definitions: 'schema',
  parameters: 'parameter',
  responses: 'response',
  securityDefinitions: 'security scheme',
};

/** Where a path sits among the reusable definitions, if it does. */
export interface ComponentPlace {
  /** The path of the section (`components.schemas`) or of all of them (`components`). */
  container: string[];
  /** The component's name; undefined when the path is a whole section or more. */
  name?: string;
  /** `schema`, `security scheme` …; undefined above section level. */
  kind?: string;
  /** The path below the component, e.g. `properties.total.type`. */
  rest: string[];
}

function isSwagger(document: JsonObject): boolean {
  return typeof document.swagger === 'string';
}

export function componentPlace(
  path: string[],
  document: JsonObject,
): ComponentPlace | undefined {
  if (isSwagger(document)) {
    const kind = SWAGGER2_SECTIONS[path[0]];
    if (!kind) {
      return undefined;
    }
    return { container: [path[0]], name: path[1], kind, rest: path.slice(2) };
  }
  if (path[0] !== 'components') {
    return undefined;
  }
  if (path.length === 1) {
    return { container: ['components'], rest: [] };
  }
  return {
    container: path.slice(0, 2),
    name: path[2],
    kind: OPENAPI3_SECTIONS[path[1]] ?? path[1],
    rest: path.slice(3),
  };
}

/** `#/components/schemas/Order` for a component's place. */
export function componentPointer(place: ComponentPlace): string | undefined {
  return place.name === undefined
    ? undefined
    : pointerOf([...place.container, place.name]);
}

/**
 * The pointers of the components the document uses: reached by `$ref`
 * (or a discriminator mapping, or a security requirement's scheme name)
 * from anything outside the reusable definitions, then from the components
 * so reached. A component outside this set changes nothing a client sees.
 */
export function usedComponents(document: JsonObject): Set<string> {
  const swagger = isSwagger(document);
  const schemaSection = swagger ? ['definitions'] : ['components', 'schemas'];
  const schemeSection = swagger
    ? ['securityDefinitions']
    : ['components', 'securitySchemes'];
  const used = new Set<string>();
  const pending: unknown[] = [];

  const use = (segments: string[]) => {
    const size = swagger ? 2 : 3;
    const inComponents = swagger
      ? SWAGGER2_SECTIONS[segments[0]] !== undefined
      : segments[0] === 'components';
    if (!inComponents || segments.length < size) {
      return;
    }
    const key = segments.slice(0, size);
    const pointer = pointerOf(key);
    if (!used.has(pointer)) {
      used.add(pointer);
      pending.push(valueAt(document, key));
    }
  };
  const useRef = (ref: string) => {
    const segments = pointerSegments(ref);
    if (segments) {
      use(segments);
    }
  };

  const walk = (root: unknown) => {
    const stack: unknown[] = [root];
    while (stack.length > 0) {
      const item = stack.pop();
      if (Array.isArray(item)) {
        stack.push(...item);
        continue;
      }
      if (!isObject(item)) {
        continue;
      }
      for (const [key, child] of Object.entries(item)) {
        if (key === '$ref' && typeof child === 'string') {
          useRef(child);
        } else if (key === 'discriminator' && isObject(child)) {
          const mapping = isObject(child.mapping) ? child.mapping : {};
          for (const target of Object.values(mapping)) {
            if (typeof target === 'string') {
              if (target.startsWith('#/')) {
                useRef(target);
              } else {
                use([...schemaSection, target]);
              }
            }
          }
        } else if (
          key === 'security' &&
          Array.isArray(child) &&
          child.every(isObject)
        ) {
          for (const requirement of child as JsonObject[]) {
            for (const scheme of Object.keys(requirement)) {
              use([...schemeSection, scheme]);
            }
          }
        } else {
          stack.push(child);
        }
      }
    }
  };

  const containers = swagger ? Object.keys(SWAGGER2_SECTIONS) : ['components'];
  walk(
    Object.fromEntries(
      Object.entries(document).filter(([key]) => !containers.includes(key)),
    ),
  );
  while (pending.length > 0) {
    walk(pending.pop());
  }
  return used;
}

/** A component added, removed or changed inside a section-wide change. */
export interface ComponentChange {
  path: string[];
  action: 'added' | 'removed' | 'changed';
}

/**
 * The components inside a change of a whole section (or of all of
 * `components`), one each: api-smart-diff reports `components.schemas`
 * removed as one change however many schemas it held.
 */
export function componentChanges(
  container: string[],
  before: unknown,
  after: unknown,
): ComponentChange[] {
  const old = isObject(before) ? before : {};
  const current = isObject(after) ? after : {};
  if (container.length === 1 && container[0] === 'components') {
    return [...new Set([...Object.keys(old), ...Object.keys(current)])].flatMap(
      section =>
        componentChanges(
          [...container, section],
          old[section],
          current[section],
        ),
    );
  }
  const changes: ComponentChange[] = [];
  for (const name of new Set([...Object.keys(old), ...Object.keys(current)])) {
    const path = [...container, name];
    if (!(name in current)) {
      changes.push({ path, action: 'removed' });
    } else if (!(name in old)) {
      changes.push({ path, action: 'added' });
    } else if (!sameValue(old[name], current[name])) {
      changes.push({ path, action: 'changed' });
    }
  }
  return changes;
}
