// @ts-check

/**
 * The first schema of the CCC plugin: the fingerprint of the key that
 * encrypts stored secrets, so that a backend started with another key stops
 * with a clear message instead of failing later on every secret it reads.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('encryption_keys', table => {
    table.comment('Fingerprints of the keys that encrypted secrets in this database');
    table.string('fingerprint', 64).primary().comment('HMAC fingerprint of the derived AES key, never the key itself');
    table.string('created_at', 32).notNullable().comment('ISO-8601 time the key was first used');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('encryption_keys');
};
