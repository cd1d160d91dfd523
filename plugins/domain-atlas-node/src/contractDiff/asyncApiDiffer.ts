import { diff as asyncApiDiff } from '@asyncapi/diff';
import { apiDiff } from 'api-smart-diff';
import type {
  ChangeClass,
  ClassifiedChange,
} from '@domain-atlas/plugin-domain-atlas-common';
import { DefinitionError, parseDocument } from './parseDefinition';
import type { SpecDiffer } from './types';

/**
 * @asyncapi/diff's standard calls an `info.version` edit breaking; a
 * version string says nothing about compatibility, so it is overridden.
 */
const OVERRIDE = {
  '/info/version': {
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
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
};

interface AsyncApiChange {
  action: string;
  path: string;
  type: string;
}

/** `/channels/orders~1placed/subscribe` → `channels.orders/placed.subscribe` */
function readablePath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map(segment => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
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
 * whether a message is published or received) decide where they can.
 */
export const asyncApiDiffer: SpecDiffer = {
  tool: '@asyncapi/diff',
  async diff(before, after, maxSize) {
    const old = parseDocument(before, maxSize, 'old');
    const current = parseDocument(after, maxSize, 'new');
    requireAsyncApi(old, 'old');
    requireAsyncApi(current, 'new');
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
    return output.changes.map(change => {
      const action = ACTIONS[change.action] ?? 'changed';
      const path = readablePath(change.path);
      return {
        class:
          change.type === 'breaking' || change.type === 'non-breaking'
            ? change.type
            : schemaClassOf(path),
        action,
        path,
        message: `[${VERBS[action]}] ${path}`,
      };
    });
  },
};
