import { DomainAtlasReport } from '@domain-atlas/plugin-domain-atlas-common';

/** A stored report with the time the catalog was read for it. */
export interface Snapshot {
  id: number;
  createdAt: Date;
  entityCount: number;
  report: DomainAtlasReport;
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

/** One attempt to refresh the report. */
export interface RefreshRecord {
  startedAt: Date;
  finishedAt: Date;
  status: 'succeeded' | 'failed';
  error?: string;
  snapshotId?: number;
}

/**
 * Where Domain Atlas keeps its snapshots, history and refresh log.
 */
export interface DomainAtlasStore {
  /** Stores a report and its per-domain history rows in one transaction. */
  saveSnapshot(snapshot: {
    createdAt: Date;
    entityCount: number;
    report: DomainAtlasReport;
    history: Omit<DomainHistoryRow, 'snapshotId' | 'recordedAt'>[];
  }): Promise<number>;
  /** The id of the newest snapshot, a cheap check for cached reports. */
  getLatestSnapshotId(): Promise<number | undefined>;
  getLatestSnapshot(): Promise<Snapshot | undefined>;
  /** History rows recorded at or after `since`, oldest first. */
  getHistory(options: {
    since: Date;
    domainRef?: string;
  }): Promise<DomainHistoryRow[]>;
  recordRefresh(record: RefreshRecord): Promise<void>;
  getLastRefresh(): Promise<RefreshRecord | undefined>;
  /**
   * Deletes history rows and refresh records older than `before`, and all
   * but the newest `keepSnapshots` full reports.
   */
  prune(options: { before: Date; keepSnapshots: number }): Promise<void>;
}
