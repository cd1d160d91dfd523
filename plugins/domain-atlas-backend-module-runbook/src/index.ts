/**
 * An example Domain Atlas rule module: production services have a
 * runbook or an on-call link.
 *
 * The backend module is the default export (`backend.add(import(…))`);
 * the rule itself is exported too, for the command line
 * (`domain-atlas check --rules <this package>`).
 *
 * @packageDocumentation
 */

export { domainAtlasModuleRunbook as default } from './module';
export { runbookLinkRule } from './runbookRule';
