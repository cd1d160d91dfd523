import { ServiceUnavailableError, stringifyError } from '@backstage/errors';
import { DomainAtlasStore, RefreshRecord, Snapshot } from '../../database';
import { RefreshService } from '../RefreshService';

/** How fresh the served report is. */
export interface ReportStatus {
  snapshotId: number;
  generatedAt: string;
  ageSeconds: number;
  entityCount: number;
  /**
   * True when the newest refresh attempt failed, so the report is older than
   * it should be.
   */
  stale: boolean;
  lastRefresh: {
    status: RefreshRecord['status'];
    finishedAt: string;
    error?: string;
  } | null;
}

/**
 * Serves the newest stored snapshot. The parsed report is cached per
 * snapshot id, so a read costs one indexed query until a refresh (on any
 * instance) stores a newer one.
 */
export class ReportService {
  private readonly store: DomainAtlasStore;
  private readonly refresher: RefreshService;
  private cached: Snapshot | undefined;

  constructor(options: { store: DomainAtlasStore; refresher: RefreshService }) {
    this.store = options.store;
    this.refresher = options.refresher;
  }

  async getSnapshot(): Promise<Snapshot> {
    let latestId = await this.store.getLatestSnapshotId();
    if (latestId === undefined) {
      // Nothing stored yet (first start): compute the first report now
      // rather than making the first visitor wait for the schedule.
      try {
        latestId = (await this.refresher.refresh()).snapshotId;
      } catch (error) {
        throw new ServiceUnavailableError(
          `Domain Atlas has no report yet and could not compute one: ${stringifyError(
            error,
          )}`,
        );
      }
    }
    if (this.cached?.id !== latestId) {
      const latest = await this.store.getLatestSnapshot();
      if (!latest) {
        throw new ServiceUnavailableError('Domain Atlas has no report yet');
      }
      this.cached = latest;
    }
    return this.cached;
  }

  async getStatus(snapshot: Snapshot, now = new Date()): Promise<ReportStatus> {
    const lastRefresh = await this.store.getLastRefresh();
    return {
      snapshotId: snapshot.id,
      generatedAt: snapshot.createdAt.toISOString(),
      ageSeconds: Math.max(
        0,
        Math.round((now.getTime() - snapshot.createdAt.getTime()) / 1000),
      ),
      entityCount: snapshot.entityCount,
      stale: lastRefresh?.status === 'failed',
      lastRefresh: lastRefresh
        ? {
            status: lastRefresh.status,
            finishedAt: lastRefresh.finishedAt.toISOString(),
            error: lastRefresh.error,
          }
        : null,
    };
  }
}
