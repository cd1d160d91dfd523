export { DomainContractsTable } from './DomainContractsTable';
