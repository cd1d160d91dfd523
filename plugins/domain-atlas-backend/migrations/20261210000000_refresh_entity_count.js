// @ts-check

/**
 * How many entities each refresh read. A read much smaller than the last
 * report's is held back (status `held`) until the next refresh, on any
 * instance, reads about as many again.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('domain_atlas_refreshes', table => {
    table
      .integer('entity_count')
      .nullable()
      .comment('Entities the catalog returned; null when the read failed');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('domain_atlas_refreshes', table => {
    table.dropColumn('entity_count');
  });
};
