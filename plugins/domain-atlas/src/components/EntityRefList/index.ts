export { BreakableRef, EntityRefList } from './EntityRefList';
