import { LoggerService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import { DomainAtlasStore, RefreshRecord, Snapshot } from '../../database';
import { RefreshFailedError, RefreshService } from '../RefreshService';
import { readStoredReport } from './readStoredReport';
import { unavailable } from './unavailable';

/**
 * Without any report, how long a request waits for the refresh that
 * computes the first one before it is answered 503.
 */
const FIRST_REPORT_WAIT_MS = 10_000;

/**
 * Without any report, how often requests may start a refresh. In between
 * they are answered from the last attempt, so that callers polling a
 * waiting backend do not make it read the catalog at each request.
 */
const ON_DEMAND_INTERVAL_MS = 30_000;

/** How fresh the served report is. */
export interface ReportStatus {
  snapshotId: number;
  generatedAt: string;
  ageSeconds: number;
  entityCount: number;
  /**
   * True when the served report is older than it should be: the newest
   * refresh failed or was held back, or the newest stored report is
   * unreadable.
   */
  stale: boolean;
  /** Why the report is stale, in a sentence or two; absent when fresh. */
  staleReason?: string;
  lastRefresh: {
    status: RefreshRecord['status'];
    finishedAt: string;
    /** Why it failed or was held. */
    error?: string;
    /** Entities the catalog returned. */
    entityCount?: number;
  } | null;
}

/** The snapshot served while the newest stored one is `latestId`. */
interface Served {
  latestId: number;
  snapshot: Snapshot;
  /** Newer snapshots skipped as unreadable, newest first. */
  unreadable: string[];
}

/** The newest readable snapshot, and the newer ones that did not read. */
interface Loaded {
  served?: Served;
  unreadable: string[];
}

/** What became of the refresh that was to compute the first report. */
type FirstRefresh =
  | { status: 'succeeded' }
  | { status: 'held' | 'failed'; reason: string }
  | { status: 'running' };

/**
 * Serves the newest readable snapshot. The parsed report is cached per
 * newest snapshot id, so a read costs one indexed query until a refresh (on
 * any instance) stores a newer one. An unreadable snapshot (invalid JSON,
 * `{}`, missing lists) is skipped for the one before it, and the status
 * says so.
 */
export class ReportService {
  private readonly store: DomainAtlasStore;
  private readonly refresher: Pick<RefreshService, 'refresh' | 'isRunning'>;
  private readonly logger: LoggerService;
  private served: Served | undefined;
  /** What was served before `served`. */
  private previous: Served | undefined;
  private loading: { latestId: number; promise: Promise<Loaded> } | undefined;

  constructor(options: {
    store: DomainAtlasStore;
    refresher: Pick<RefreshService, 'refresh' | 'isRunning'>;
    logger: LoggerService;
  }) {
    this.store = options.store;
    this.refresher = options.refresher;
    this.logger = options.logger;
  }

  /**
   * The snapshot to serve. Fails with a 503 that says why when there is
   * none: the catalog is still empty, the first report is being computed,
   * or it could not be.
   */
  async getSnapshot(): Promise<Snapshot> {
    return (await this.serve()).snapshot;
  }

  async getStatus(snapshot: Snapshot, now = new Date()): Promise<ReportStatus> {
    const lastRefresh = await this.store.getLastRefresh();
    const reasons: string[] = [];
    const served = this.served;
    if (served?.snapshot.id === snapshot.id && served.unreadable.length > 0) {
      const skipped = served.unreadable.join('; ');
      const servedAt = snapshot.createdAt.toISOString();
      reasons.push(
        `The newest stored report is unreadable (${skipped}); serving snapshot ${snapshot.id} of ${servedAt}`,
      );
    }
    if (lastRefresh?.status === 'failed') {
      reasons.push(`The last refresh failed: ${lastRefresh.error}`);
    }
    if (lastRefresh?.status === 'held' && lastRefresh.error) {
      reasons.push(lastRefresh.error);
    }
    return {
      snapshotId: snapshot.id,
      generatedAt: snapshot.createdAt.toISOString(),
      ageSeconds: Math.max(
        0,
        Math.round((now.getTime() - snapshot.createdAt.getTime()) / 1000),
      ),
      entityCount: snapshot.entityCount,
      stale: reasons.length > 0,
      ...(reasons.length > 0 ? { staleReason: reasons.join('. ') } : {}),
      lastRefresh: lastRefresh
        ? {
            status: lastRefresh.status,
            finishedAt: lastRefresh.finishedAt.toISOString(),
            error: lastRefresh.error,
            entityCount: lastRefresh.entityCount,
          }
        : null,
    };
  }

  /**
   * The snapshot this instance served before `snapshotId`, while it is
   * still in memory: the one a new snapshot is compared with. Asked once
   * per new snapshot; it is let go of then, so that one report, not two,
   * stays in memory.
   */
  releaseServedBefore(snapshotId: number): Snapshot | undefined {
    const snapshot = this.previous?.snapshot;
    this.previous = undefined;
    return snapshot && snapshot.id < snapshotId ? snapshot : undefined;
  }

  private async serve(): Promise<Served> {
    const latestId = await this.store.getLatestSnapshotId();
    if (latestId !== undefined && this.served?.latestId === latestId) {
      return this.served;
    }
    const loaded = await this.load(latestId);
    if (loaded.served) {
      return loaded.served;
    }
    // Nothing to serve: this is the first start, or every stored report is
    // unreadable. Compute one now rather than make visitors wait for the
    // schedule.
    const first = await this.firstRefresh();
    if (first.status === 'succeeded') {
      const again = await this.load(await this.store.getLatestSnapshotId());
      if (again.served) {
        return again.served;
      }
    }
    throw this.noReport(first, loaded.unreadable);
  }

  /**
   * Loads the newest readable snapshot and serves it from then on. Reading
   * a large report takes a while (in slices): requests that arrive
   * meanwhile share the load under way.
   */
  private load(latestId: number | undefined): Promise<Loaded> {
    if (latestId === undefined) {
      return Promise.resolve({ unreadable: [] });
    }
    if (this.loading?.latestId === latestId) {
      return this.loading.promise;
    }
    const promise: Promise<Loaded> = this.loadNewestReadable(latestId)
      .then(loaded => {
        const served = loaded.served;
        // A load of a newer snapshot may have finished first.
        if (served && (this.served?.latestId ?? -1) < served.latestId) {
          this.previous = this.served;
          this.served = served;
        }
        return loaded;
      })
      .finally(() => {
        if (this.loading?.promise === promise) {
          this.loading = undefined;
        }
      });
    this.loading = { latestId, promise };
    return promise;
  }

  /** The newest snapshot whose report reads, skipping unreadable ones. */
  private async loadNewestReadable(latestId: number): Promise<Loaded> {
    const unreadable: string[] = [];
    let before = latestId + 1;
    for (;;) {
      const stored = await this.store.getStoredSnapshot({ before });
      if (!stored) {
        return { unreadable };
      }
      const read = await readStoredReport(stored.reportParts);
      if ('report' in read) {
        const snapshot: Snapshot = {
          id: stored.id,
          createdAt: stored.createdAt,
          entityCount: stored.entityCount,
          report: read.report,
        };
        return { served: { latestId, snapshot, unreadable }, unreadable };
      }
      this.logger.error(
        `Domain Atlas skips snapshot ${stored.id}, whose report is unreadable: ${read.problem}`,
      );
      unreadable.push(`snapshot ${stored.id}: ${read.problem}`);
      before = stored.id;
    }
  }

  /**
   * Starts or joins the refresh that computes the first report, and waits
   * for it a little. Within a short while of the last attempt it answers
   * with that attempt instead.
   */
  private async firstRefresh(): Promise<FirstRefresh> {
    if (!this.refresher.isRunning()) {
      const last = await this.store.getLastRefresh();
      const age = last ? Date.now() - last.finishedAt.getTime() : Infinity;
      if (last && age < ON_DEMAND_INTERVAL_MS) {
        return last.status === 'succeeded'
          ? { status: 'succeeded' }
          : { status: last.status, reason: last.error ?? 'no reason recorded' };
      }
    }
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      this.refresher.refresh().then(
        (result): FirstRefresh =>
          result.status === 'held'
            ? { status: 'held', reason: result.reason }
            : { status: 'succeeded' },
        // The refresher logs and records its failures, and says why in
        // words fit to show.
        (error: unknown): FirstRefresh => ({
          status: 'failed',
          reason:
            error instanceof RefreshFailedError
              ? error.message
              : 'the details are in the backend log',
        }),
      ),
      new Promise<FirstRefresh>(resolve => {
        timer = setTimeout(
          () => resolve({ status: 'running' }),
          FIRST_REPORT_WAIT_MS,
        );
      }),
    ]);
    clearTimeout(timer);
    return outcome;
  }

  private noReport(
    first: FirstRefresh,
    unreadable: string[],
  ): ServiceUnavailableError {
    const none =
      unreadable.length > 0
        ? `Domain Atlas has no readable report (${unreadable.join('; ')})`
        : 'Domain Atlas has no report yet';
    const retryAfter = Math.ceil(ON_DEMAND_INTERVAL_MS / 1000);
    switch (first.status) {
      case 'held':
        return unavailable(
          `${none}; waiting for the catalog: ${first.reason}`,
          retryAfter,
        );
      case 'failed':
        return unavailable(
          `${none} and could not compute one: ${first.reason}`,
          retryAfter,
        );
      case 'running':
        return unavailable(
          `${none}; the first report is being computed, try again shortly`,
          Math.ceil(FIRST_REPORT_WAIT_MS / 1000),
        );
      default:
        // The last refresh stored a report that does not read either.
        return unavailable(
          `${none}; a new one will be computed shortly`,
          retryAfter,
        );
    }
  }
}
