export { ContractService } from './ContractService';
export { ContractChecksBusyError } from './contractCheckErrors';
export { readContractCheckConfig } from './readContractCheckConfig';
export type { ContractCheckConfig } from './readContractCheckConfig';
