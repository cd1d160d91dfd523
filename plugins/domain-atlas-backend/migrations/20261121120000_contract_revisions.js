// @ts-check

/**
 * Every distinct definition each API entity has had, with its version, when
 * it was first and last seen, and its classified change from the one
 * before.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('domain_atlas_contract_revisions', table => {
    table.comment('Distinct API definitions over time, kept for good');
    table.increments('id').primary();
    table.string('api_ref').notNullable();
    table
      .integer('previous_id')
      .notNullable()
      .comment('The revision this one follows; 0 for the first');
    table.string('hash', 64).notNullable().comment('SHA-256 of the definition');
    // Catalog data of any length: text, so a long version never fails an insert.
    table.text('type').nullable();
    table.text('version').nullable();
    table.text('definition', 'longtext').notNullable();
    table.timestamp('first_seen', { useTz: true }).notNullable();
    table.timestamp('last_seen', { useTz: true }).notNullable();
    table
      .text('change', 'longtext')
      .nullable()
      .comment('JSON: the classified diff from the previous revision');
    // Two instances refreshing at once record a new definition only once.
    table.unique(['api_ref', 'previous_id'], {
      indexName: 'domain_atlas_contract_revisions_api_previous_uq',
    });
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('domain_atlas_contract_revisions');
};
