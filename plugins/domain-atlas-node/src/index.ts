/**
 * Domain Atlas for Node.js: the extension point through which backend
 * modules add rules, and the comparison of API definitions with each spec
 * type's maintained diff library. Used by the backend (definition
 * history, the check route, module rules) and the command line
 * (`domain-atlas contract-diff`).
 *
 * @packageDocumentation
 */

export * from './contractDiff';
export * from './extensions';
export type {
  DomainAtlasRule,
  RuleContext,
  RuleViolation,
} from '@domain-atlas/plugin-domain-atlas-common';
