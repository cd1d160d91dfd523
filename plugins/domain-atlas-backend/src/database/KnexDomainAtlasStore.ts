import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import {
  DomainAtlasStore,
  DomainHistoryRow,
  RefreshRecord,
  SnapshotSummary,
  StoredSnapshot,
} from './DomainAtlasStore';
import { yieldToEventLoop } from './yieldToEventLoop';

const migrationsDir = resolvePackagePath(
  '@domain-atlas/plugin-domain-atlas-backend',
  'migrations',
);

/**
 * Report parts are stored compressed: JSON this repetitive shrinks to a
 * tenth, which matters when SQLite keeps the database in memory. zlib
 * works on libuv's thread pool, off the event loop.
 */
const compress = promisify(gzip);
const decompress = promisify(gunzip);

/** Rows are inserted in batches small enough for SQLite's variable limit. */
const INSERT_BATCH_SIZE = 50;

/**
 * Report parts per insert or select, a few hundred KB compressed: SQLite's
 * driver runs each statement synchronously on the event loop.
 */
const PARTS_PER_STATEMENT = 4;

/**
 * Runs the migrations, retrying a few times: instances starting together on
 * a fresh database race to create knex's own migration tables, and the
 * loser succeeds once the winner has created them.
 */
async function migrate(client: Knex, attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.migrate.latest({ directory: migrationsDir });
      return;
    } catch (error) {
      if (attempt >= attempts) {
        throw error;
      }
      await new Promise(resolve => setTimeout(resolve, 200 * attempt));
    }
  }
}

function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}

/**
 * {@link DomainAtlasStore} on Backstage's database service: embedded SQLite
 * by default, PostgreSQL in production.
 */
