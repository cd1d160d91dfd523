import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { domainAtlasRulesExtensionPoint } from '@domain-atlas/plugin-domain-atlas-node';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { domainAtlasPlugin } from './plugin';
import { changingCatalog, entity, organisation } from './testing/testCatalog';

jest.setTimeout(60_000);

const user = mockCredentials.user.header();

/**
 * A rule module whose rule misbehaves, but only in a catalog with a
 * component named `trigger-…` (start-up checks the rules on an empty
 * catalog): `trigger-oom` grows its heap until it runs out,
 * `trigger-exit` ends its thread the way a native crash would. With a file
 * `throw-on-load` next to it, it throws as the worker loads it.
 */
const RULE_MODULE = `
// Throws as it loads in a worker once the test asks it to, as a module
// whose dependency went missing would.
if (!require('node:worker_threads').isMainThread &&
    require('node:fs').existsSync(__dirname + '/throw-on-load')) {
  throw new Error('cannot load this');
}
exports.misbehaving = {
  id: 'misbehaving',
  principle: 'Test',
  description: 'Misbehaves when the catalog has a component named trigger-….',
  defaultSeverity: 'info',
  *evaluate({ catalog }) {
    const names = catalog.ofKind('component').map(c => c.name);
    if (names.includes('trigger-exit')) process.exit(3);

    if (!names.includes('trigger-oom')) return;
    const hoard = [];
    for (;;) hoard.push(new Array(1e6).fill(hoard.length));
  },
};
`;

const directory = mkdtempSync(join(tmpdir(), 'domain-atlas-worker-'));
const ruleModule = join(directory, 'misbehaving.js');
beforeAll(() => writeFileSync(ruleModule, RULE_MODULE));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

async function startBackend() {
  const catalog = changingCatalog(organisation);
  const rules = createBackendModule({
    pluginId: 'domain-atlas',
    moduleId: 'misbehaving-rules',
    register(env) {
      env.registerInit({
        deps: { rules: domainAtlasRulesExtensionPoint },
        async init({ rules: extension }) {
          extension.addRuleModule(ruleModule);
        },
      });
    },
  });
  const { server } = await startTestBackend({
    features: [
      domainAtlasPlugin,
      rules,
      catalog.factory,
      mockServices.rootConfig.factory({
        data: { domainAtlas: { refresh: { maxMemoryMb: 64 } } },
      }),
    ],
  });
  const get = (path: string) =>
    request(server).get(`/api/domain-atlas${path}`).set('Authorization', user);
  const refresh = () =>
    request(server)
      .post('/api/domain-atlas/refresh')
      .set('Authorization', user);
  return { get, refresh, catalog: catalog.state };
}

const withTrigger = (name: string) => [
  ...organisation,
  entity('Component', name, {
    type: 'service',
    lifecycle: 'production',
    owner: 'orders-team',
    system: 'orders-system',
  }),
];

describe('domainAtlasPlugin when a refresh worker fails', () => {
  it.each([
    [
      'runs out of memory',
      'trigger-oom',
      'The analysis needed more than 64 MB of memory and was stopped (domainAtlas.refresh.maxMemoryMb)',
    ],
    [
      'throws',
      'throw-on-load',
      `The analysis failed: Domain Atlas cannot load the rule module ${ruleModule}: cannot load this`,
    ],
    [
      'stops dead',
      'trigger-exit',
      'The analysis stopped (exit code 3) before it finished',
    ],
  ])(
    'records a refresh whose worker %s as failed, and keeps serving the last good report',
    async (_what, trigger, reason) => {
      const { get, refresh, catalog } = await startBackend();
      const before = await get('/domains');
      expect(before.status).toBe(200);
      const good = await get('/status');
      expect(good.body.stale).toBe(false);

      if (trigger === 'throw-on-load') {
        writeFileSync(join(directory, trigger), '');
      }
      catalog.entities = withTrigger(trigger);
      const failed = await refresh();
      expect(failed.status).toBe(503);
      expect(failed.body.error.message).toBe(
        `Refresh failed, the last good snapshot stays in use: ${reason}`,
      );

      // The backend is alive and serves the last good report, saying why
      // it is stale.
      const after = await get('/domains');
      expect(after.status).toBe(200);
      expect(after.body).toEqual(before.body);
      expect((await get('/status')).body).toMatchObject({
        snapshotId: good.body.snapshotId,
        stale: true,
        staleReason: `The last refresh failed: ${reason}`,
        lastRefresh: { status: 'failed', error: reason },
      });

      // Once nothing triggers it, refreshes succeed again.
      rmSync(join(directory, 'throw-on-load'), { force: true });
      catalog.entities = organisation;
      expect((await refresh()).body.status).toBe('succeeded');
      expect((await get('/status')).body.stale).toBe(false);
    },
  );
});
