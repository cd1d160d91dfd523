export { DomainPhaseCard } from './DomainPhaseCard';
