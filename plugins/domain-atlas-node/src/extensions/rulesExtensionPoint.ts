import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { DomainAtlasRule } from '@domain-atlas/plugin-domain-atlas-common';

/**
 * What a backend module gets from {@link domainAtlasRulesExtensionPoint}.
 *
 * @public
 */
export interface DomainAtlasRulesExtensionPoint {
  /**
   * Adds rules to the analysis. They are first-class rules: listed by
   * `GET /rules` and on the Rules tab, configurable in `domainAtlas.rules`
   * (off, or another severity), waivable with `domain-atlas.io/exemptions`,
   * and counted in the score. Ids must be unique: a clash with a built-in
   * rule or another module's rule stops the backend at start-up.
   */
  addRules(...rules: Array<DomainAtlasRule | Array<DomainAtlasRule>>): void;
}

/**
 * The extension point through which backend modules add their own
 * rules to Domain Atlas, the way the catalog's modules add processors.
 *
 * @example
 * ```ts
 * export default createBackendModule({
 *   pluginId: 'domain-atlas',
 *   moduleId: 'my-rules',
 *   register(env) {
 *     env.registerInit({
 *       deps: { rules: domainAtlasRulesExtensionPoint },
 *       async init({ rules }) {
 *         rules.addRules(myRule);
 *       },
 *     });
 *   },
 * });
 * ```
 *
 * @public
 */
export const domainAtlasRulesExtensionPoint =
  createExtensionPoint<DomainAtlasRulesExtensionPoint>({
    id: 'domain-atlas.rules',
  });
