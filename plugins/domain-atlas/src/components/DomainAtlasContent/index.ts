export { DomainAtlasContent } from './DomainAtlasContent';
