import type { ContractDiff } from '@domain-atlas/plugin-domain-atlas-common';

/** One distinct definition of an API entity, without its text. */
export interface StoredRevision {
  id: number;
  apiRef: string;
  /** The revision this one follows; 0 for the first. */
  previousId: number;
  hash: string;
  type: string | null;
  version: string | null;
  firstSeen: Date;
  lastSeen: Date;
  /** The classified change from the previous revision; null for the first. */
  change: ContractDiff | null;
}

/** A revision to record. */
export type NewRevision = Omit<StoredRevision, 'id'> & { definition: string };

/**
 * Where Domain Atlas keeps the history of API definitions.
 */
export interface ContractRevisionStore {
  /** The newest revision of every API that has one. */
  getLatestRevisions(): Promise<StoredRevision[]>;
  /** Revisions of one API, oldest first. */
  getRevisions(apiRef: string): Promise<StoredRevision[]>;
  /** The definition text of a revision. */
  getDefinition(id: number): Promise<string | undefined>;
  /**
   * Records revisions. One that follows a revision another instance has
   * already followed is skipped; returns how many were recorded.
   */
  addRevisions(revisions: NewRevision[]): Promise<number>;
  /** Sets `lastSeen` of these revisions. */
  markSeen(ids: number[], seenAt: Date): Promise<void>;
}
