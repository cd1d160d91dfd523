import { DomainAtlasReport } from '@domain-atlas/plugin-domain-atlas-common';

/** A stored report with the time the catalog was read for it. */
export interface Snapshot {
  id: number;
  createdAt: Date;
  entityCount: number;
  report: DomainAtlasReport;
}

/** A stored snapshot without its report. */
export type SnapshotSummary = Omit<Snapshot, 'report'>;

/**
 * A snapshot as stored: its report is the JSON texts of its parts (see
 * `reportParts`), not yet parsed or checked, so that an unreadable one can
 * be told apart and skipped.
 */
export interface StoredSnapshot extends SnapshotSummary {
  reportParts: string[];
}

/** One domain's phase, score and finding counts in one snapshot. */
export interface DomainHistoryRow {
  snapshotId: number;
  recordedAt: Date;
  domainRef: string;
  evidencePhase: number;
  declaredPhase: number | null;
  score: number;
  errors: number;
  warnings: number;
  infos: number;
  waived: number;
}

/**
 * One attempt to refresh the report: `succeeded` stored a snapshot,
 * `failed` could not read or analyse the catalog, `held` read it but kept
 * the result back until the next refresh confirms it.
 */
export interface RefreshRecord {
  startedAt: Date;
  finishedAt: Date;
  status: 'succeeded' | 'failed' | 'held';
  /** Why the refresh failed or was held, fit to show to users. */
  error?: string;
  snapshotId?: number;
  /** How many entities the catalog returned; absent when the read failed. */
  entityCount?: number;
}

/**
 * Where Domain Atlas keeps its snapshots, history and refresh log.
 */
export interface DomainAtlasStore {
  /**
   * Stores a report, as the JSON texts of its parts (see `reportParts`),
   * and its per-domain history rows in one transaction.
   */
  saveSnapshot(snapshot: {
    createdAt: Date;
    entityCount: number;
    reportParts: string[];
    history: Omit<DomainHistoryRow, 'snapshotId' | 'recordedAt'>[];
  }): Promise<number>;
  /** The id of the newest snapshot, a cheap check for cached reports. */
  getLatestSnapshotId(): Promise<number | undefined>;
  /** The newest snapshot's id, time and entity count, without its report. */
  getLatestSnapshotSummary(): Promise<SnapshotSummary | undefined>;
  /**
   * The newest snapshot, or the newest one older than snapshot `before`,
   * with its report as stored.
   */
  getStoredSnapshot(options?: {
    before?: number;
  }): Promise<StoredSnapshot | undefined>;
  /** History rows recorded at or after `since`, oldest first. */
  getHistory(options: {
    since: Date;
    domainRef?: string;
  }): Promise<DomainHistoryRow[]>;
  recordRefresh(record: RefreshRecord): Promise<void>;
  /** The newest refresh attempt, or the newest with one of `statuses`. */
  getLastRefresh(options?: {
    statuses?: RefreshRecord['status'][];
  }): Promise<RefreshRecord | undefined>;
  /**
   * Deletes history rows and refresh records older than `before`, and all
   * but the newest `keepSnapshots` full reports (with their parts).
   */
  prune(options: { before: Date; keepSnapshots: number }): Promise<void>;
}
