// @ts-check

/**
 * Reports in parts: a large report's JSON is tens of MB, and one parse or
 * serialisation of it holds the backend's event loop for too long. The
 * snapshot's `report` column keeps the first part (every field, lists
 * empty); this table the rest, in order. A snapshot without parts is a
 * report stored whole, before parts existed, and reads as before.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('domain_atlas_report_parts', table => {
    table.comment('The parts of stored reports after the first');
    // No foreign key: pruning deletes a snapshot's parts with it.
    table.integer('snapshot_id').notNullable();
    table.integer('seq').notNullable().comment('1 for the second part, …');
    table
      .binary('gzip')
      .notNullable()
      .comment('The part, JSON, gzip-compressed (about a tenth of the size)');
    table.primary(['snapshot_id', 'seq']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('domain_atlas_report_parts');
};
