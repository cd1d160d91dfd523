export { EntityFindingsCard } from './EntityFindingsCard';
