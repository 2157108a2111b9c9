import { Knex } from 'knex';

/**
 * Checks that the configured encryption key is the one this database was set
 * up with, and records it on first use. Throws an error naming both
 * fingerprints when another key was used before.
 */
export async function verifyEncryptionKey(knex: Knex, fingerprint: string, now = new Date()): Promise<void> {
  await knex.transaction(async trx => {
    const known: Array<{ fingerprint: string }> = await trx('encryption_keys').select('fingerprint');
    if (known.length === 0) {
      // Unique primary key: of two replicas starting at once, one insert wins and the other is ignored.
      await trx('encryption_keys')
        .insert({ fingerprint, created_at: now.toISOString() })
        .onConflict('fingerprint')
        .ignore();
      return;
    }
    if (!known.some(row => row.fingerprint === fingerprint)) {
      throw new Error(
        `ccc.encryptionKey (fingerprint ${fingerprint}) is not the key that encrypted the secrets stored in this database ` +
          `(fingerprint ${known.map(row => row.fingerprint).join(', ')}). Configure the previous key again; ` +
          'stored device credentials and SMTP passwords cannot be read with another one.',
      );
    }
  });
}
