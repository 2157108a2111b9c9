// @ts-check

/**
 * Outgoing mail servers, their assignment to systems, the warnings collected
 * from devices and the record of alert mails.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('smtp_servers', table => {
    table.comment('Outgoing mail servers (manual: Administration > SMTP)');
    table.string('id', 36).primary();
    table.text('name').notNullable();
    table.text('host').notNullable();
    table.integer('port').notNullable();
    table.text('username').nullable();
    table.text('password_sealed').nullable().comment('Encrypted; never returned by the API');
    table.text('sender').notNullable();
    table.text('recipient').notNullable();
    table.boolean('no_tls').notNullable().defaultTo(false);
    table.boolean('is_default').notNullable().defaultTo(false);
    table.string('created_at', 32).notNullable();
    table.string('updated_at', 32).notNullable();
  });
  await knex.schema.createTable('system_smtp', table => {
    // No apostrophes in comments: knex does not escape them for PostgreSQL.
    table.comment('The mail server assigned to a system for its warnings; none means the default server');
    table.string('system_id', 36).primary().references('id').inTable('systems').onDelete('CASCADE');
    // No cascade: deleting a server that systems use is refused by the service.
    table.string('smtp_server_id', 36).notNullable().references('id').inTable('smtp_servers');
    table.text('assigned_by').notNullable();
    table.string('assigned_at', 32).notNullable();
  });
  await knex.schema.createTable('system_warnings', table => {
    table.comment('System messages collected from devices (manual: Warnungen)');
    table.string('system_id', 36).notNullable().references('id').inTable('systems').onDelete('CASCADE');
    table.bigInteger('device_message_id').notNullable().comment('The id the device gave the message');
    table.string('ts', 32).notNullable();
    table.string('severity', 16).notNullable().comment('info | malfunction | serious | security');
    table.text('category').notNullable();
    table.text('text').notNullable();
    table.string('collected_at', 32).notNullable();
    table.string('mailed_at', 32).nullable().comment('When alerting handled it (mailed, suppressed, or no server); null: not yet');
    table.primary(['system_id', 'device_message_id']);
    table.index(['system_id', 'ts'], 'system_warnings_time_idx');
  });
  await knex.schema.createTable('alert_deliveries', table => {
    table.comment('Every alert mail sent or attempted, with the reason when it failed');
    table.increments('id').primary();
    table.string('system_id', 36).notNullable().references('id').inTable('systems').onDelete('CASCADE');
    table.string('smtp_server_id', 36).nullable();
    table.string('at', 32).notNullable();
    table.string('status', 16).notNullable().comment('sent | failed | no_server | suppressed');
    table.integer('warning_count').notNullable();
    table.integer('suppressed_count').notNullable().defaultTo(0);
    table.text('recipient').nullable();
    table.text('subject').nullable();
    table.text('error').nullable();
    table.index(['system_id', 'id'], 'alert_deliveries_system_idx');
  });
  await knex.schema.createTable('device_cursors', table => {
    table.comment('Where incremental collection from a device stands, per kind of data');
    table.string('system_id', 36).notNullable().references('id').inTable('systems').onDelete('CASCADE');
    table.string('kind', 32).notNullable().comment('e.g. warnings, calldata');
    table.text('cursor').notNullable();
    table.string('updated_at', 32).notNullable();
    table.primary(['system_id', 'kind']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('device_cursors');
  await knex.schema.dropTable('alert_deliveries');
  await knex.schema.dropTable('system_warnings');
  await knex.schema.dropTable('system_smtp');
  await knex.schema.dropTable('smtp_servers');
};
