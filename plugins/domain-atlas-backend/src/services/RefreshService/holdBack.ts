import { Entity } from '@backstage/catalog-model';

/**
 * How far two reads may differ and still agree: 10% of the larger count.
 * A catalog that really shrank reads about the same twice; one that is
 * ingesting, or half-answering, does not.
 */
export const AGREEMENT_TOLERANCE = 0.1;

/** What one catalog read returned, for judging it. */
export interface CatalogRead {
  entityCount: number;
  /**
   * Entities other than Location entities. The catalog shows a Location
   * before it has read what the Location points to, so a catalog of
   * Locations only has not finished its first processing round.
   */
  contentCount: number;
}

/** The read as the report is judged against. */
export interface ReadHistory {
  /** Entities in the newest stored report, when there is one. */
  baseline?: number;
  /**
   * Entities of the refresh before, when it was held back (and is newer
   * than the baseline report).
   */
  previousHeld?: number;
}

/** Whether a read becomes the new report, and why not. */
export type ReadVerdict =
  | { hold: false; confirmed: boolean }
  | { hold: true; reason: string };

/** Counts a read's (or one page's) entities, for {@link assessRead}. */
export function catalogReadOf(entities: Entity[]): CatalogRead {
  const locations = entities.filter(
    entity => String(entity?.kind).toLocaleLowerCase('en-US') === 'location',
  ).length;
  return {
    entityCount: entities.length,
    contentCount: entities.length - locations,
  };
}

/** Whether two reads' entity counts agree within the tolerance. */
export function countsAgree(a: number, b: number): boolean {
  return Math.abs(a - b) <= AGREEMENT_TOLERANCE * Math.max(a, b);
}

function entitiesText(n: number): string {
  return `${n} ${n === 1 ? 'entity' : 'entities'}`;
}

/**
 * Judges a catalog read before it replaces the report. A read of fewer
 * than half the entities of the stored report is held back until the next
 * refresh reads about as many again (a catalog that is restarting,
 * re-ingesting or half-answering looks like this; a catalog that really
 * shrank is confirmed one refresh later). Without a stored report, a read
 * with nothing but Location entities is held for as long as it lasts:
 * there is no organisation to show yet.
 */
export function assessRead(
  read: CatalogRead,
  history: ReadHistory,
): ReadVerdict {
  const { baseline, previousHeld } = history;
  if (baseline === undefined) {
    if (read.contentCount > 0) {
      return { hold: false, confirmed: false };
    }
    return {
      hold: true,
      reason:
        read.entityCount === 0
          ? 'The catalog has no entities yet'
          : `The catalog has only Location entities so far (${read.entityCount}); it has not read what they point to yet`,
    };
  }
  if (read.entityCount >= baseline / 2) {
    return { hold: false, confirmed: false };
  }
  if (
    previousHeld !== undefined &&
    countsAgree(read.entityCount, previousHeld)
  ) {
    return { hold: false, confirmed: true };
  }
  return {
    hold: true,
    reason: `The catalog returned ${entitiesText(
      read.entityCount,
    )} where the last report had ${baseline}; waiting for the next refresh to confirm`,
  };
}
