export { DomainsTable } from './DomainsTable';
