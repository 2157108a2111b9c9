import knexFactory, { Knex } from 'knex';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { migrationsDir } from '../database/migrateDatabase';
import { verifyEncryptionKey } from '../database/verifyEncryptionKey';
import { SecretBox } from './SecretBox';
import { PAIRING_TOKEN_CONTEXT } from './secretContexts';

jest.setTimeout(120_000);

const OLD_KEY = 'cli-rotation-old-key-0123456789abcdefghij';
const NEW_KEY = 'cli-rotation-new-key-9876543210zyxwvutsrq';
const TOKEN = 'K7Q2-9XPM-4TZD';
const repoRoot = resolve(__dirname, '../../../..');

/**
 * The `npm run rotate-key` command of the README (packages/backend/src/cli) as an operator runs it: a real process
 * with a configuration file and a SQLite database on disk. The re-encryption itself is tested on both databases in
 * rotateEncryptionKey.test.ts; this checks the command around it (configuration, environment, output, exit codes).
 */
describe('rotate-key command', () => {
  let dir: string;
  let configFile: string;
  let knex: Knex;

  beforeEach(async () => {
    dir = mkdtempSync(join(os.tmpdir(), 'ccc-rotate-key-'));
    configFile = join(dir, 'app-config.yaml');
    writeFileSync(
      configFile,
      [
        'backend:',
        '  database:',
        '    client: better-sqlite3',
        '    connection:',
        `      directory: ${JSON.stringify(dir)}`,
        'ccc:',
        `  encryptionKey: ${OLD_KEY}`,
        '',
      ].join('\n'),
    );
    // What a backend with the old key left behind: the schema, its key, one sealed pairing token.
    knex = knexFactory({ client: 'better-sqlite3', connection: { filename: join(dir, 'ccc.sqlite') }, useNullAsDefault: true });
    await knex.migrate.latest({ directory: migrationsDir });
    await verifyEncryptionKey(knex, new SecretBox(OLD_KEY).keyFingerprint);
    const at = '2026-11-27T08:00:00.000Z';
    await knex('systems').insert({
      id: '00000000-0000-4000-8000-000000000001',
      name: 'Zentrale',
      serial_number: 'CTX000111222',
      owner_ref: 'user:default/anna',
      catalog_owner_ref: 'user:default/anna',
      state: 'token_pending',
      token_hash: 'not-used-here',
      token_sealed: new SecretBox(OLD_KEY).encrypt(TOKEN, PAIRING_TOKEN_CONTEXT),
      token_expires_at: '2026-11-28T08:00:00.000Z',
      allow_self_signed_tls: false,
      created_at: at,
      updated_at: at,
    });
    // The command wants the backends stopped; so does SQLite's single writer.
    await knex.destroy();
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const run = (env: Record<string, string>) =>
    spawnSync('npm', ['run', '--silent', 'rotate-key', '--', '--config', configFile], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, ...env },
      timeout: 90_000,
    });

  const stored = async () => {
    const db = knexFactory({ client: 'better-sqlite3', connection: { filename: join(dir, 'ccc.sqlite') }, useNullAsDefault: true });
    try {
      const row = await db('systems').first();
      const keys = (await db('encryption_keys').select('fingerprint')).map(k => k.fingerprint);
      return { sealed: row.token_sealed as string, keys };
    } finally {
      await db.destroy();
    }
  };

  it('re-encrypts under the new key, records it and says what it did, naming keys only by fingerprint', async () => {
    const result = run({ CCC_NEW_ENCRYPTION_KEY: NEW_KEY });
    expect(result.stderr).not.toMatch(/failed/);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/systems\.token_sealed: 1 re-encrypted/);
    expect(result.stdout).toContain(`now belongs to key ${new SecretBox(NEW_KEY).keyFingerprint}`);
    for (const secret of [OLD_KEY, NEW_KEY, TOKEN]) expect(result.stdout + result.stderr).not.toContain(secret);

    const { sealed, keys } = await stored();
    expect(new SecretBox(NEW_KEY).decrypt(sealed, PAIRING_TOKEN_CONTEXT)).toBe(TOKEN);
    expect(() => new SecretBox(OLD_KEY).decrypt(sealed, PAIRING_TOKEN_CONTEXT)).toThrow();
    expect(keys).toEqual([new SecretBox(NEW_KEY).keyFingerprint]);
  });

  it('refuses to run without a new key in the environment, and changes nothing', async () => {
    const before = await stored();
    const result = run({ CCC_NEW_ENCRYPTION_KEY: '' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Key rotation failed: Set CCC_NEW_ENCRYPTION_KEY/);
    expect(await stored()).toEqual(before);
  });

  it('refuses a configured key that is not the database key, and changes nothing', async () => {
    const before = await stored();
    writeFileSync(configFile, readFileSync(configFile, 'utf8').replace(OLD_KEY, 'some-other-key-0123456789abcdefghijklmnop'));
    const result = run({ CCC_NEW_ENCRYPTION_KEY: NEW_KEY });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Key rotation failed: .*not the key/);
    expect(result.stderr).not.toContain('some-other-key');
    expect(await stored()).toEqual(before);
  });
});
