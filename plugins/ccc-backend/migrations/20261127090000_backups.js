// @ts-check

/**
 * Jobs the CCC started on devices (backup, restore, firmware update), backup
 * retention per system, and what the CCC last knew of each system's backups
 * (for backup assurance and the fleet backups view).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('device_jobs', table => {
    table.comment('Backups, restores and firmware updates started through the CCC, followed to the end');
    table.string('id', 36).primary();
    table.string('system_id', 36).notNullable().references('id').inTable('systems').onDelete('CASCADE');
    table.string('kind', 16).notNullable().comment('backup | restore | firmware');
    table.text('device_job_id').nullable().comment('The job id the device gave');
    table.string('state', 16).notNullable().comment('running | succeeded | failed');
    table.string('phase', 32).notNullable();
    table.integer('progress').notNullable().defaultTo(0);
    table.text('started_by').notNullable();
    table.string('started_at', 32).notNullable();
    table.string('finished_at', 32).nullable();
    table.string('polled_at', 32).nullable();
    table.text('message').nullable();
    table.text('backup_id').nullable();
    table.text('from_version').nullable();
    table.text('to_version').nullable();
    table.index(['system_id', 'started_at'], 'device_jobs_system_idx');
    table.index(['state'], 'device_jobs_state_idx');
  });
  await knex.schema.createTable('backup_settings', table => {
    table.comment('Backup retention of a system; no row: the fleet default');
    table.string('system_id', 36).primary().references('id').inTable('systems').onDelete('CASCADE');
    table.integer('keep_last').nullable();
    table.integer('keep_days').nullable();
    table.text('updated_by').notNullable();
    table.string('updated_at', 32).notNullable();
  });
  await knex.schema.createTable('backup_status', table => {
    table.comment('What the CCC last read of a system backups, for assurance and the fleet view');
    table.string('system_id', 36).primary().references('id').inTable('systems').onDelete('CASCADE');
    table.boolean('configured').notNullable();
    table.string('last_success_at', 32).nullable();
    table.string('last_failure_at', 32).nullable();
    table.text('last_failure_message').nullable();
    table.string('next_run_at', 32).nullable();
    table.string('interval', 16).nullable();
    table.string('checked_at', 32).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('backup_status');
  await knex.schema.dropTable('backup_settings');
  await knex.schema.dropTable('device_jobs');
};
