import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { stringifyError } from '@backstage/errors';
import {
  analyze,
  DEFAULT_MAX_DEFINITION_SIZE,
  DomainAtlasReport,
} from '@domain-atlas/plugin-domain-atlas-common';
import { DomainAtlasStore, DomainHistoryRow } from '../../database';
import { AnalysisConfig } from '../AnalysisConfig';
import { CatalogReader } from '../CatalogReader';
import { ContractHistory } from '../ContractHistory';
import { DefinitionParseCache } from './DefinitionParseCache';
import { assessRead, catalogReadOf, ReadVerdict } from './holdBack';
import { describeFailure, RefreshFailedError } from './refreshFailure';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The largest definition parsed: by the analysis and beforehand alike. */
const MAX_DEFINITION_SIZE = DEFAULT_MAX_DEFINITION_SIZE;

/**
 * Beyond the catalog read's timeout, how long the analysis and the writes
 * of one refresh may take before a new refresh stops waiting for it.
 */
const PROCESSING_ALLOWANCE_MS = 5 * 60 * 1000;

/**
 * Told of each snapshot a refresh stores, with the catalog read it came
 * from (e.g. to notify owners of what changed). The refresh waits for it,
 * but its failure is only logged.
 */
export type SnapshotListener = (snapshot: {
  id: number;
  report: DomainAtlasReport;
  entities: Entity[];
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

/** The per-domain history rows of one report. */
export function historyRowsOf(
  report: DomainAtlasReport,
): Omit<DomainHistoryRow, 'snapshotId' | 'recordedAt'>[] {
  return report.domains.map(domain => ({
    domainRef: domain.ref,
    evidencePhase: domain.phase.evidence,
    declaredPhase: domain.phase.declared,
    score: domain.score,
    errors: domain.findingCounts.error,
    warnings: domain.findingCounts.warning,
    infos: domain.findingCounts.info,
    waived: domain.findingCounts.waived,
  }));
}

/**
 * Reads the catalog, runs the analysis and stores the result as a new
 * snapshot. A failed refresh is logged and recorded, and the last good
 * snapshot stays what the API serves.
 */
export class RefreshService {
  private readonly reader: CatalogReader;
  private readonly store: DomainAtlasStore;
  private readonly logger: LoggerService;
  private readonly config: AnalysisConfig;
  private readonly contracts: ContractHistory;
  private readonly onSnapshot: SnapshotListener | undefined;
  private running:
    | { promise: Promise<RefreshResult>; startedAt: number }
    | undefined;
  /** Definitions are parsed again only when they changed. */
  private readonly definitions = new DefinitionParseCache();

  constructor(options: {
    reader: CatalogReader;
    store: DomainAtlasStore;
    logger: LoggerService;
    config: AnalysisConfig;
    contracts: ContractHistory;
    onSnapshot?: SnapshotListener;
  }) {
    this.reader = options.reader;
    this.store = options.store;
    this.logger = options.logger;
    this.config = options.config;
    this.contracts = options.contracts;
    this.onSnapshot = options.onSnapshot;
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

  /** Whether a refresh runs on this instance now. */
  isRunning(): boolean {
    return this.running !== undefined;
  }

  /**
   * Judges a read against the newest stored report and, when the refresh
   * before was held, against that read.
   */
  private async judge(entities: Entity[]): Promise<ReadVerdict> {
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
    return assessRead(catalogReadOf(entities), {
      baseline: baseline?.entityCount,
      previousHeld,
    });
  }

  private async run(): Promise<RefreshResult> {
    const startedAt = new Date();
    try {
      const entities = await this.reader.readAll();
      const verdict = await this.judge(entities);
      if (verdict.hold) {
        // Nothing of this read is stored but its count: a partial catalog
        // would also record partial API definitions.
        const finishedAt = new Date();
        await this.store.recordRefresh({
          startedAt,
          finishedAt,
          status: 'held',
          error: verdict.reason,
          entityCount: entities.length,
        });
        this.logger.warn(
          `Domain Atlas held back a catalog read; the last good snapshot stays in use: ${verdict.reason}`,
        );
        return {
          status: 'held',
          createdAt: startedAt,
          entityCount: entities.length,
          reason: verdict.reason,
          durationMs: finishedAt.getTime() - startedAt.getTime(),
        };
      }
      if (verdict.confirmed) {
        this.logger.info(
          `Domain Atlas: two catalog reads in a row returned about ${entities.length} entities; the smaller catalog is confirmed`,
        );
      }
      // Definitions are recorded first so that a breaking change seen now
      // is a finding in this very report.
      const contractChanges = await this.contracts
        .record(entities, startedAt)
        .catch(error => {
          // The report matters more than the history: analyse without
          // recorded changes and try again at the next refresh.
          this.logger.error(
            `Domain Atlas could not record API definitions; analysing without contract changes: ${stringifyError(
              error,
            )}`,
          );
          return [];
        });
      let report: DomainAtlasReport;
      try {
        // Parsed here in slices, so that the analysis below finds every
        // definition in the cache instead of parsing them all in one go.
        await this.definitions.parseNew(entities, MAX_DEFINITION_SIZE);
        report = analyze(entities, {
          ...this.config.analysis,
          contractChanges,
          // The backend parses every definition in full, so a malformed
          // one is a finding even when its version can be read.
          strictDefinitions: true,
          maxDefinitionSize: MAX_DEFINITION_SIZE,
          definitionCache: this.definitions,
          now: startedAt.toISOString(),
        });
      } finally {
        this.definitions.endRefresh();
      }
      const snapshotId = await this.store.saveSnapshot({
        createdAt: startedAt,
        entityCount: entities.length,
        report,
        history: historyRowsOf(report),
      });
      const finishedAt = new Date();
      await this.store.recordRefresh({
        startedAt,
        finishedAt,
        status: 'succeeded',
        snapshotId,
        entityCount: entities.length,
      });
      await this.store.prune({
        before: new Date(
          finishedAt.getTime() - this.config.retentionDays * DAY_MS,
        ),
        keepSnapshots: this.config.snapshotsToKeep + 1,
      });
      await this.onSnapshot?.({ id: snapshotId, report, entities }).catch(
        error =>
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
        entityCount: entities.length,
        domainCount: report.domains.length,
        findingCount: report.findings.length,
        durationMs: finishedAt.getTime() - startedAt.getTime(),
      };
      this.logger.info(
        `Domain Atlas refreshed snapshot ${snapshotId}: ${result.entityCount} entities, ${result.domainCount} domains, ${result.findingCount} findings in ${result.durationMs} ms`,
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
    }
  }
}
