/**
 * The Domain Atlas backend plugin: reads the software catalog, runs the
 * Domain Atlas analysis and serves it under `/api/domain-atlas`.
 *
 * @packageDocumentation
 */

export { domainAtlasPlugin as default } from './plugin';
