export { DomainIsolationCard } from './DomainIsolationCard';
