import type { DomainAtlasReport } from '@domain-atlas/plugin-domain-atlas-common';

/** Growth in entities above which the earlier report is no baseline. */
const GROWTH_RATIO = 1.1;
/** …and above this many entities, so that small catalogs still compare. */
const GROWTH_ENTITIES = 20;

/**
 * Whether the catalog grew so much since the previous report that the
 * previous one was taken while the catalog was still loading (a backend
 * starting next to a catalog that is still ingesting reads 10, then 89,
 * then 123 entities). Compared with such a report everything looks new,
 * and every owner would be told at once; the newer report becomes the
 * baseline instead. A large import is treated the same way.
 */
export function catalogStillLoading(
  previous: DomainAtlasReport,
  next: DomainAtlasReport,
): boolean {
  const before = previous.generatedFrom.entityCount;
  const after = next.generatedFrom.entityCount;
  return after > before * GROWTH_RATIO && after - before > GROWTH_ENTITIES;
}
