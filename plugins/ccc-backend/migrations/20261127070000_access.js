// @ts-check

/**
 * Access control: grants of roles on systems, CCC user groups with members
 * and systems, and the audit trail. One row per role keeps "has one of these
 * roles" a plain SQL condition on both databases (no JSON functions).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('system_grants', table => {
    table.comment('Roles on a system granted to a user or a catalog group');
    table.string('system_id', 36).notNullable().references('id').inTable('systems').onDelete('CASCADE');
    table.text('subject_ref').notNullable().comment('user:... or group:... entity ref');
    table.string('role', 32).notNullable();
    table.text('granted_by').notNullable();
    table.string('updated_at', 32).notNullable();
    table.primary(['system_id', 'subject_ref', 'role']);
    table.index(['subject_ref'], 'system_grants_subject_idx');
    table.index(['granted_by'], 'system_grants_granted_by_idx');
  });
  await knex.schema.createTable('user_groups', table => {
    table.comment('CCC user groups (manual: Benutzergruppen)');
    table.string('id', 36).primary();
    table.text('name').notNullable();
    table.text('description').notNullable().defaultTo('');
    table.string('default_role', 32).notNullable();
    table.string('visibility', 16).notNullable().comment('public | private');
    table.text('owner_ref').notNullable();
    table.string('created_at', 32).notNullable();
    table.string('updated_at', 32).notNullable();
  });
  await knex.schema.createTable('user_group_members', table => {
    table.comment('Members of CCC user groups, one row per role the group gives them');
    table.string('group_id', 36).notNullable().references('id').inTable('user_groups').onDelete('CASCADE');
    table.text('member_ref').notNullable();
    table.string('role', 32).notNullable();
    table.primary(['group_id', 'member_ref', 'role']);
    table.index(['member_ref'], 'user_group_members_member_idx');
  });
  await knex.schema.createTable('user_group_systems', table => {
    table.comment('Systems assigned to CCC user groups');
    table.string('group_id', 36).notNullable().references('id').inTable('user_groups').onDelete('CASCADE');
    table.string('system_id', 36).notNullable().references('id').inTable('systems').onDelete('CASCADE');
    table.text('added_by').notNullable();
    table.string('added_at', 32).notNullable();
    table.primary(['group_id', 'system_id']);
    table.index(['system_id'], 'user_group_systems_system_idx');
  });
  await knex.schema.createTable('audit_events', table => {
    table.comment('Audit trail: every change, written in the transaction of the change');
    table.increments('id').primary();
    table.string('at', 32).notNullable();
    table.text('actor_ref').notNullable();
    table.string('action', 64).notNullable();
    // No foreign keys: the trail outlives deleted systems and groups.
    table.string('system_id', 36).nullable();
    table.string('group_id', 36).nullable();
    table.text('details').notNullable().defaultTo('{}');
    table.index(['system_id', 'id'], 'audit_events_system_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('audit_events');
  await knex.schema.dropTable('user_group_systems');
  await knex.schema.dropTable('user_group_members');
  await knex.schema.dropTable('user_groups');
  await knex.schema.dropTable('system_grants');
};
