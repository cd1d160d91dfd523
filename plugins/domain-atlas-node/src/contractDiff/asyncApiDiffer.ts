import { diff as asyncApiDiff } from '@asyncapi/diff';
import { apiDiff } from 'api-smart-diff';
import type {
  ChangeClass,
  ClassifiedChange,
} from '@domain-atlas/plugin-domain-atlas-common';
import { comparablePair } from './asyncApiUpgrade';
import { jsonPointerSegments } from './documentPointers';
import { DefinitionError, parseDocument } from './parseDefinition';
import type { SpecDiffer } from './types';

/**
 * @asyncapi/diff's standard calls an `info.version` edit breaking, and an
 * edit of the spec-format field (`asyncapi: 2.1.0` → `2.6.0`) too; neither
 * says anything about what the API sends or receives, so both are
 * overridden.
 */
const OVERRIDE = {
  '/info/version': {
    add: 'non-breaking',
    remove: 'non-breaking',
    edit: 'non-breaking',
  },
  '/asyncapi': {
    add: 'non-breaking',
    remove: 'non-breaking',
    edit: 'non-breaking',
  },
} as const;

const ACTIONS: Record<string, ClassifiedChange['action']> = {
  add: 'added',
  remove: 'removed',
  edit: 'changed',
};

const VERBS: Record<ClassifiedChange['action'], string> = {
  added: '[Added]',
  removed: '[Removed]',
  changed: '[Changed]',
};

/** `components.<section>` named as a person says it. */
const COMPONENT_KINDS: Record<string, string> = {
  schemas: 'schema',
  messages: 'message',
  channels: 'channel',
  operations: 'operation',
  servers: 'server',
  parameters: 'parameter',
  securitySchemes: 'security scheme',
  messageTraits: 'message trait',
  operationTraits: 'operation trait',
  correlationIds: 'correlation id',
  serverVariables: 'server variable',
  replies: 'reply',
  replyAddresses: 'reply address',
};

interface AsyncApiChange {
  action: string;
  path: string;
  type: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Where a change is, as a person names it: the channel and its operation
 * and message in 2.x (`channel \`orders/placed\`, subscribe operation,
 * message`), the channel and message or the operation in 3.x, a component
 * or server; and the path left below that place.
 */
function placeOf(segments: string[]): { where?: string; rest: string[] } {
  const [root, name, ...below] = segments;
  if (name === undefined) {
    return { rest: segments };
  }
  if (root === 'channels') {
    let where = `channel \`${name}\``;
    let rest = below;
    if (rest[0] === 'publish' || rest[0] === 'subscribe') {
      where += `, ${rest[0]} operation`;
      rest = rest.slice(1);
      if (rest[0] === 'message') {
        where += ', message';
        rest = rest.slice(1);
      }
    } else if (rest[0] === 'messages' && rest[1] !== undefined) {
      where += `, message \`${rest[1]}\``;
      rest = rest.slice(2);
    }
    return { where, rest };
  }
  if (root === 'operations') {
    return { where: `operation \`${name}\``, rest: below };
  }
  if (root === 'servers') {
    return { where: `server \`${name}\``, rest: below };
  }
  if (root === 'components' && below.length > 0) {
    const [component, ...rest] = below;
    return {
      where: `${COMPONENT_KINDS[name] ?? name} \`${component}\``,
      rest,
    };
  }
  return { rest: segments };
}

function messageOf(
  change: AsyncApiChange,
  segments: string[],
  action: ClassifiedChange['action'],
) {
  const verb = VERBS[action];
  if (segments.length === 1 && segments[0] === 'asyncapi') {
    return `spec format: ${verb} asyncapi ${String(change.before)} → ${String(
      change.after,
    )}`;
  }
  const { where, rest } = placeOf(segments);
  if (!where) {
    return `${verb} ${segments.join('.')}`;
  }
  return rest.length > 0
    ? `${where}: ${verb} ${rest.join('.')}`
    : `${verb} ${where}`;
}

function requireAsyncApi(document: Record<string, unknown>, side: string) {
  if (typeof document.asyncapi !== 'string') {
    throw new DefinitionError(
      `the ${side} definition has no 'asyncapi' version field; is it an AsyncAPI document?`,
    );
  }
}

/** api-smart-diff's classes; annotations and deprecations break nobody. */
const SMART_CLASSES: Record<string, ChangeClass> = {
  breaking: 'breaking',
  'non-breaking': 'non-breaking',
  annotation: 'non-breaking',
  deprecated: 'non-breaking',
};

/**
 * AsyncAPI with @asyncapi/diff, the AsyncAPI initiative's own differ, on the
 * documents as data (its parser, which resolves remote references, is not
 * used). Its standard leaves changes inside message payload schemas
 * unclassified; for those, api-smart-diff's JSON Schema rules (which know
 * whether a message is published or received) decide where they can. A
 * 2.x definition compared with a 3.x one is converted first (see
 * {@link comparablePair}).
 */
export const asyncApiDiffer: SpecDiffer = {
  tool: '@asyncapi/diff',
  async diff(before, after, maxSize) {
    const parsedOld = parseDocument(before, maxSize, 'old');
    const parsedNew = parseDocument(after, maxSize, 'new');
    requireAsyncApi(parsedOld, 'old');
    requireAsyncApi(parsedNew, 'new');
    const { old, current, formatChange } = comparablePair(parsedOld, parsedNew);
    const output = asyncApiDiff(old, current, {
      override: OVERRIDE,
      outputType: 'json',
    }).getOutput() as { changes: AsyncApiChange[] };
    let schemaClasses: Map<string, ChangeClass> | undefined;
    const schemaClassOf = (path: string) => {
      if (!schemaClasses) {
        schemaClasses = new Map();
        for (const diff of apiDiff(old, current)) {
          const known = SMART_CLASSES[diff.type];
          if (known) {
            schemaClasses.set(diff.path.map(String).join('.'), known);
          }
        }
      }
      return schemaClasses.get(path) ?? 'unclassified';
    };
    const changes = output.changes.map((change): ClassifiedChange => {
      const action = ACTIONS[change.action] ?? 'changed';
      const segments = jsonPointerSegments(change.path);
      const path = segments.join('.');
      return {
        class:
          change.type === 'breaking' || change.type === 'non-breaking'
            ? change.type
            : schemaClassOf(path),
        action,
        path,
        message: messageOf(change, segments, action),
      };
    });
    return formatChange ? [formatChange, ...changes] : changes;
  },
};
