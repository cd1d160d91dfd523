import type { ClassifiedChange } from '@domain-atlas/plugin-domain-atlas-common';

/**
 * The spec types Domain Atlas can compare.
 *
 * @public
 */
export type ComparableType = 'openapi' | 'asyncapi' | 'grpc' | 'graphql';

/** Compares two definitions of one spec type and classifies every change. */
export interface SpecDiffer {
  /** The maintained library doing the work, named in every result. */
  tool: string;
  diff(
    before: unknown,
    after: unknown,
    maxSize: number,
  ): Promise<ClassifiedChange[]>;
}
