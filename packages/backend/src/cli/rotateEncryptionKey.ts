/*
 * Rotates the CCC's encryption key (`ccc.encryptionKey`): re-encrypts every
 * stored device credential, SMTP password, pending pairing token and remote
 * session URL under a new key in one transaction, and records the new key as
 * the database's key.
 *
 * Usage (backends stopped, from the repository root):
 *   CCC_NEW_ENCRYPTION_KEY=… npm run rotate-key -- --config ../../app-config.yaml [--config …]
 * The current key is read from the same configuration the backend uses; the
 * new one only from the environment, so it stays out of shell history and
 * process lists. Afterwards configure the new key and start the backends.
 */
import { DatabaseManager } from '@backstage/backend-defaults/database';
import { LoggerService } from '@backstage/backend-plugin-api';
import { ConfigSources } from '@backstage/config-loader';
import { rotateEncryptionKey, SecretBox } from '@internal/plugin-ccc-backend';

const logger: LoggerService = {
  info: message => console.log(message),
  warn: message => console.warn(message),
  error: message => console.error(message),
  debug: () => {},
  child: () => logger,
};

async function main() {
  const newKey = process.env.CCC_NEW_ENCRYPTION_KEY;
  if (!newKey) {
    throw new Error('Set CCC_NEW_ENCRYPTION_KEY to the new key (generate one with `openssl rand -base64 32`).');
  }
  const config = await ConfigSources.toConfig(ConfigSources.default({ rootDir: process.cwd() }));
  const from = SecretBox.fromConfig(config);
  const to = new SecretBox(newKey);
  const shutdownHooks: Array<() => void | Promise<void>> = [];
  const database = DatabaseManager.fromConfig(config).forPlugin('ccc', {
    logger,
    lifecycle: { addStartupHook: () => {}, addShutdownHook: hook => shutdownHooks.push(hook) },
  });
  const knex = await database.getClient();
  try {
    const counts = await rotateEncryptionKey(knex, from, to);
    for (const [column, count] of Object.entries(counts)) {
      console.log(`${column}: ${count} re-encrypted`);
    }
    console.log(
      `Done: the database now belongs to key ${to.keyFingerprint} (was ${from.keyFingerprint}). ` +
        'Set ccc.encryptionKey to the new key before starting the backends.',
    );
  } finally {
    await knex.destroy();
    config.close();
    for (const hook of shutdownHooks) await hook();
  }
}

main().catch(error => {
  // Messages name keys by fingerprint and rows by id, never a secret.
  console.error(`Key rotation failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
