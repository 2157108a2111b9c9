// @ts-check

/**
 * Indexes for the call data at fleet scale (issue #9).
 *
 * - The fleet list pages by start time across all systems in the order (start_at, id). An index on
 *   start_at alone leaves the tie-break by id to a sort, so it becomes (start_at, id), which still serves
 *   the retention's "start_at < cutoff" and the time ranges of the statistics.
 * - Records are told apart by (system, fingerprint). A random hash first in a unique index puts every new
 *   record at a random place in a large B-tree, which makes ingest slow once the index outgrows the cache.
 *   The fingerprint covers the start time, so (system_id, start_at, fingerprint) is unique exactly when
 *   (system_id, fingerprint) is, and new records, which come in time order, land next to each other.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('call_data', table => {
    table.dropIndex(['start_at'], 'call_data_start_idx');
    table.index(['start_at', 'id'], 'call_data_start_id_idx');
    table.dropUnique(['system_id', 'fingerprint'], 'call_data_fingerprint_uq');
    table.unique(['system_id', 'start_at', 'fingerprint'], { indexName: 'call_data_start_fingerprint_uq' });
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('call_data', table => {
    table.dropUnique(['system_id', 'start_at', 'fingerprint'], 'call_data_start_fingerprint_uq');
    table.unique(['system_id', 'fingerprint'], { indexName: 'call_data_fingerprint_uq' });
    table.dropIndex(['start_at', 'id'], 'call_data_start_id_idx');
    table.index(['start_at'], 'call_data_start_idx');
  });
};
