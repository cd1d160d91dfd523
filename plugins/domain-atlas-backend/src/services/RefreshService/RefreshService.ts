import { LoggerService } from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import { ContractChange } from '@domain-atlas/plugin-domain-atlas-common';
import { DomainAtlasStore } from '../../database';
import { AnalysisConfig } from '../AnalysisConfig';
import { CatalogReader } from '../CatalogReader';
import { ContractHistory } from '../ContractHistory';
import { AnalysisWorker } from './AnalysisWorker';
import { DefinitionOutcome } from './DefinitionOutcomes';
import {
  assessRead,
  CatalogRead,
  catalogReadOf,
  ReadVerdict,
} from './holdBack';
import { RefreshAnalysisSetup } from './RefreshAnalysis';
import { describeFailure, RefreshFailedError } from './refreshFailure';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Beyond the catalog read's timeout, how long the analysis and the writes
 * of one refresh may take before a new refresh stops waiting for it.
 */
const PROCESSING_ALLOWANCE_MS = 5 * 60 * 1000;

/**
 * Told of each snapshot a refresh stores, with each entity's owner in the
 * catalog read it came from (e.g. to notify owners of what changed). The
 * refresh waits for it, but its failure is only logged.
 */
export type SnapshotListener = (snapshot: {
  id: number;
  /** Lowercase entity ref → lowercase owner ref. */
  owners: Map<string, string>;
}) => Promise<void>;

/** A refresh that stored a new snapshot. */
export interface RefreshSucceeded {
  status: 'succeeded';
  snapshotId: number;
  createdAt: Date;
  entityCount: number;
  domainCount: number;
  findingCount: number;
  durationMs: number;
}

/**
 * A refresh whose read was held back (see `assessRead`): the last good
 * snapshot stays in use until the next refresh confirms the read.
 */
export interface RefreshHeld {
  status: 'held';
  createdAt: Date;
  entityCount: number;
  reason: string;
  durationMs: number;
}

/** What one refresh produced. */
export type RefreshResult = RefreshSucceeded | RefreshHeld;

/**
 * Reads the catalog, runs the analysis and stores the result as a new
 * snapshot. The analysis and the report's serialisation run in a worker
 * thread (see {@link AnalysisWorker}); this thread reads the catalog and
 * the database. A failed refresh (the worker's too: it threw, ran out of
 * memory) is logged and recorded, and the last good snapshot stays what
 * the API serves.
 */
export class RefreshService {
  private readonly reader: CatalogReader;
  private readonly store: DomainAtlasStore;
  private readonly logger: LoggerService;
  private readonly config: AnalysisConfig;
  private readonly contracts: ContractHistory;
  private onSnapshot: SnapshotListener | undefined;
  private readonly analysisSetup: RefreshAnalysisSetup;
  private running:
    | { promise: Promise<RefreshResult>; startedAt: number }
    | undefined;
  /** What the last refresh found parsing the definitions. */
  private knownDefinitions: DefinitionOutcome[] = [];

  constructor(options: {
    reader: CatalogReader;
    store: DomainAtlasStore;
    logger: LoggerService;
    config: AnalysisConfig;
    /** What each refresh's worker sets its analysis up with. */
    analysisSetup: RefreshAnalysisSetup;
    contracts: ContractHistory;
  }) {
    this.reader = options.reader;
    this.store = options.store;
    this.logger = options.logger;
    this.config = options.config;
    this.analysisSetup = options.analysisSetup;
    this.contracts = options.contracts;
  }

  /**
   * Refreshes now. Concurrent calls on one instance share one run; across
   * instances the scheduler's global lock keeps scheduled runs apart. A run
   * that has outlived the read timeout and the processing allowance is
   * stuck somewhere beyond the catalog read: it is left behind, not
   * joined. Fails with a {@link RefreshFailedError}.
   */
  refresh(): Promise<RefreshResult> {
    const now = Date.now();
    const stuckAfterMs = this.reader.timeoutMs + PROCESSING_ALLOWANCE_MS;
    if (this.running && now - this.running.startedAt < stuckAfterMs) {
      return this.running.promise;
    }
    if (this.running) {
      this.logger.warn(
        `Domain Atlas refresh started ${Math.round(
          (now - this.running.startedAt) / 1000,
        )} s ago has not finished; starting a new one`,
      );
    }
    const attempt: { promise: Promise<RefreshResult>; startedAt: number } = {
      startedAt: now,
      promise: this.run().finally(() => {
        if (this.running === attempt) {
          this.running = undefined;
        }
      }),
    };
    this.running = attempt;
    return attempt.promise;
  }

  /** Sets what is told of each snapshot a refresh stores. */
  setSnapshotListener(listener: SnapshotListener): void {
    this.onSnapshot = listener;
  }

  /** Whether a refresh runs on this instance now. */
  isRunning(): boolean {
    return this.running !== undefined;
  }

