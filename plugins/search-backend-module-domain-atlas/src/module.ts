import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { ContractCollatorFactory, DomainCollatorFactory } from './collators';
import { readCollatorConfig } from './config';
import { DomainAtlasReader } from './DomainAtlasReader';

/**
 * The search backend module that indexes Domain Atlas's domains
 * (`domain-atlas-domain`) and contracts (`domain-atlas-contract`), read
 * from the Domain Atlas backend's HTTP API on the schedule of
 * `search.collators.domainAtlas`.
 *
 * @public
 */
export const searchModuleDomainAtlasCollator = createBackendModule({
  pluginId: 'search',
  moduleId: 'domain-atlas-collator',
  register(env) {
    env.registerInit({
      deps: {
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        scheduler: coreServices.scheduler,
        indexRegistry: searchIndexRegistryExtensionPoint,
      },
      async init({ auth, config, discovery, scheduler, indexRegistry }) {
        const { schedule, locationTemplate } = readCollatorConfig(config);
        const reader = new DomainAtlasReader({ auth, discovery });
        for (const factory of [
          new DomainCollatorFactory({ reader, locationTemplate }),
          new ContractCollatorFactory({ reader, locationTemplate }),
        ]) {
          indexRegistry.addCollator({
            schedule: scheduler.createScheduledTaskRunner(schedule),
            factory,
          });
        }
      },
    });
  },
});
