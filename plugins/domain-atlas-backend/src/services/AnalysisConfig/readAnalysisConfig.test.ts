import { resolve } from 'node:path';
import {
  mockServices,
  ServiceFactoryTester,
} from '@backstage/backend-test-utils';
import { rootConfigServiceFactory } from '@backstage/backend-defaults/rootConfig';
import { readAnalysisConfig } from './readAnalysisConfig';

const read = (domainAtlas: object) =>
  readAnalysisConfig(mockServices.rootConfig({ data: { domainAtlas } }));

const schedule = (fields: object) => ({
  schedule: { frequency: { minutes: 5 }, timeout: { minutes: 1 }, ...fields },
});

describe('readAnalysisConfig', () => {
  it.each<[string, object, string | RegExp]>([
    [
      'a negative frequency',
      schedule({ frequency: { minutes: -5 } }),
      "Invalid Domain Atlas configuration at 'domainAtlas.schedule.frequency': { minutes: -5 } is negative; expected a positive duration such as { minutes: 30 }",
    ],
    [
      'a negative frequency written as text',
      schedule({ frequency: '-5m' }),
      "at 'domainAtlas.schedule.frequency': '-5m' is negative",
    ],
    [
      'a zero timeout',
      schedule({ timeout: { minutes: 0 } }),
      "Invalid Domain Atlas configuration at 'domainAtlas.schedule.timeout': { minutes: 0 } is zero; expected a positive duration such as { minutes: 10 }",
    ],
    [
      'a zero timeout written as an ISO duration',
      schedule({ timeout: 'PT0S' }),
      "at 'domainAtlas.schedule.timeout': 'PT0S' is zero",
    ],
    [
      'a negative initial delay',
      schedule({ initialDelay: { seconds: -1 } }),
      /at 'domainAtlas.schedule.initialDelay': \{ seconds: -1 \} is negative; .*\{ seconds: 0 \} to start at once/,
    ],
    [
      'an invalid cron expression',
      schedule({ frequency: { cron: '61 * * * *' } }),
      "Invalid Domain Atlas configuration at 'domainAtlas.schedule.frequency.cron': '61 * * * *' is not a cron expression (Field value (61) is out of range); expected five fields (minute, hour, day of month, month, day of week), optionally after a seconds field, e.g. { cron: '*/5 * * * *' }",
    ],
    [
      'a cron expression with too few fields',
      schedule({ frequency: { cron: '*/5 * *' } }),
      "at 'domainAtlas.schedule.frequency.cron': '*/5 * *' is not a cron expression (Too few fields)",
    ],
    [
      'a cron expression not under cron',
      schedule({ frequency: '*/5 * * * *' }),
      "at 'domainAtlas.schedule.frequency': '*/5 * * * *' is a cron expression, which goes under cron: { cron: '*/5 * * * *' }",
    ],
    [
      'frequency: banana',
      schedule({ frequency: 'banana' }),
      "Invalid Domain Atlas configuration at 'domainAtlas.schedule.frequency': 'banana' is not a duration; expected a positive duration such as { minutes: 30 }, '30m' or 'PT30M', a cron schedule such as { cron: '*/5 * * * *' } (every 5 minutes), or { trigger: manual }",
    ],
    [
      'a number without a unit',
      schedule({ timeout: 30 }),
      "at 'domainAtlas.schedule.timeout': 30 is not a duration; expected a positive duration such as { minutes: 10 }, '10m' or 'PT10M'",
    ],
    [
      'a misspelt unit',
      schedule({ frequency: { minuts: 5 } }),
      "at 'domainAtlas.schedule.frequency.minuts': unknown key; did you mean domainAtlas.schedule.frequency.minutes?",
    ],
    [
      'a trigger other than manual',
      schedule({ frequency: { trigger: 'hourly' } }),
      "at 'domainAtlas.schedule.frequency.trigger': 'hourly' is not a trigger",
    ],
    [
      'a schedule without a timeout',
      { schedule: { frequency: { minutes: 5 } } },
      "at 'domainAtlas.schedule.timeout': missing; expected a positive duration such as { minutes: 10 }",
    ],
    [
      'an unknown scope',
      schedule({ scope: 'cluster' }),
      "at 'domainAtlas.schedule.scope': 'cluster' is not a scope",
    ],
    [
      'a misspelt schedule',
      { shedule: { frequency: { minutes: 5 } } },
      "Invalid Domain Atlas configuration at 'domainAtlas.shedule': unknown key; did you mean domainAtlas.schedule?",
    ],
    [
      'a misspelt key inside the schedule',
      schedule({ timout: { minutes: 1 } }),
      "at 'domainAtlas.schedule.timout': unknown key; did you mean domainAtlas.schedule.timeout?",
    ],
    [
      'a misspelt nested key',
      { history: { retentionDay: 30 } },
      "Invalid Domain Atlas configuration at 'domainAtlas.history.retentionDay': unknown key; did you mean domainAtlas.history.retentionDays?",
    ],
    [
      'a key at the wrong level',
      { retentionDays: 30 },
      "at 'domainAtlas.retentionDays': unknown key; did you mean domainAtlas.history.retentionDays?",
    ],
    [
      'a misspelt key inside a rule',
      { rules: { 'own-datastore': { enabeld: false } } },
      "at 'domainAtlas.rules.own-datastore.enabeld': unknown key; did you mean domainAtlas.rules.own-datastore.enabled?",
    ],
    [
      'a misspelt key inside a backfill entry',
      {
        contractHistory: {
          backfill: [
            {
              api: 'orders-api',
              definition: '{}',
              seenAt: '2026-09-01',
              verison: '1.0.0',
            },
          ],
        },
      },
      "at 'domainAtlas.contractHistory.backfill[0].verison': unknown key; did you mean domainAtlas.contractHistory.backfill[0].version?",
    ],
    [
      'a key like no other',
      { banana: true },
      "at 'domainAtlas.banana': unknown key; domainAtlas accepts asyncApiTypes, cacheTypes,",
    ],
    [
      'several unknown keys, each on its line',
      { shedule: {}, deployableType: ['service'] },
      "Invalid Domain Atlas configuration at 'domainAtlas.shedule': unknown key; did you mean domainAtlas.schedule?\nInvalid Domain Atlas configuration at 'domainAtlas.deployableType': unknown key; did you mean domainAtlas.deployableTypes?",
    ],
  ])('fails on %s, naming the key', (_, domainAtlas, message) => {
    expect(() => read(domainAtlas)).toThrow(message);
  });

  it.each<[string, object, object]>([
    [
      'durations as objects',
      schedule({ initialDelay: { seconds: 15 }, scope: 'global' }),
      {
        frequency: { minutes: 5 },
        timeout: { minutes: 1 },
        initialDelay: { seconds: 15 },
        scope: 'global',
      },
    ],
    [
      'durations as text',
      schedule({ frequency: '5m', timeout: 'PT1M', initialDelay: '1 hour' }),
      {
        frequency: { minutes: 5 },
        timeout: { minutes: 1 },
        initialDelay: { hours: 1 },
      },
    ],
    [
      'a zero initial delay, to start at once',
      schedule({ initialDelay: { seconds: 0 } }),
      {
        frequency: { minutes: 5 },
        timeout: { minutes: 1 },
        initialDelay: { seconds: 0 },
      },
    ],
    [
      'a cron schedule',
      schedule({ frequency: { cron: '*/5 * * * *' } }),
      { frequency: { cron: '*/5 * * * *' }, timeout: { minutes: 1 } },
    ],
    [
      'a cron schedule with seconds',
      schedule({ frequency: { cron: '0 */5 * * * *' } }),
      { frequency: { cron: '0 */5 * * * *' }, timeout: { minutes: 1 } },
    ],
    [
      'a manual trigger',
      schedule({ frequency: { trigger: 'manual' } }),
      { frequency: { trigger: 'manual' }, timeout: { minutes: 1 } },
    ],
    [
      'no schedule, by the default',
      {},
      {
        frequency: { minutes: 30 },
        timeout: { minutes: 10 },
        initialDelay: { seconds: 15 },
      },
    ],
  ])('accepts %s', (_, domainAtlas, expected) => {
    expect(read(domainAtlas).schedule).toEqual(expected);
  });

  it('accepts every documented key', () => {
    const config = read({
      ...schedule({}),
      history: { retentionDays: 30, snapshotsToKeep: 3 },
      contractHistory: {
        backfill: [
          {
            api: 'orders-api',
            definition: 'openapi: 3.0.0',
            seenAt: '2026-09-01',
            version: '1.0.0',
          },
        ],
      },
      rules: { 'own-datastore': { enabled: true, severity: 'warning' } },
      deployableTypes: ['service'],
      datastoreTypes: ['database'],
      cacheTypes: ['cache'],
      syncApiTypes: ['openapi'],
      asyncApiTypes: ['asyncapi'],
      gatewayTypes: ['gateway'],
      libraryTypes: ['library'],
      contractLibraryTypes: ['contract'],
    });
    expect(config).toMatchObject({
      retentionDays: 30,
      snapshotsToKeep: 3,
      contractBackfill: [
        expect.objectContaining({ api: 'api:default/orders-api' }),
      ],
    });
  });

  it("accepts the demo's app-config.yaml, read as the backend reads it", async () => {
    const appConfig = resolve(__dirname, '../../../../../app-config.yaml');
    const rootConfig = await ServiceFactoryTester.from(
      rootConfigServiceFactory({
        argv: ['--config', appConfig],
        watch: false,
      }),
    ).getSubject();

    const config = readAnalysisConfig(rootConfig);

    expect(config.schedule).toEqual({
      frequency: { minutes: 1 },
      timeout: { minutes: 5 },
      initialDelay: { seconds: 15 },
    });
    expect(config.contractBackfill).toEqual([
      expect.objectContaining({ api: 'api:default/orders-api-v2' }),
    ]);
  });
});
