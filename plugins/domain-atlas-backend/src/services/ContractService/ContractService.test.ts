import { analyze } from '@domain-atlas/plugin-domain-atlas-common';
import { ContractRevisionStore, StoredRevision } from '../../database';
import { ContractService } from './ContractService';

const definition = (version: string) =>
  `openapi: 3.0.3\ninfo: { title: Orders, version: ${version} }\npaths: {}\n`;

const report = analyze([
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: { name: 'orders-api' },
    spec: {
      type: 'openapi',
      lifecycle: 'production',
      definition: definition('1.0.0'),
    },
  },
]);

const revision: StoredRevision = {
  id: 1,
  apiRef: 'api:default/orders-api',
  previousId: 0,
  hash: 'h',
  type: 'openapi',
  version: '1.0.0',
  firstSeen: new Date('2026-11-01T00:00:00Z'),
  lastSeen: new Date('2026-11-01T00:00:00Z'),
  change: null,
};

/** A store whose definition reads wait until the test lets them go. */
function slowStore() {
  const waiting: Array<() => void> = [];
  const store: ContractRevisionStore = {
    getLatestRevisions: async () => [revision],
    getRevisions: async () => [revision],
    getDefinition: () =>
      new Promise(resolve => waiting.push(() => resolve(definition('1.0.0')))),
    addRevisions: async () => 0,
    markSeen: async () => {},
  };
  return { store, release: () => waiting.splice(0).forEach(go => go()) };
}

describe('ContractService', () => {
  it('answers 503 instead of running more than two candidate checks at once', async () => {
    const { store, release } = slowStore();
    const service = new ContractService({ store, maxDefinitionSize: 1 << 20 });
    const check = () =>
      service.check(report, 'api:default/orders-api', definition('1.1.0'));

    const first = check();
    const second = check();
    await expect(check()).rejects.toThrow(
      'Domain Atlas is already comparing 2 definitions; try again in a moment',
    );
    await new Promise(resolve => setImmediate(resolve));
    release();
    await expect(first).resolves.toMatchObject({
      diff: { classification: 'non-breaking' },
    });
    await expect(second).resolves.toMatchObject({ breaks: [] });
    // Once they are done, checks run again.
    const third = check();
    await new Promise(resolve => setImmediate(resolve));
    release();
    await expect(third).resolves.toMatchObject({
      diff: { toVersion: '1.1.0' },
    });
  });
});
