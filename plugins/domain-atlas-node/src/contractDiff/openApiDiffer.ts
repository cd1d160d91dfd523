import { apiDiff } from 'api-smart-diff';
import type {
  ChangeClass,
  ClassifiedChange,
} from '@domain-atlas/plugin-domain-atlas-common';
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
 * OpenAPI with api-smart-diff: it walks both documents with their internal
 * `$ref`s merged and classifies each change by the OpenAPI rules (removed
 * operation, new required parameter, narrowed type … breaking). It never
 * resolves external references.
 */
export const openApiDiffer: SpecDiffer = {
  tool: 'api-smart-diff',
  async diff(before, after, maxSize) {
    const old = parseDocument(before, maxSize, 'old');
    const current = parseDocument(after, maxSize, 'new');
    requireOpenApi(old, 'old');
    requireOpenApi(current, 'new');
    const seen = new Set<string>();
    const changes: ClassifiedChange[] = [];
    for (const diff of apiDiff(old, current)) {
      const path = diff.path.map(String).join('.');
      const message = diff.description ?? `[${diff.action}] ${path}`;
      // The same schema change shows at each place the schema is used and
      // under components; a person needs it once per description.
      const key = `${diff.type}|${message}`;
      if (diff.description !== undefined && seen.has(key)) {
        continue;
      }
      seen.add(key);
      changes.push({
        class: CLASSES[diff.type] ?? 'unclassified',
        action: ACTIONS[diff.action] ?? 'changed',
        path,
        message,
      });
    }
    return changes;
  },
};
