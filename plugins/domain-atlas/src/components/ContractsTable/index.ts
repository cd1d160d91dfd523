export { ContractsTable } from './ContractsTable';
