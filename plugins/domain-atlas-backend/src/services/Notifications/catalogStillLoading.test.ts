import type { DomainAtlasReport } from '@domain-atlas/plugin-domain-atlas-common';
import { catalogStillLoading } from './catalogStillLoading';

const report = (entityCount: number) =>
  ({ generatedFrom: { entityCount } } as DomainAtlasReport);

describe('catalogStillLoading', () => {
  it.each([
    [10, 123, true],
    [89, 123, true],
    [123, 123, false],
    [123, 125, false],
    // Small catalogs compare: a few new entities are news.
    [8, 12, false],
    // A shrinking catalog compares (the refresh holds back large drops).
    [123, 100, false],
  ])('%i entities, then %i: %s', (before, after, loading) => {
    expect(catalogStillLoading(report(before), report(after))).toBe(loading);
  });
});
