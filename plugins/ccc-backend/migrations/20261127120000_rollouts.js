// @ts-check

/**
 * Fleet firmware rollouts: the rollout (selection, waves, window, failure
 * policy, state) and one row per system with the step it reached. Steps are
 * written before the device is asked, so a restarted backend or a second
 * replica never starts a system's update twice. Device jobs remember the
 * rollout they belonged to (firmware history).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('rollouts', table => {
    table.comment('Fleet firmware rollouts in waves');
    table.string('id', 36).primary();
    table.text('name').notNullable();
    table
      .string('state', 16)
      .notNullable()
      .comment('running | paused | completed | stopped | aborted');
    table
      .text('selection')
      .notNullable()
      .comment('JSON: how the systems were chosen');
    table.integer('canary_size').notNullable();
    table.integer('batch_size').notNullable();
    table.integer('max_failures_per_wave').notNullable();
    table
      .text('window')
      .nullable()
      .comment('JSON update window; null: any time');
    table.integer('current_wave').notNullable().defaultTo(0);
    table.integer('wave_count').notNullable();
    table.text('started_by').notNullable();
    table.string('created_at', 32).notNullable();
    table.string('updated_at', 32).notNullable();
    table
      .string('finished_at', 32)
      .nullable()
      .comment('Set once the rollout ended and nothing of it runs any more');
    table.text('message').nullable();
    table.index(['finished_at'], 'rollouts_finished_idx');
    table.index(['created_at'], 'rollouts_created_idx');
  });
  await knex.schema.createTable('rollout_systems', table => {
    table.comment('The systems of a rollout and the step each reached');
    table
      .string('rollout_id', 36)
      .notNullable()
      .references('id')
      .inTable('rollouts')
      .onDelete('CASCADE');
    // No foreign key: the history keeps systems deleted since (name and serial are kept here).
    table.string('system_id', 36).notNullable();
    table.text('system_name').notNullable();
    table.text('serial_number').notNullable();
    table.integer('wave').notNullable();
    table.integer('position').notNullable();
    table.string('step', 16).notNullable();
    table.string('step_at', 32).nullable();
    table.string('backup_job_id', 36).nullable();
    table.string('update_job_id', 36).nullable();
    table.text('from_version').nullable();
    table.text('to_version').nullable();
    table.text('message').nullable();
    table.string('finished_at', 32).nullable();
    table.primary(['rollout_id', 'system_id']);
    table.index(['system_id'], 'rollout_systems_system_idx');
  });
  await knex.schema.alterTable('device_jobs', table => {
    table
      .string('rollout_id', 36)
      .nullable()
      .comment('The rollout that started the job, if any');
    table.index(['rollout_id'], 'device_jobs_rollout_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('device_jobs', table => {
    table.dropIndex(['rollout_id'], 'device_jobs_rollout_idx');
    table.dropColumn('rollout_id');
  });
  await knex.schema.dropTable('rollout_systems');
  await knex.schema.dropTable('rollouts');
};
