import type { DomainAtlasRule } from './types';

function catalogDataRule(id: string, description: string): DomainAtlasRule {
  return {
    id,
    principle: 'The catalog is the source of truth',
    description,
    defaultSeverity: 'warning',
    evaluate: ({ problems }) => problems.of(id),
  };
}

/**
 * `invalid-entity`: an entity cannot be analysed (no kind or name, not an
 * object) or repeats the ref of an earlier one.
 *
 * @public
 */
export const invalidEntityRule = catalogDataRule(
  'invalid-entity',
  'An entity has no valid kind or name, or repeats the ref of another entity.',
);

/**
 * `invalid-reference`: a spec field names no entity of the expected kind,
 * or references form a cycle (`subdomainOf`, `subcomponentOf`, group
 * `parent`/`children`).
 *
 * @public
 */
export const invalidReferenceRule = catalogDataRule(
  'invalid-reference',
  'A spec reference does not parse, names an entity that is not in the catalog or of the wrong kind, or references form a cycle.',
);

/**
 * `invalid-annotation`: a Domain Atlas annotation has an invalid value.
 *
 * @public
 */
export const invalidAnnotationRule = catalogDataRule(
  'invalid-annotation',
  'A domain-atlas.io annotation has an invalid value.',
);

/**
 * `malformed-definition`: an API definition is oversized or does not parse.
 *
 * @public
 */
export const malformedDefinitionRule = catalogDataRule(
  'malformed-definition',
  'An API definition is over the size limit or does not parse.',
);

/**
 * `catalog-file`: a catalog file, document or Location target was not read
 * as entities: a YAML syntax error or a missing target (errors), or a
 * document that is not an entity, such as an API definition or a
 * template, skipped (info). Reported by the CLI, which reads files; the
 * backend's catalog records its own processing errors.
 *
 * @public
 */
export const catalogFileRule = catalogDataRule(
  'catalog-file',
  'A catalog file was not read in full: a YAML syntax error, a Location target that does not exist, or a document that is not an entity (skipped).',
);
