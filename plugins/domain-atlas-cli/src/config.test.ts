import { ConfigReader } from '@backstage/config';
import { analysisOptionsFromConfig, readConfigFiles } from './config';
import { CliInputError } from './errors';
import { writeTempTree } from './__testUtils__/fixtures';

const fromData = (data: object) =>
  analysisOptionsFromConfig(new ConfigReader(data as any, 'app-config.yaml'));

const problem = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CliInputError);
    return (error as Error).message;
  }
  throw new Error('expected an error');
};

describe('analysisOptionsFromConfig', () => {
  it('reads type lists and rule overrides from the domainAtlas block', () => {
    expect(
      fromData({
        domainAtlas: {
          schedule: { frequency: { minutes: 5 } }, // the backend's, ignored
          deployableTypes: ['service', 'job'],
          gatewayTypes: ['edge'],
          rules: {
            'repo-per-service': { enabled: false },
            'events-between-domains': { severity: 'error' },
          },
        },
      }),
    ).toEqual({
      deployableTypes: ['service', 'job'],
      gatewayTypes: ['edge'],
      rules: {
        'repo-per-service': { enabled: false, severity: undefined },
        'events-between-domains': { enabled: undefined, severity: 'error' },
      },
    });
  });

  it('gives no options without a domainAtlas block', () => {
    expect(fromData({ app: { title: 'x' } })).toEqual({});
  });

  it.each([
    [
      { rules: { 'no-such-rule': { enabled: false } } },
      "Invalid Domain Atlas configuration at 'domainAtlas.rules.no-such-rule': no rule has this id",
    ],
    [
      { rules: { 'own-datastore': { severity: 'fatal' } } },
      "Invalid Domain Atlas configuration at 'domainAtlas.rules.own-datastore.severity': 'fatal' is not one of error, warning, info",
    ],
    [
      { rules: { 'own-datastore': { enabled: 'sometimes' } } },
      "key 'domainAtlas.rules.own-datastore.enabled'",
    ],
    [{ cacheTypes: 'cache' }, "key 'domainAtlas.cacheTypes'"],
    [
      { libraryTypes: ['library', ' '] },
      "Invalid Domain Atlas configuration at 'domainAtlas.libraryTypes': entity types must not be empty",
    ],
  ])('rejects %j naming the key', (domainAtlas, message) => {
    expect(problem(() => fromData({ domainAtlas }))).toContain(message);
  });
});

describe('readConfigFiles', () => {
  it('merges several files, later ones winning', async () => {
    const { dir, cleanup } = await writeTempTree({
      'app-config.yaml':
        'domainAtlas:\n  cacheTypes: [cache]\n  rules:\n    own-datastore: { severity: warning }\n    no-shared-cache: { enabled: false }\n',
      'app-config.local.yaml':
        'domainAtlas:\n  cacheTypes: [redis]\n  rules:\n    own-datastore: { severity: info }\n',
    });
    try {
      expect(
        await readConfigFiles(
          ['app-config.yaml', 'app-config.local.yaml'],
          dir,
        ),
      ).toEqual({
        cacheTypes: ['redis'],
        rules: {
          'own-datastore': { enabled: undefined, severity: 'info' },
          'no-shared-cache': { enabled: false, severity: undefined },
        },
      });
    } finally {
      await cleanup();
    }
  });

  it('names a missing file and the line of invalid YAML', async () => {
    const { dir, cleanup } = await writeTempTree({
      'broken.yaml': 'domainAtlas:\n  rules: [\n',
    });
    try {
      await expect(readConfigFiles(['nope.yaml'], dir)).rejects.toThrow(
        'nope.yaml: no such file',
      );
      await expect(readConfigFiles(['broken.yaml'], dir)).rejects.toThrow(
        /^broken\.yaml:\d+:\d+: invalid YAML: /,
      );
    } finally {
      await cleanup();
    }
  });
});
