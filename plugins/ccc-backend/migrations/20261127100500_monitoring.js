// @ts-check

/**
 * Monitoring samples in tiers of resolution (buckets keep count, sum, min and
 * max so that merging and averages stay exact), and the last known phone and
 * trunk registration state of every system for the fleet views.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('monitoring_buckets', table => {
    table.comment('CPU and memory per system in time buckets of several resolutions');
    table.string('system_id', 36).notNullable().references('id').inTable('systems').onDelete('CASCADE');
    table.integer('resolution_s').notNullable();
    table.string('ts', 32).notNullable().comment('Bucket start');
    table.integer('n').notNullable();
    table.double('cpu_sum').notNullable();
    table.double('cpu_min').notNullable();
    table.double('cpu_max').notNullable();
    table.double('mem_sum').notNullable();
    table.double('mem_min').notNullable();
    table.double('mem_max').notNullable();
    table.double('mem_total').notNullable();
    table.primary(['system_id', 'resolution_s', 'ts']);
  });
  await knex.schema.createTable('phone_status', table => {
    table.comment('Phones of each system as last read (manual: Telefon Status)');
    table.string('system_id', 36).notNullable().references('id').inTable('systems').onDelete('CASCADE');
    table.string('phone_id', 100).notNullable();
    table.text('name').notNullable();
    table.string('mac_address', 32).nullable();
    table.string('type', 16).notNullable();
    table.text('manufacturer').nullable();
    table.text('model').notNullable();
    table.text('firmware_version').nullable();
    table.text('user_number').nullable();
    table.string('status', 32).notNullable();
    table.string('read_at', 32).notNullable();
    table.primary(['system_id', 'phone_id']);
    table.index(['status'], 'phone_status_status_idx');
  });
  await knex.schema.createTable('trunk_status', table => {
    table.comment('Provider accounts of each system as last read (manual: Provider und Accounts)');
    table.string('system_id', 36).notNullable().references('id').inTable('systems').onDelete('CASCADE');
    table.string('trunk_id', 100).notNullable();
    table.text('account_name').notNullable();
    table.text('provider_name').notNullable();
    table.string('stun_state', 32).notNullable();
    table.string('registration_state', 32).notNullable();
    table.string('last_change', 32).nullable();
    table.string('read_at', 32).notNullable();
    table.primary(['system_id', 'trunk_id']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('trunk_status');
  await knex.schema.dropTable('phone_status');
  await knex.schema.dropTable('monitoring_buckets');
};
