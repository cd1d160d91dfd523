import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CatalogReader, CatalogReadError } from './CatalogReader';

const component = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name },
  spec: {},
});

/** A stream that yields `pages` and then never answers again. */
function stallingStream(pages: Entity[][]) {
  const state = { returned: false };
  let index = 0;
  const stream: AsyncIterable<Entity[]> = {
    [Symbol.asyncIterator]: () => ({
      next: () =>
        index < pages.length
          ? Promise.resolve({ done: false, value: pages[index++] })
          : new Promise<IteratorResult<Entity[]>>(() => {}),
      return: async () => {
        state.returned = true;
        return { done: true, value: undefined };
      },
    }),
  };
  return { stream, state };
}

function readerOf(
  streamEntities: ReturnType<typeof catalogServiceMock>['streamEntities'],
  timeoutMs = 1000,
) {
  const catalog = catalogServiceMock();
  catalog.streamEntities = streamEntities;
  return new CatalogReader({ catalog, auth: mockServices.auth(), timeoutMs });
}

describe('CatalogReader', () => {
  it('reads every page of the catalog', async () => {
    const entities = Array.from({ length: 1200 }, (_, i) => component(`c${i}`));
    const catalog = catalogServiceMock({ entities });
    const reader = new CatalogReader({
      catalog,
      auth: mockServices.auth(),
      timeoutMs: 1000,
    });
    expect(await reader.readAll()).toHaveLength(1200);
  });

  it('abandons a read that does not finish in time, saying how far it got', async () => {
    const { stream, state } = stallingStream([
      [component('a'), component('b')],
    ]);
    const reader = readerOf(() => stream, 50);

    const read = reader.readAll();
    await expect(read).rejects.toThrow(CatalogReadError);
    await expect(read).rejects.toThrow(
      'The catalog did not answer within 50 ms (2 entities read); the read was abandoned',
    );
    expect(state.returned).toBe(true);
  });

  it('names the catalog in a failed read', async () => {
    const reader = readerOf(() =>
      // eslint-disable-next-line require-yield
      (async function* failing() {
        throw new Error('connect ECONNREFUSED 127.0.0.1:7007');
      })(),
    );
    await expect(reader.readAll()).rejects.toThrow(
      'The catalog could not be read: Error: connect ECONNREFUSED 127.0.0.1:7007',
    );
  });
});
