// @ts-check

/**
 * Registered COMtrexx systems and a small key/value table for one-off plugin
 * state (e.g. that the demo fleet was seeded). Times are ISO-8601 UTC strings
 * in text columns: the same shape on SQLite and PostgreSQL, and sortable.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('systems', table => {
    table.comment('COMtrexx systems registered in the CCC');
    table.string('id', 36).primary().comment('UUID');
    table.text('name').notNullable().comment('Free name given at registration');
    table.string('serial_number', 32).notNullable().unique().comment('Normalised serial number');
    table.text('owner_ref').notNullable().comment('Entity ref of the registering user (the owner)');
    table.text('catalog_owner_ref').notNullable().comment('spec.owner of the catalog entity');
    table.string('state', 32).notNullable().comment('token_pending | paired_ok | paired_restricted | error | unknown');
    table.string('state_reason', 32).nullable();
    table.text('state_message').nullable();
    table.string('token_hash', 64).nullable().comment('SHA-256 of the pending pairing token, for comparison');
    table.text('token_sealed').nullable().comment('The pending token, encrypted, for display');
    table.string('token_expires_at', 32).nullable();
    table.text('credentials_sealed').nullable().comment('Device API credentials, encrypted');
    table.text('device_facts').nullable().comment('JSON: what the device last reported');
    table.text('device_url').nullable().comment('Direct device URL; null uses the configured template');
    table.boolean('allow_self_signed_tls').notNullable().defaultTo(false);
    table.string('first_registered_at', 32).nullable();
    table.string('last_seen_at', 32).nullable();
    table.string('created_at', 32).notNullable();
    table.string('updated_at', 32).notNullable();
  });
  await knex.schema.createTable('plugin_state', table => {
    table.comment('One-off plugin state, e.g. whether the demo fleet was seeded');
    table.string('key', 100).primary();
    table.text('value').notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('plugin_state');
  await knex.schema.dropTable('systems');
};
