import { ConfigReader } from '@backstage/config';
import { readAnalysisOptionsFromConfig } from './configuredOptions';

const read = (domainAtlas: object, extraRuleIds?: string[]) =>
  readAnalysisOptionsFromConfig(
    new ConfigReader({ domainAtlas }),
    extraRuleIds,
  );

describe('readAnalysisOptionsFromConfig', () => {
  it('reads nothing from an absent block', () => {
    expect(readAnalysisOptionsFromConfig(new ConfigReader({}))).toEqual({});
  });

  it('reads type lists and rule overrides', () => {
    expect(
      read({
        deployableTypes: ['service', 'job'],
        rules: {
          'own-datastore': { severity: 'warning' },
          'repo-per-service': { enabled: false },
        },
      }),
    ).toEqual({
      deployableTypes: ['service', 'job'],
      rules: {
        'own-datastore': { severity: 'warning', enabled: undefined },
        'repo-per-service': { enabled: false, severity: undefined },
      },
    });
  });

  it('names the key of an invalid value', () => {
    expect(() =>
      read({ rules: { 'own-datastore': { severity: 'fatal' } } }),
    ).toThrow(
      "Invalid Domain Atlas configuration at 'domainAtlas.rules.own-datastore.severity': 'fatal' is not one of error, warning, info",
    );
    expect(() => read({ rules: { 'no-such-rule': {} } })).toThrow(
      /'domainAtlas.rules.no-such-rule': no rule has this id; rules are .*own-datastore/,
    );
    expect(() => read({ cacheTypes: ['cache', ' '] })).toThrow(
      "Invalid Domain Atlas configuration at 'domainAtlas.cacheTypes': entity types must not be empty",
    );
    expect(() =>
      read({ rules: { 'own-datastore': { enabled: 'maybe' } } }),
    ).toThrow(/domainAtlas.rules.own-datastore.enabled/);
  });

  it('accepts rules added by backend modules', () => {
    expect(
      read({ rules: { 'team-size': { severity: 'info' } } }, ['team-size'])
        .rules,
    ).toEqual({
      'team-size': { severity: 'info', enabled: undefined },
    });
  });
});
