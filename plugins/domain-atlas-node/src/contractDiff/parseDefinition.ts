import { parse as parseYaml } from 'yaml';
import { DEFAULT_MAX_DEFINITION_SIZE } from '@domain-atlas/plugin-domain-atlas-common';

/** The largest definition compared: the analysis's limit. */
export { DEFAULT_MAX_DEFINITION_SIZE };

/** Why a definition cannot be compared; the message says what to fix. */
export class DefinitionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DefinitionError';
  }
}

/**
 * A definition as text: objects (inline YAML in the catalog) serialised.
 *
 * @public
 */
export function definitionText(definition: unknown): string {
  if (typeof definition === 'string') {
    return definition;
  }
  if (definition === undefined || definition === null) {
    throw new DefinitionError('the definition is empty');
  }
  return JSON.stringify(definition);
}

/**
 * Reads an OpenAPI or AsyncAPI document as plain data. YAML aliases are
 * capped and `$ref`s are left as they are: nothing is fetched.
 */
export function parseDocument(
  definition: unknown,
  maxSize: number,
  side: 'old' | 'new',
): Record<string, unknown> {
  if (
    typeof definition === 'object' &&
    definition !== null &&
    !Array.isArray(definition)
  ) {
    return definition as Record<string, unknown>;
  }
  const text = definitionText(definition);
  checkSize(text, maxSize, side);
  let document: unknown;
  try {
    document = parseYaml(text, { maxAliasCount: 100, prettyErrors: false });
  } catch (error) {
    const message =
      error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new DefinitionError(
      `the ${side} definition does not parse: ${message}`,
    );
  }
  if (
    typeof document !== 'object' ||
    document === null ||
    Array.isArray(document)
  ) {
    throw new DefinitionError(
      `the ${side} definition is not a YAML or JSON object`,
    );
  }
  return document as Record<string, unknown>;
}

/** Rejects definitions over the size limit before any parser sees them. */
export function checkSize(
  text: string,
  maxSize: number,
  side: 'old' | 'new',
): void {
  if (text.length > maxSize) {
    throw new DefinitionError(
      `the ${side} definition is ${text.length} characters long, over the ${maxSize} limit`,
    );
  }
}
