import { Knex } from 'knex';
import { SecretBox } from './SecretBox';
import { SEALED_COLUMNS } from './secretContexts';

/** How many values of each encrypted column a rotation re-encrypted. */
export type RotationResult = Record<string, number>;

/**
 * Re-encrypts every stored secret from one key to another and records the new
 * key as the database's key, all in one transaction: either every value is
 * readable with the new key afterwards, or nothing changed.
 *
 * Backends must be stopped while it runs: a backend still on the old key
 * would write values the new key cannot read (and refuses to start on the old
 * key afterwards, which is the point of the recorded fingerprint).
 */
export async function rotateEncryptionKey(
  knex: Knex,
  from: SecretBox,
  to: SecretBox,
  now: Date = new Date(),
): Promise<RotationResult> {
  if (from.keyFingerprint === to.keyFingerprint) {
    throw new Error('The new encryption key is the same as the current one; nothing to rotate');
  }
  for (const table of new Set(['encryption_keys', ...SEALED_COLUMNS.map(sealed => sealed.table)])) {
    if (!(await knex.schema.hasTable(table))) {
      throw new Error(
        `This database has no table ${table}: it is older than this CCC version. Start the backend once ` +
          '(it updates the database), stop it, then rotate; nothing was changed',
      );
    }
  }
  return knex.transaction(async trx => {
    const known: Array<{ fingerprint: string }> = await trx('encryption_keys').select('fingerprint');
    if (known.length > 0 && !known.some(row => row.fingerprint === from.keyFingerprint)) {
      throw new Error(
        `The current key given (fingerprint ${from.keyFingerprint}) is not the key of this database ` +
          `(fingerprint ${known.map(row => row.fingerprint).join(', ')}); nothing was changed`,
      );
    }
    const result: RotationResult = {};
    for (const sealed of SEALED_COLUMNS) {
      const rows: Array<Record<string, string>> = await trx(sealed.table)
        .whereNotNull(sealed.column)
        .select(sealed.key, sealed.column);
      for (const row of rows) {
        const key = row[sealed.key];
        const context = sealed.context(key);
        let plaintext: string;
        try {
          plaintext = from.decrypt(row[sealed.column], context);
        } catch (error) {
          // The message names the row, never the value; throwing rolls everything back.
          throw new Error(
            `${sealed.table}.${sealed.column} of ${sealed.key} ${key} cannot be read with the current key ` +
              `(${(error as Error).message}); nothing was changed`,
          );
        }
        await trx(sealed.table)
          .where(sealed.key, key)
          .update({ [sealed.column]: to.encrypt(plaintext, context) });
      }
      result[`${sealed.table}.${sealed.column}`] = rows.length;
    }
    await trx('encryption_keys').delete();
    await trx('encryption_keys').insert({ fingerprint: to.keyFingerprint, created_at: now.toISOString() });
    return result;
  });
}
