import { Knex } from 'knex';
import { NotificationScopeStore } from './NotificationScopeStore';

const TABLE = 'domain_atlas_notification_scopes';

/**
 * {@link NotificationScopeStore} on Backstage's database service. Expects
 * the plugin's migrations to have run (see `KnexDomainAtlasStore.create`).
 */
export class KnexNotificationScopeStore implements NotificationScopeStore {
  constructor(private readonly db: Knex) {}

  async claim(
    scope: string,
    options: { now: Date; since: Date },
  ): Promise<boolean> {
    // Each statement is atomic on its own: an update of a row sent before
    // `since`, else an insert that yields to a row another instance wrote.
    const updated = await this.db(TABLE)
      .where('scope', scope)
      .where('sent_at', '<', options.since)
      .update({ sent_at: options.now });
    if (updated > 0) {
      return true;
    }
    const inserted = await this.db(TABLE)
      .insert({ scope, sent_at: options.now })
      .onConflict('scope')
      .ignore()
      .returning('scope');
    return inserted.length > 0;
  }

  async release(scope: string, claimedAt: Date): Promise<void> {
    await this.db(TABLE)
      .where('scope', scope)
      .where('sent_at', claimedAt)
      .delete();
  }

  async prune(before: Date): Promise<void> {
    await this.db(TABLE).where('sent_at', '<', before).delete();
  }
}
