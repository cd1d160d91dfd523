export { ContractService } from './ContractService';
