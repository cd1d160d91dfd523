/**
 * A search backend module that indexes Domain Atlas's domains and
 * contracts, so that Backstage search finds them; results follow the
 * catalog's read permission.
 *
 * @packageDocumentation
 */

export { searchModuleDomainAtlasCollator as default } from './module';
