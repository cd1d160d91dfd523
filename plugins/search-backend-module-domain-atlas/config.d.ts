import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  search?: {
    collators?: {
      /**
       * Domain Atlas's domains and contracts in Backstage search
       * (`@domain-atlas/plugin-search-backend-module-domain-atlas`).
       */
      domainAtlas?: {
        /**
         * When the index is rebuilt from the Domain Atlas backend's newest
         * report. Default: every 10 minutes, timeout 15 minutes, first run
         * one minute after start-up.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /**
         * Where an entity's page is, as for the catalog collator
         * (`search.collators.catalog.locationTemplate`), with `:namespace`,
         * `:kind` and `:name`. A domain links to its Domain Atlas tab under
         * it, a contract to its API's page. Default
         * `/catalog/:namespace/:kind/:name`.
         */
        locationTemplate?: string;
      };
    };
  };
}
