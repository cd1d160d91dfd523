import { mockServices } from '@backstage/backend-test-utils';
import { readCatalogConfig } from './readCatalogConfig';

const read = (readTimeout?: unknown) =>
  readCatalogConfig(
    mockServices.rootConfig({
      data:
        readTimeout === undefined
          ? {}
          : { domainAtlas: { catalog: { readTimeout } } },
    }),
  );

describe('readCatalogConfig', () => {
  it.each([
    [undefined, 180_000],
    [{ minutes: 3 }, 180_000],
    [{ seconds: 90, milliseconds: 500 }, 90_500],
    ['45s', 45_000],
    ['PT2M', 120_000],
  ])('reads a read timeout of %p as %p ms', (readTimeout, ms) => {
    expect(read(readTimeout).readTimeoutMs).toBe(ms);
  });

  it.each([
    [{ minuts: 3 }, /not a duration such as \{ minutes: 3 \}/],
    ['three minutes', /not a duration such as/],
    [{ seconds: 0 }, /must be longer than zero/],
  ])('fails start-up on a read timeout of %p', (readTimeout, message) => {
    expect(() => read(readTimeout)).toThrow(
      "Invalid Domain Atlas configuration at 'domainAtlas.catalog.readTimeout'",
    );
    expect(() => read(readTimeout)).toThrow(message);
  });
});