  /**
   * Judges a read against the newest stored report and, when the refresh
   * before was held, against that read.
   */
  private async judge(read: CatalogRead): Promise<ReadVerdict> {
    const [baseline, lastRead] = await Promise.all([
      this.store.getLatestSnapshotSummary(),
      this.store.getLastRefresh({ statuses: ['succeeded', 'held'] }),
    ]);
    // A held read older than the stored report (whose own refresh record
    // was lost) confirms nothing.
    const previousHeld =
      lastRead?.status === 'held' &&
      (!baseline || lastRead.finishedAt >= baseline.createdAt)
        ? lastRead.entityCount
        : undefined;
    return assessRead(read, {
      baseline: baseline?.entityCount,
      previousHeld,
    });
  }

  private async run(): Promise<RefreshResult> {
    const startedAt = new Date();
    const analysis = new AnalysisWorker(
      this.analysisSetup,
      this.config.refreshMaxMemoryMb,
      this.knownDefinitions,
    );
    try {
      const read: CatalogRead = { entityCount: 0, contentCount: 0 };
      await this.reader.read(page => {
        const counted = catalogReadOf(page);
        read.entityCount += counted.entityCount;
        read.contentCount += counted.contentCount;
        analysis.addPage(page);
      });
      const readMs = Date.now() - startedAt.getTime();
      const verdict = await this.judge(read);
      if (verdict.hold) {
        // Nothing of this read is stored but its count: a partial catalog
        // would also record partial API definitions.
        const finishedAt = new Date();
        await this.store.recordRefresh({
          startedAt,
          finishedAt,
          status: 'held',
          error: verdict.reason,
          entityCount: read.entityCount,
        });
        this.logger.warn(
          `Domain Atlas held back a catalog read; the last good snapshot stays in use: ${verdict.reason}`,
        );
        return {
          status: 'held',
          createdAt: startedAt,
          entityCount: read.entityCount,
          reason: verdict.reason,
          durationMs: finishedAt.getTime() - startedAt.getTime(),
        };
      }
      if (verdict.confirmed) {
        this.logger.info(
          `Domain Atlas: two catalog reads in a row returned about ${read.entityCount} entities; the smaller catalog is confirmed`,
        );
      }
      // Definitions are recorded first so that a breaking change seen now
      // is a finding in this very report.
      const contractChanges = await this.recordContracts(analysis, startedAt);
      const contractsDone = Date.now();
      const analysed = await analysis.analyze({
        contractChanges,
        now: startedAt.toISOString(),
      });
      const owners = await analysis.owners();
      this.knownDefinitions = await analysis.definitionOutcomes();
      const analysisMs = Date.now() - contractsDone;
      const snapshotId = await this.store.saveSnapshot({
        createdAt: startedAt,
        entityCount: read.entityCount,
        // Not kept here: the report's JSON goes to the store only.
        reportParts: await analysis.reportParts(),
        history: analysed.history,
      });
      // Its memory goes back before the report is read for the routes.
      await analysis.close();
      const finishedAt = new Date();
      await this.store.recordRefresh({
        startedAt,
        finishedAt,
        status: 'succeeded',
        snapshotId,
        entityCount: read.entityCount,
      });
      await this.store.prune({
        before: new Date(
          finishedAt.getTime() - this.config.retentionDays * DAY_MS,
        ),
        keepSnapshots: this.config.snapshotsToKeep + 1,
      });
      await this.onSnapshot?.({
        id: snapshotId,
        owners,
      }).catch(error =>
        this.logger.warn(
          `Domain Atlas could not pass on snapshot ${snapshotId}: ${stringifyError(
            error,
          )}`,
        ),
      );
      const result: RefreshSucceeded = {
        status: 'succeeded',
        snapshotId,
        createdAt: startedAt,
        entityCount: read.entityCount,
        domainCount: analysed.domainCount,
        findingCount: analysed.findingCount,
        durationMs: finishedAt.getTime() - startedAt.getTime(),
      };
      this.logger.info(
        `Domain Atlas refreshed snapshot ${snapshotId}: ${result.entityCount} entities, ${result.domainCount} domains, ${result.findingCount} findings in ${result.durationMs} ms (catalog read ${readMs} ms, analysis in its worker ${analysisMs} ms)`,
      );
      return result;
    } catch (error) {
      const reason = describeFailure(error);
      // The log gets the details, the refresh record what users may see.
      this.logger.error(
        `Domain Atlas refresh failed; the last good snapshot stays in use: ${stringifyError(
          error,
        )}`,
      );
      await this.store
        .recordRefresh({
          startedAt,
          finishedAt: new Date(),
          status: 'failed',
          error: reason,
        })
        .catch(recordError =>
          this.logger.error(
            `Domain Atlas could not record the failed refresh: ${stringifyError(
              recordError,
            )}`,
          ),
        );
      throw new RefreshFailedError(reason);
    } finally {
      await analysis.close();
    }
  }

  /**
   * Records the read's API definitions; the changes feed the analysis. The
   * report matters more than the history: when the history cannot be
   * recorded, the analysis runs without changes and the next refresh
   * tries again.
   */
  private async recordContracts(
    analysis: AnalysisWorker,
    seenAt: Date,
  ): Promise<ContractChange[]> {
    const apis = await analysis.catalogApis();
    return this.contracts
      .recordApis(apis, seenAt, options => analysis.compare(options))
      .catch(error => {
        this.logger.error(
          `Domain Atlas could not record API definitions; analysing without contract changes: ${stringifyError(
            error,
          )}`,
        );
        return [];
      });
  }
}
