/**
 * Domain Atlas for Node.js: compares API definitions with each spec type's
 * maintained diff library and classifies the changes. Used by the backend
 * (definition history, the check route) and the command line
 * (`domain-atlas contract-diff`).
 *
 * @packageDocumentation
 */

export * from './contractDiff';
