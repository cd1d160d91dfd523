export { OwnershipMatrix } from './OwnershipMatrix';
