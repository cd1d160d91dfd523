/*
 * Rules declared in app-config (`domainAtlas.customRules`), through a real
 * backend: read at start-up, evaluated with the built-in rules, served
 * like them.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { domainAtlasPlugin } from './plugin';
import { entity, organisation } from './testing/testCatalog';

const user = mockCredentials.user.header();

/** Production services say which system they belong to. */
const serviceInSystem = {
  id: 'service-in-system',
  principle: 'Teams own domains',
  description: 'A production service names its System',
  severity: 'error',
  filter: { kind: 'Component', type: 'service', lifecycle: 'production' },
  require: { spec: { field: 'system' } },
};

function startWith(domainAtlas: object) {
  return startTestBackend({
    features: [
      domainAtlasPlugin,
      catalogServiceMock.factory({
        entities: [
          ...organisation,
          // Belongs to no system, so to no domain.
          entity('Component', 'stray-service', {
            type: 'service',
            owner: 'orders-team',
            lifecycle: 'production',
          }),
          // Not a production service: the rule does not look at it.
          entity('Component', 'stray-prototype', {
            type: 'service',
            owner: 'orders-team',
            lifecycle: 'experimental',
          }),
        ],
      }),
      mockServices.rootConfig.factory({ data: { domainAtlas } }),
    ],
  });
}

describe('domainAtlasPlugin with rules in app-config', () => {
  it('reports their findings and lists them with the other rules', async () => {
    const { server } = await startWith({ customRules: [serviceInSystem] });

    const findings = await request(server)
      .get('/api/domain-atlas/findings?rule=service-in-system')
      .set('Authorization', user);
    expect(findings.status).toBe(200);
    expect(findings.body.items).toEqual([
      expect.objectContaining({
        id: 'service-in-system:unassigned:component:default/stray-service',
        rule: 'service-in-system',
        severity: 'error',
        domain: null,
        entities: ['component:default/stray-service'],
        message: 'component:default/stray-service has no spec.system',
        waived: false,
      }),
    ]);

    const report = await request(server)
      .get('/api/domain-atlas/report')
      .set('Authorization', user);
    expect(
      report.body.report.findings.filter(
        (finding: { rule: string }) => finding.rule === 'service-in-system',
      ),
    ).toHaveLength(1);

    const rules = await request(server)
      .get('/api/domain-atlas/rules')
      .set('Authorization', user);
    expect(rules.body.items).toContainEqual({
      id: 'service-in-system',
      principle: 'Teams own domains',
      description: 'A production service names its System',
      defaultSeverity: 'error',
      severity: 'error',
      enabled: true,
    });
  });

  it('configures them in domainAtlas.rules like the others', async () => {
    const { server } = await startWith({
      customRules: [serviceInSystem],
      rules: { 'service-in-system': { severity: 'info' } },
    });
    const findings = await request(server)
      .get('/api/domain-atlas/findings?rule=service-in-system')
      .set('Authorization', user);
    expect(findings.body.items.map((f: any) => f.severity)).toEqual(['info']);
  });

  it.each<[string, object, string]>([
    [
      'a bad pattern',
      {
        ...serviceInSystem,
        require: { annotation: { key: 'tier', pattern: '[' } },
      },
      "Invalid Domain Atlas configuration at 'domainAtlas.customRules[0].require.annotation.pattern': not a valid regular expression",
    ],
    [
      'the id of a built-in rule',
      { ...serviceInSystem, id: 'single-owner' },
      "Invalid Domain Atlas configuration at 'domainAtlas.customRules[0].id': 'single-owner' is already the id of a built-in rule",
    ],
    [
      'two requirements',
      {
        ...serviceInSystem,
        require: { description: true, tag: 'java' },
      },
      "Invalid Domain Atlas configuration at 'domainAtlas.customRules[0].require': give exactly one requirement, not description and tag",
    ],
    [
      'a misspelt requirement',
      { ...serviceInSystem, require: { anotation: { key: 'tier' } } },
      "Invalid Domain Atlas configuration at 'domainAtlas.customRules[0].require.anotation': unknown key; did you mean domainAtlas.customRules[0].require.annotation?",
    ],
  ])('fails to start on %s, naming the key', async (_, rule, message) => {
    await expect(startWith({ customRules: [rule] })).rejects.toThrow(message);
  });
});