export class KnexDomainAtlasStore implements DomainAtlasStore {
  static async create(
    database: DatabaseService,
  ): Promise<KnexDomainAtlasStore> {
    const client = await database.getClient();
    if (!database.migrations?.skip) {
      await migrate(client);
    }
    return new KnexDomainAtlasStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async saveSnapshot(snapshot: {
    createdAt: Date;
    entityCount: number;
    reportParts: string[];
    history: Omit<DomainHistoryRow, 'snapshotId' | 'recordedAt'>[];
  }): Promise<number> {
    const [first = '{}', ...rest] = snapshot.reportParts;
    return this.db.transaction(async tx => {
      const [inserted] = await tx('domain_atlas_snapshots')
        .insert({
          created_at: snapshot.createdAt,
          entity_count: snapshot.entityCount,
          report: first,
        })
        .returning('id');
      const id = typeof inserted === 'object' ? inserted.id : inserted;
      for (let seq = 1; seq <= rest.length; seq += PARTS_PER_STATEMENT) {
        const texts = rest.slice(seq - 1, seq - 1 + PARTS_PER_STATEMENT);
        const rows = await Promise.all(
          texts.map(async (json, index) => ({
            snapshot_id: id,
            seq: seq + index,
            gzip: await compress(json),
          })),
        );
        await yieldToEventLoop();
        await tx('domain_atlas_report_parts').insert(rows);
      }
      const rows = snapshot.history.map(row => ({
        snapshot_id: id,
        recorded_at: snapshot.createdAt,
        domain_ref: row.domainRef,
        evidence_phase: row.evidencePhase,
        declared_phase: row.declaredPhase,
        score: row.score,
        errors: row.errors,
        warnings: row.warnings,
        infos: row.infos,
        waived: row.waived,
      }));
      if (rows.length > 0) {
        await tx.batchInsert(
          'domain_atlas_domain_history',
          rows,
          INSERT_BATCH_SIZE,
        );
      }
      return id;
    });
  }

  async getLatestSnapshotId(): Promise<number | undefined> {
    const row = await this.db('domain_atlas_snapshots')
      .max<{ id: number | null }>('id as id')
      .first();
    return row?.id ?? undefined;
  }

  async getLatestSnapshotSummary(): Promise<SnapshotSummary | undefined> {
    const row = await this.db('domain_atlas_snapshots')
      .select('id', 'created_at', 'entity_count')
      .orderBy('id', 'desc')
      .first();
    if (!row) {
      return undefined;
    }
    return {
      id: row.id,
      createdAt: toDate(row.created_at),
      entityCount: row.entity_count,
    };
  }

  async getStoredSnapshot(
    options: { before?: number } = {},
  ): Promise<StoredSnapshot | undefined> {
    const query = this.db('domain_atlas_snapshots').orderBy('id', 'desc');
    if (options.before !== undefined) {
      query.where('id', '<', options.before);
    }
    const row = await query.first();
    if (!row) {
      return undefined;
    }
    return {
      id: row.id,
      createdAt: toDate(row.created_at),
      entityCount: row.entity_count,
      reportParts: [String(row.report), ...(await this.partsOf(row.id))],
    };
  }

  /** The parts of a report after the first, in order, a few per query. */
  private async partsOf(snapshotId: number): Promise<string[]> {
    const parts: string[] = [];
    for (;;) {
      await yieldToEventLoop();
      const rows = await this.db('domain_atlas_report_parts')
        .select('gzip')
        .where('snapshot_id', snapshotId)
        .andWhere('seq', '>', parts.length)
        .orderBy('seq', 'asc')
        .limit(PARTS_PER_STATEMENT);
      const texts = await Promise.all(
        rows.map(async row => (await decompress(row.gzip)).toString('utf8')),
      );
      for (const text of texts) {
        parts.push(text);
      }
      if (rows.length < PARTS_PER_STATEMENT) {
        return parts;
      }
    }
  }

  async getHistory(options: {
    since: Date;
    domainRef?: string;
  }): Promise<DomainHistoryRow[]> {
    const query = this.db('domain_atlas_domain_history')
      .where('recorded_at', '>=', options.since)
      .orderBy([
        { column: 'recorded_at', order: 'asc' },
        { column: 'domain_ref', order: 'asc' },
      ]);
    if (options.domainRef) {
      query.where('domain_ref', options.domainRef);
    }
    const rows = await query;
    return rows.map(row => ({
      snapshotId: row.snapshot_id,
      recordedAt: toDate(row.recorded_at),
      domainRef: row.domain_ref,
      evidencePhase: row.evidence_phase,
      declaredPhase: row.declared_phase ?? null,
      score: row.score,
      errors: row.errors,
      warnings: row.warnings,
      infos: row.infos,
      waived: row.waived,
    }));
  }

  async recordRefresh(record: RefreshRecord): Promise<void> {
    await this.db('domain_atlas_refreshes').insert({
      started_at: record.startedAt,
      finished_at: record.finishedAt,
      status: record.status,
      error: record.error ?? null,
      snapshot_id: record.snapshotId ?? null,
      entity_count: record.entityCount ?? null,
    });
  }

  async getLastRefresh(
    options: { statuses?: RefreshRecord['status'][] } = {},
  ): Promise<RefreshRecord | undefined> {
    const query = this.db('domain_atlas_refreshes').orderBy('id', 'desc');
    if (options.statuses) {
      query.whereIn('status', options.statuses);
    }
    const row = await query.first();
    if (!row) {
      return undefined;
    }
    return {
      startedAt: toDate(row.started_at),
      finishedAt: toDate(row.finished_at),
      status: row.status,
      error: row.error ?? undefined,
      snapshotId: row.snapshot_id ?? undefined,
      entityCount: row.entity_count ?? undefined,
    };
  }

  async prune(options: { before: Date; keepSnapshots: number }): Promise<void> {
    await this.db('domain_atlas_domain_history')
      .where('recorded_at', '<', options.before)
      .delete();
    await this.db('domain_atlas_refreshes')
      .where('finished_at', '<', options.before)
      .delete();
    const kept = await this.db('domain_atlas_snapshots')
      .select('id')
      .orderBy('id', 'desc')
      .limit(Math.max(1, options.keepSnapshots));
    const oldestKept = kept[kept.length - 1]?.id;
    if (oldestKept !== undefined) {
      await this.db.transaction(async tx => {
        await tx('domain_atlas_report_parts')
          .where('snapshot_id', '<', oldestKept)
          .delete();
        await tx('domain_atlas_snapshots')
          .where('id', '<', oldestKept)
          .delete();
      });
    }
  }
}
