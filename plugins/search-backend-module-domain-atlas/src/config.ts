import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';

const CONFIG_KEY = 'search.collators.domainAtlas';

/** What `search.collators.domainAtlas` configures. */
export interface CollatorConfig {
  schedule: SchedulerServiceTaskScheduleDefinition;
  locationTemplate: string;
}

export const DEFAULT_COLLATOR_CONFIG: CollatorConfig = {
  // The Domain Atlas backend computes its first report about 15 seconds
  // after start-up, from whatever the catalog has ingested by then; a
  // minute later there is more to index.
  schedule: {
    frequency: { minutes: 10 },
    timeout: { minutes: 15 },
    initialDelay: { minutes: 1 },
  },
  locationTemplate: '/catalog/:namespace/:kind/:name',
};

/** Reads `search.collators.domainAtlas`, with the defaults for what is not set. */
export function readCollatorConfig(config: RootConfigService): CollatorConfig {
  const block = config.getOptionalConfig(CONFIG_KEY);
  const scheduleConfig = block?.getOptionalConfig('schedule');
  let schedule = DEFAULT_COLLATOR_CONFIG.schedule;
  if (scheduleConfig) {
    try {
      schedule =
        readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig);
    } catch (error) {
      throw new InputError(`Invalid schedule at ${CONFIG_KEY}: ${error}`);
    }
  }
  return {
    schedule,
    locationTemplate:
      block?.getOptionalString('locationTemplate') ??
      DEFAULT_COLLATOR_CONFIG.locationTemplate,
  };
}
