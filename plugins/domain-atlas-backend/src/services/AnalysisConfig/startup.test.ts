import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { domainAtlasPlugin } from '../../plugin';

const startWith = (domainAtlas: object) =>
  startTestBackend({
    features: [
      domainAtlasPlugin,
      catalogServiceMock.factory({ entities: [] }),
      mockServices.rootConfig.factory({ data: { domainAtlas } }),
    ],
  });

describe('domainAtlasPlugin start-up', () => {
  it.each<[string, object, string]>([
    [
      'a misspelt key',
      { shedule: { frequency: { minutes: 5 }, timeout: { minutes: 1 } } },
      "Invalid Domain Atlas configuration at 'domainAtlas.shedule': unknown key; did you mean domainAtlas.schedule?",
    ],
    [
      'a negative frequency',
      { schedule: { frequency: { minutes: -5 }, timeout: { minutes: 1 } } },
      "Invalid Domain Atlas configuration at 'domainAtlas.schedule.frequency': { minutes: -5 } is negative",
    ],
  ])('fails on %s, naming the key', async (_, domainAtlas, message) => {
    await expect(startWith(domainAtlas)).rejects.toThrow(message);
  });
});
