import { createExtensionPoint } from '@backstage/backend-plugin-api';

/**
 * What a backend module gets from {@link domainAtlasRulesExtensionPoint}.
 *
 * @public
 */
export interface DomainAtlasRulesExtensionPoint {
  /**
   * Adds the rules that a module exports (see {@link rulesExportedBy}):
   * give an installed package's name (whose main module exports them), or
   * an absolute path such as the rules file's own `__filename`. (Not
   * `require.resolve('./myRules')`: built packages name their files
   * `*.cjs.js`.) The module is loaded where the analysis runs,
   * in a worker thread of its own, so that a large catalog's analysis never
   * holds up the backend; rules are plain objects and functions and cannot
   * be handed over to that thread, their module can. It is the same module
   * the CLI loads with `--rules`, so CI gates and the portal agree.
   *
   * Module rules are first-class rules: listed by `GET /rules` and on the
   * Rules tab, configurable in `domainAtlas.rules` (off, or another
   * severity), waivable with `domain-atlas.io/exemptions`, and counted in
   * the score. Ids must be unique: a clash with a built-in rule or another
   * module's rule, or a module that does not load or exports no rule,
   * stops the backend at start-up.
   */
  addRuleModule(module: string): void;
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
 *         // ./myRules exports `myRule`, a DomainAtlasRule
 *         rules.addRuleModule(require.resolve('./myRules'));
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
