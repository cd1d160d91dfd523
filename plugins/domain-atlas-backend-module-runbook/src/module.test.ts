import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// The test starts the real backend plugin with the module.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import domainAtlasPlugin from '@domain-atlas/plugin-domain-atlas-backend';
import { domainAtlasRulesExtensionPoint } from '@domain-atlas/plugin-domain-atlas-node';
import request from 'supertest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { domainAtlasModuleRunbook } from './module';
import { runbookLinkRule } from './runbookRule';

const user = mockCredentials.user.header();

/** A rule module, as a file, whose one rule has the id `id`. */
function clashingRuleModule(id: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'rules-')), 'clash.js');
  const rule = { ...runbookLinkRule, id, evaluate: undefined };
  writeFileSync(
    file,
    `module.exports = { rule: { ...${JSON.stringify(
      rule,
    )}, *evaluate() {} } };\n`,
  );
  return file;
}

const entity = (
  kind: string,
  name: string,
  spec: object,
  metadata: Partial<Entity['metadata']> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, ...metadata },
  spec,
});

const service = (name: string, metadata: Partial<Entity['metadata']> = {}) =>
  entity(
    'Component',
    name,
    {
      type: 'service',
      lifecycle: 'production',
      owner: 'orders-team',
      system: 'orders-system',
    },
    metadata,
  );

/** One domain: a service without a runbook, one with, one waived. */
const entities: Entity[] = [
  entity('Group', 'orders-team', { type: 'team', children: [] }),
  entity('Domain', 'orders', { owner: 'orders-team' }),
  entity('System', 'orders-system', { owner: 'orders-team', domain: 'orders' }),
  service('orders-service'),
  service('orders-worker', {
    links: [{ url: 'https://wiki.acme.io/orders-worker', title: 'Runbook' }],
  }),
  service('orders-web', {
    annotations: {
      'domain-atlas.io/exemptions':
        'runbook-link: paged through orders-service',
    },
  }),
];

async function startBackend(config: object = {}) {
  const { server } = await startTestBackend({
    features: [
      domainAtlasPlugin,
      domainAtlasModuleRunbook,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({ data: config }),
    ],
  });
  return server;
}

const get = (server: any, path: string) =>
  request(server).get(`/api/domain-atlas${path}`).set('Authorization', user);

const runbookFindings = (findings: any[]) =>
  findings
    .filter(finding => finding.rule === 'runbook-link')
    .map(finding => [finding.entities[0], finding.severity, finding.waived]);

describe('the runbook module', () => {
  it('adds a first-class rule: in /rules, /report and /findings, waivable, counted in the score', async () => {
    const server = await startBackend();

    const rules = await get(server, '/rules');
    expect(rules.status).toBe(200);
    expect(JSON.stringify(rules.body)).toContain('runbook-link');
    expect(JSON.stringify(rules.body)).toContain('You build it, you run it');

    const response = await get(server, '/report');
    expect(response.status).toBe(200);
    const report = response.body.report;
    expect(runbookFindings(report.findings)).toEqual([
      ['component:default/orders-service', 'warning', false],
      ['component:default/orders-web', 'warning', true],
    ]);
    expect(report.rules).toContainEqual(
      expect.objectContaining({
        id: 'runbook-link',
        enabled: true,
        severity: 'warning',
      }),
    );
    const [orders] = report.domains;
    expect(orders.findingCounts).toMatchObject({ warning: 1, waived: 1 });

    const findings = await get(server, '/findings?rule=runbook-link');
    expect(findings.status).toBe(200);
    expect(JSON.stringify(findings.body)).toContain(
      'component:default/orders-service runs in production without a runbook',
    );
  });

  it('is configured like a built-in rule: another severity, or off', async () => {
    const relevelled = await startBackend({
      domainAtlas: { rules: { 'runbook-link': { severity: 'error' } } },
    });
    const report = (await get(relevelled, '/report')).body.report;
    expect(runbookFindings(report.findings)).toEqual([
      ['component:default/orders-service', 'error', false],
      ['component:default/orders-web', 'error', true],
    ]);

    const off = await startBackend({
      domainAtlas: { rules: { 'runbook-link': { enabled: false } } },
    });
    const quiet = (await get(off, '/report')).body.report;
    expect(runbookFindings(quiet.findings)).toEqual([]);
    expect(quiet.rules).toContainEqual(
      expect.objectContaining({ id: 'runbook-link', enabled: false }),
    );
  });

  it.each([['runbook-link'], ['single-owner']])(
    'stops the backend at start-up when another rule has the id %s',
    async id => {
      const clash = createBackendModule({
        pluginId: 'domain-atlas',
        moduleId: 'clash',
        register(env) {
          env.registerInit({
            deps: { rules: domainAtlasRulesExtensionPoint },
            async init({ rules }) {
              rules.addRuleModule(clashingRuleModule(id));
            },
          });
        },
      });
      await expect(
        startTestBackend({
          features: [
            domainAtlasPlugin,
            domainAtlasModuleRunbook,
            clash,
            catalogServiceMock.factory({ entities }),
          ],
        }),
      ).rejects.toThrow(`Domain Atlas rule '${id}' is defined twice`);
    },
  );
});
