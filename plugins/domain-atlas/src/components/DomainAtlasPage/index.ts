export { DomainAtlasPage } from './DomainAtlasPage';
