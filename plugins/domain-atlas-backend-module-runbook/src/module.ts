import { createBackendModule } from '@backstage/backend-plugin-api';
import { domainAtlasRulesExtensionPoint } from '@domain-atlas/plugin-domain-atlas-node';

/**
 * Adds the `runbook-link` rule to Domain Atlas.
 *
 * @public
 */
export const domainAtlasModuleRunbook = createBackendModule({
  pluginId: 'domain-atlas',
  moduleId: 'runbook',
  register(env) {
    env.registerInit({
      deps: { rules: domainAtlasRulesExtensionPoint },
      async init({ rules }) {
        // The rule runs in the refresh's worker thread, which loads it
        // from this package (its index exports it), as the CLI's --rules.
        rules.addRuleModule(
          '@domain-atlas/plugin-domain-atlas-backend-module-runbook',
        );
      },
    });
  },
});
