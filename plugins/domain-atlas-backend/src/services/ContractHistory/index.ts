export { ContractHistory } from './ContractHistory';
export type { BackfilledDefinition } from './ContractHistory';
export { catalogApisOf } from './catalogApis';
export type { CatalogApi } from './catalogApis';
