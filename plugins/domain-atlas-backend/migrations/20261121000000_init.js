// @ts-check

/**
 * Snapshots of the Domain Atlas report, per-domain history rows for trends
 * and the burn-up, and a log of refresh attempts (for staleness).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('domain_atlas_snapshots', table => {
    table.comment('Full Domain Atlas reports, newest kept per retention');
    table.increments('id').primary();
    table
      .timestamp('created_at', { useTz: true })
      .notNullable()
      .comment('When the catalog was read for this report');
    table.integer('entity_count').notNullable();
    table.text('report', 'longtext').notNullable().comment('The report, JSON');
    table.index(['created_at'], 'domain_atlas_snapshots_created_at_idx');
  });

  await knex.schema.createTable('domain_atlas_domain_history', table => {
    table.comment('One row per domain per snapshot, kept for the retention');
    table.increments('id').primary();
    // No foreign key: pruning old full reports keeps their history rows.
    table.integer('snapshot_id').notNullable();
    table.timestamp('recorded_at', { useTz: true }).notNullable();
    table.string('domain_ref').notNullable();
    table.integer('evidence_phase').notNullable();
    table.integer('declared_phase').nullable();
    table.integer('score').notNullable();
    table.integer('errors').notNullable();
    table.integer('warnings').notNullable();
    table.integer('infos').notNullable();
    table.integer('waived').notNullable();
    table.unique(['snapshot_id', 'domain_ref'], {
      indexName: 'domain_atlas_domain_history_snapshot_domain_uq',
    });
    table.index(
      ['domain_ref', 'recorded_at'],
      'domain_atlas_domain_history_domain_idx',
    );
    table.index(['recorded_at'], 'domain_atlas_domain_history_recorded_idx');
  });

  await knex.schema.createTable('domain_atlas_refreshes', table => {
    table.comment('Every refresh attempt, so staleness and failures show');
    table.increments('id').primary();
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true }).notNullable();
    table.string('status').notNullable().comment('succeeded or failed');
    table.text('error').nullable();
    table.integer('snapshot_id').nullable();
    table.index(['finished_at'], 'domain_atlas_refreshes_finished_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('domain_atlas_refreshes');
  await knex.schema.dropTable('domain_atlas_domain_history');
  await knex.schema.dropTable('domain_atlas_snapshots');
};
