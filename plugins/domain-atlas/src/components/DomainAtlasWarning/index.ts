export { DomainAtlasWarning } from './DomainAtlasWarning';
