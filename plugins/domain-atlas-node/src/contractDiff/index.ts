export { compareDefinitions, comparableType } from './compareDefinitions';
export type { CompareDefinitionsOptions } from './compareDefinitions';
export { definitionText, DEFAULT_MAX_DEFINITION_SIZE } from './parseDefinition';
export type { ComparableType } from './types';
