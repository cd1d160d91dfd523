export { ContractVersionsCard } from './ContractVersionsCard';
