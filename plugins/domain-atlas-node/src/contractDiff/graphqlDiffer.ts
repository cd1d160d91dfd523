import { buildSchema, GraphQLSchema } from 'graphql';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import type {
  ChangeClass,
  ClassifiedChange,
} from '@domain-atlas/plugin-domain-atlas-common';
import { checkSize, DefinitionError, definitionText } from './parseDefinition';
import type { SpecDiffer } from './types';

function schemaOf(
  definition: unknown,
  side: 'old' | 'new',
  maxSize: number,
): GraphQLSchema {
  const text = definitionText(definition);
  checkSize(text, maxSize, side);
  try {
    return buildSchema(text);
  } catch (error) {
    const message =
      error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new DefinitionError(
      `the ${side} definition is no valid GraphQL schema: ${message}`,
    );
  }
}

const CLASSES: Record<CriticalityLevel, ChangeClass> = {
  [CriticalityLevel.Breaking]: 'breaking',
  [CriticalityLevel.NonBreaking]: 'non-breaking',
  [CriticalityLevel.Dangerous]: 'unclassified',
};

function actionOf(type: string): ClassifiedChange['action'] {
  if (type.endsWith('_REMOVED')) {
    return 'removed';
  }
  return type.endsWith('_ADDED') ? 'added' : 'changed';
}

/**
 * GraphQL with @graphql-inspector/core on schemas built from SDL. Its
 * "dangerous" changes (may break some clients, e.g. a new enum value) are
 * unclassified: whether they break depends on the client.
 */
export const graphqlDiffer: SpecDiffer = {
  tool: '@graphql-inspector/core',
  async diff(before, after, maxSize) {
    const changes = await diff(
      schemaOf(before, 'old', maxSize),
      schemaOf(after, 'new', maxSize),
    );
    return changes.map(change => {
      return {
        class: CLASSES[change.criticality.level],
        action: actionOf(change.type),
        path: change.path ?? change.type,
        message: change.message,
      };
    });
  },
};
