// @ts-check

/**
 * Alert conditions: what is wrong with a system right now (backup failed or
 * stale, device unreachable, a warning category active), one row per system
 * and condition, raised and cleared by the alert run. The mail path and the
 * Backstage notifications both follow these rows, each with its own record of
 * what it has already told.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('alert_conditions', table => {
    table.comment('Alert conditions per system: raised, updated and cleared by the alert run');
    table.string('system_id', 36).notNullable().references('id').inTable('systems').onDelete('CASCADE');
    table.string('condition_key', 64).notNullable().comment('Stable per system, e.g. backup_failed or warning:<hash of the category>');
    table.string('kind', 32).notNullable().comment('warning | backup_failed | backup_stale | device_unreachable');
    table.string('severity', 16).notNullable().comment('info | malfunction | serious | security');
    table.text('title').notNullable();
    table.text('summary').notNullable();
    table.string('raised_at', 32).notNullable().comment('When it was last raised');
    table.string('updated_at', 32).notNullable().comment('When its content last changed');
    table.string('cleared_at', 32).nullable().comment('Null while the condition holds');
    table.integer('revision').notNullable().defaultTo(1).comment('Grows with every raise and every change of content');
    table.string('mail_state', 16).nullable().comment('raised | suppressed | cleared: what the alert mails said of the current raise');
    table.string('last_mailed_at', 32).nullable().comment('When a raise of it was last mailed (cooldown)');
    table.integer('notified_revision').nullable().comment('Revision last sent as a Backstage notification');
    table.string('notified_state', 16).nullable().comment('raised | cleared: what the last notification said');
    table.string('notified_at', 32).nullable();
    table.primary(['system_id', 'condition_key']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('alert_conditions');
};
