// @ts-check

/**
 * Call data (CDR) collected from the devices. A record is identified by a
 * hash of its content, not by the device id: some firmware reports every
 * CallDataId as 0, and repeated or overlapping reads must not add a record
 * twice. Where the collection stands is kept in device_cursors (kind calldata).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('call_data', table => {
    table.comment('Call data records (manual: Gespraechsdaten) collected from devices');
    // Big: a large fleet writes millions of records a year. The id breaks ties in the order by start time.
    table.bigIncrements('id').primary();
    table.string('system_id', 36).notNullable().references('id').inTable('systems').onDelete('CASCADE');
    table.string('fingerprint', 64).notNullable().comment('SHA-256 of the record content without the device id');
    table.bigInteger('device_id').notNullable().comment('CallDataId as sent; 0 on firmware with that quirk');
    table.string('start_at', 32).notNullable().comment('Start of the call, ISO-8601 UTC with milliseconds');
    table.integer('duration_seconds').notNullable().comment('Ring time for unsuccessful calls');
    table.text('external_number').notNullable().defaultTo('');
    table.text('external_name').notNullable().defaultTo('');
    table.text('msn').notNullable().defaultTo('').comment('Own external number (Anschluss)');
    table.text('user_number').notNullable().defaultTo('').comment('Billing number (Nr. Rechnung)');
    table.text('user_name').notNullable().defaultTo('');
    table.text('connected_user_number').notNullable().defaultTo('').comment('Number of the real party (Nr. real)');
    table.text('connected_user_name').notNullable().defaultTo('');
    table.text('group_number').notNullable().defaultTo('');
    table.text('group_name').notNullable().defaultTo('');
    table.double('cost').nullable();
    table.double('cost_factor').nullable();
    table.string('direction', 8).notNullable().comment('incoming | outgoing');
    table.text('call_type').notNullable();
    table.boolean('success').notNullable().comment('Billing type: successful (erfolgreich) or not (vergeblich)');
    table.string('collected_at', 32).notNullable();
    table.unique(['system_id', 'fingerprint'], { indexName: 'call_data_fingerprint_uq' });
    table.index(['system_id', 'start_at', 'id'], 'call_data_system_start_idx');
    table.index(['start_at'], 'call_data_start_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('call_data');
  await knex('device_cursors').where({ kind: 'calldata' }).delete();
};
