export { ContractHistory } from './ContractHistory';
export type { BackfilledDefinition } from './ContractHistory';
