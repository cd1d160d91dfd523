import { LoggerService } from '@backstage/backend-plugin-api';
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

const DAY_MS = 24 * 60 * 60 * 1000;

/** The largest definition parsed: by the analysis and beforehand alike. */
const MAX_DEFINITION_SIZE = DEFAULT_MAX_DEFINITION_SIZE;

/** What one successful refresh produced. */
export interface RefreshResult {
  snapshotId: number;
  createdAt: Date;
  entityCount: number;
  domainCount: number;
  findingCount: number;
  durationMs: number;
}

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
  private running: Promise<RefreshResult> | undefined;
  /** Definitions are parsed again only when they changed. */
  private readonly definitions = new DefinitionParseCache();

  constructor(options: {
    reader: CatalogReader;
    store: DomainAtlasStore;
    logger: LoggerService;
    config: AnalysisConfig;
    contracts: ContractHistory;
  }) {
    this.reader = options.reader;
    this.store = options.store;
    this.logger = options.logger;
    this.config = options.config;
    this.contracts = options.contracts;
  }

  /**
   * Refreshes now. Concurrent calls on one instance share one run; across
   * instances the scheduler's global lock keeps scheduled runs apart.
   */
  refresh(): Promise<RefreshResult> {
    if (!this.running) {
      this.running = this.run().finally(() => {
        this.running = undefined;
      });
    }
    return this.running;
  }

  private async run(): Promise<RefreshResult> {
    const startedAt = new Date();
    try {
      const entities = await this.reader.readAll();
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
      });
      await this.store.prune({
        before: new Date(
          finishedAt.getTime() - this.config.retentionDays * DAY_MS,
        ),
        keepSnapshots: this.config.snapshotsToKeep + 1,
      });
      const result: RefreshResult = {
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
      const message = stringifyError(error);
      this.logger.error(
        `Domain Atlas refresh failed; the last good snapshot stays in use: ${message}`,
      );
      await this.store
        .recordRefresh({
          startedAt,
          finishedAt: new Date(),
          status: 'failed',
          error: message,
        })
        .catch(recordError =>
          this.logger.error(
            `Domain Atlas could not record the failed refresh: ${stringifyError(
              recordError,
            )}`,
          ),
        );
      throw error;
    }
  }
}
