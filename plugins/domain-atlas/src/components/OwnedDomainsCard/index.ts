export { OwnedDomainsCard } from './OwnedDomainsCard';
