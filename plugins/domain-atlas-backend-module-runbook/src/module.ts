import { createBackendModule } from '@backstage/backend-plugin-api';
import { domainAtlasRulesExtensionPoint } from '@domain-atlas/plugin-domain-atlas-node';
import { runbookLinkRule } from './runbookRule';

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
        rules.addRules(runbookLinkRule);
      },
    });
  },
});
