import { Knex } from 'knex';
import {
  ContractRevisionStore,
  NewRevision,
  StoredRevision,
} from './ContractRevisionStore';
import { yieldToEventLoop } from './yieldToEventLoop';

/** Rows per statement, small enough for SQLite's variable limit. */
const BATCH_SIZE = 50;

const COLUMNS = [
  'id',
  'api_ref',
  'previous_id',
  'hash',
  'type',
  'version',
  'first_seen',
  'last_seen',
  'change',
];

function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}

function toRevision(row: Record<string, any>): StoredRevision {
  return {
    id: row.id,
    apiRef: row.api_ref,
    previousId: row.previous_id,
    hash: row.hash,
    type: row.type ?? null,
    version: row.version ?? null,
    firstSeen: toDate(row.first_seen),
    lastSeen: toDate(row.last_seen),
    change: row.change ? JSON.parse(row.change) : null,
  };
}

/**
 * {@link ContractRevisionStore} on Backstage's database service. Expects
 * the plugin's migrations to have run (see `KnexDomainAtlasStore.create`).
 */
export class KnexContractRevisionStore implements ContractRevisionStore {
  constructor(private readonly db: Knex) {}

  async getLatestRevisions(): Promise<StoredRevision[]> {
    const latest = this.db('domain_atlas_contract_revisions')
      .max('id as id')
      .groupBy('api_ref');
    const rows = await this.db('domain_atlas_contract_revisions')
      .select(COLUMNS)
      .whereIn('id', latest);
    return rows.map(toRevision);
  }

  async getRevisions(apiRef: string): Promise<StoredRevision[]> {
    const rows = await this.db('domain_atlas_contract_revisions')
      .select(COLUMNS)
      .where('api_ref', apiRef)
      .orderBy('id', 'asc');
    return rows.map(toRevision);
  }

  async getDefinition(id: number): Promise<string | undefined> {
    const row = await this.db('domain_atlas_contract_revisions')
      .select('definition')
      .where('id', id)
      .first();
    return row?.definition;
  }

  async addRevisions(revisions: NewRevision[]): Promise<number> {
    let recorded = 0;
    for (let i = 0; i < revisions.length; i += BATCH_SIZE) {
      const rows = revisions.slice(i, i + BATCH_SIZE).map(revision => ({
        api_ref: revision.apiRef,
        previous_id: revision.previousId,
        hash: revision.hash,
        type: revision.type,
        version: revision.version,
        definition: revision.definition,
        first_seen: revision.firstSeen,
        last_seen: revision.lastSeen,
        change: revision.change ? JSON.stringify(revision.change) : null,
      }));
      await yieldToEventLoop();
      const inserted = await this.db('domain_atlas_contract_revisions')
        .insert(rows)
        .onConflict(['api_ref', 'previous_id'])
        .ignore()
        .returning('id');
      recorded += inserted.length;
    }
    return recorded;
  }

  async markSeen(ids: number[], seenAt: Date): Promise<void> {
    for (let i = 0; i < ids.length; i += BATCH_SIZE * 10) {
      await yieldToEventLoop();
      await this.db('domain_atlas_contract_revisions')
        .whereIn('id', ids.slice(i, i + BATCH_SIZE * 10))
        .update({ last_seen: seenAt });
    }
  }
}
