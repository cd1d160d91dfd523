// @ts-check

/**
 * When Domain Atlas last sent a notification of each scope (one subject:
 * a finding, a domain's overdue target, a waiver), so that a finding that
 * comes and goes notifies its owners at most once a day.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('domain_atlas_notification_scopes', table => {
    table.comment('The last time a notification of each scope was sent');
    // The notifications backend keeps scopes of up to 255 characters;
    // longer ones are hashed before they get here.
    table.string('scope', 255).primary();
    table.timestamp('sent_at', { useTz: true }).notNullable();
    table.index(['sent_at'], 'domain_atlas_notification_scopes_sent_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('domain_atlas_notification_scopes');
};
