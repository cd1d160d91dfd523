import { CatalogSourceProblem } from '@domain-atlas/plugin-domain-atlas-common';
import { Document, LineCounter, parseAllDocuments } from 'yaml';
import { describeYamlError, yamlErrorPosition } from './yamlErrors';

/**
 * The documents of one catalog file: the entities, and what was not read
 * as entities.
 *
 * @public
 */
export interface CatalogFileDocuments {
  /** Entity documents, with the 1-based line each one's content starts on. */
  entities: { entity: Record<string, unknown>; line: number }[];
  /** Documents skipped (not entities, templates) and documents with YAML errors. */
  problems: CatalogSourceProblem[];
  /** False when every document of the file has a YAML syntax error. */
  readable: boolean;
}

/** Scaffolder placeholders: the file is a template of catalog YAML. */
const TEMPLATE_PLACEHOLDER = '${{';

/**
 * Whether a file is a template by its name (`.hbs`, `.yaml.hbs`): it is
 * never parsed as YAML.
 *
 * @public
 */
export function isTemplateFileName(file: string): boolean {
  return /\.hbs$/i.test(file);
}

/**
 * The problem for a template file that is skipped by its name.
 *
 * @public
 */
export function templateFileProblem(shown: string): CatalogSourceProblem {
  return {
    reason: 'template',
    location: shown,
    message: `${shown}: a template (.hbs): skipped`,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a document that is not an entity is, for the message. */
function whatItIs(value: unknown): string {
  if (Array.isArray(value)) {
    return 'a list, not an entity';
  }
  if (!isRecord(value)) {
    return `a ${typeof value}, not an entity`;
  }
  if (typeof value.openapi === 'string' || typeof value.swagger === 'string') {
    return 'an OpenAPI definition, not an entity';
  }
  if (typeof value.asyncapi === 'string') {
    return 'an AsyncAPI definition, not an entity';
  }
  return 'not an entity (no apiVersion or kind)';
}

/**
 * A document is an entity when it is an object with an `apiVersion` or a
 * `kind`; one with only one of them, or without a name, is a broken entity
 * that the analysis reports (`invalid-entity`) rather than a document of
 * something else.
 */
function looksLikeEntity(value: unknown): value is Record<string, unknown> {
  return (
    isRecord(value) &&
    (value.apiVersion !== undefined || value.kind !== undefined)
  );
}

/** A Scaffolder `kind: Template` entity holds `${{ }}` in its steps by design. */
function isScaffolderTemplate(value: Record<string, unknown>): boolean {
  return (
    typeof value.kind === 'string' &&
    value.kind.toLocaleLowerCase('en-US') === 'template'
  );
}

/** A document that is skipped: why, where, and what it is. */
interface Skipped {
  reason: 'not-an-entity' | 'template';
  line: number;
  what: string;
}

const TEMPLATE = `a template (${TEMPLATE_PLACEHOLDER} }} placeholders)`;

/**
 * The problem for a file that holds only skipped documents of one kind:
 * one for the file rather than one per document.
 */
function wholeFileProblem(
  shown: string,
  skipped: Skipped[],
): CatalogSourceProblem {
  const [first] = skipped;
  const what =
    skipped.length === 1 || first.reason === 'template'
      ? first.what
      : `no entities (${skipped.length} documents without apiVersion or kind)`;
  return {
    reason: first.reason,
    location: shown,
    message: `${shown}: ${what}: skipped`,
  };
}

/**
 * Sorts the YAML documents of one catalog file as the catalog reads them:
 * objects with an `apiVersion` or `kind` are entities; other documents (an
 * OpenAPI file, a team's notes) are skipped, as are documents with
 * Scaffolder `${{ }}` placeholders outside a `kind: Template` entity. A
 * document with a YAML error is a `syntax-error` problem and the file's
 * other documents are still read, as the catalog's own YAML reader does;
 * in a file that holds placeholders it is a template instead.
 *
 * @public
 */
export function readCatalogDocuments(
  text: string,
  shown: string,
): CatalogFileDocuments {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter });
  const hasPlaceholders = text.includes(TEMPLATE_PLACEHOLDER);
  const result: CatalogFileDocuments = {
    entities: [],
    problems: [],
    readable: documents.length === 0,
  };
  const skipped: Skipped[] = [];
  const skip = (item: Skipped) => {
    skipped.push(item);
    result.problems.push({
      reason: item.reason,
      location: `${shown}:${item.line}`,
      message: `${shown}:${item.line}: ${item.what}: skipped`,
    });
  };
  const startLine = (document: Document.Parsed) =>
    lineCounter.linePos(document.contents?.range?.[0] ?? document.range[0])
      .line;
  for (const document of documents) {
    const [yamlError] = document.errors;
    if (yamlError && !hasPlaceholders) {
      const { line, col } = yamlErrorPosition(yamlError);
      result.problems.push({
        reason: 'syntax-error',
        location: `${shown}:${line}:${col}`,
        message: describeYamlError(shown, yamlError),
      });
      continue;
    }
    result.readable = true;
    const line = startLine(document);
    if (yamlError) {
      skip({ reason: 'template', line, what: TEMPLATE });
      continue;
    }
    let value: unknown;
    try {
      value = document.toJS({ maxAliasCount: 100 });
    } catch (error) {
      // Too many aliases (a "billion laughs" document).
      result.problems.push({
        reason: 'syntax-error',
        location: `${shown}:${line}`,
        message: `${shown}:${line}: invalid YAML: ${(error as Error).message}`,
      });
      continue;
    }
    if (value === null || value === undefined) {
      continue; // an empty document, e.g. after a trailing `---`
    }
    if (!looksLikeEntity(value)) {
      skip({ reason: 'not-an-entity', line, what: whatItIs(value) });
    } else if (
      hasPlaceholders &&
      !isScaffolderTemplate(value) &&
      text
        .slice(document.range[0], document.range[2])
        .includes(TEMPLATE_PLACEHOLDER)
    ) {
      skip({ reason: 'template', line, what: TEMPLATE });
    } else {
      result.entities.push({ entity: value, line });
    }
  }
  if (
    result.entities.length === 0 &&
    skipped.length === result.problems.length &&
    skipped.length > 0 &&
    skipped.every(item => item.reason === skipped[0].reason)
  ) {
    result.problems = [wholeFileProblem(shown, skipped)];
  }
  return result;
}
