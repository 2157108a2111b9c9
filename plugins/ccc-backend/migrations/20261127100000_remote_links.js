// @ts-check

/**
 * One-time links to a device's web interface (remote configuration). Only a
 * hash of the link's token is kept; the device session URL is encrypted.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('remote_links', table => {
    table.comment('One-time, time-limited links to a device web interface, bound to one user');
    table.string('token_hash', 64).primary().comment('SHA-256 of the link token');
    table.string('system_id', 36).notNullable().references('id').inTable('systems').onDelete('CASCADE');
    table.text('user_ref').notNullable();
    table.text('session_url_sealed').notNullable().comment('The device session URL, encrypted');
    table.string('view_hash', 64).nullable().comment('SHA-256 of the browser cookie bound on first open');
    table.string('created_at', 32).notNullable();
    table.string('open_by', 32).notNullable().comment('The link must be opened before this moment');
    table.string('opened_at', 32).nullable();
    table.string('expires_at', 32).notNullable().comment('End of the device session');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('remote_links');
};
