import { mockServices } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { CccDatabase, createCccDatabase } from '../database/CccDatabase';
import { migrateDatabase } from '../database/migrateDatabase';
import { verifyEncryptionKey } from '../database/verifyEncryptionKey';
import { HttpDeviceClient } from '../device/HttpDeviceClient';
import { SmtpMailer } from '../smtp/SmtpMailer';
import { SmtpService } from '../smtp/SmtpService';
import { SystemsService } from '../systems/SystemsService';
import { rotateEncryptionKey } from './rotateEncryptionKey';
import { SecretBox } from './SecretBox';
import { remoteSessionContext, SEALED_COLUMNS } from './secretContexts';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const OLD = new SecretBox('rotation-old-key-0123456789abcdefghijklmn');
const NEW = new SecretBox('rotation-new-key-9876543210zyxwvutsrqponm');
const OWNER = 'user:default/anna';
const DEVICE_PASSWORD = 'device-Pw-4711!';
const SMTP_PASSWORD = 'smtp-Pw-0815?';
const SESSION_URL = 'https://ctx000111222.example/remote/session-abc';

describe.each(databases.eachSupportedId())('rotateEncryptionKey (%s)', databaseId => {
  let knex: Knex;
  let db: CccDatabase;
  let pairedId: string;
  let pendingId: string;
  let pendingCode: string;
  let smtpId: string;

  const systemsWith = (secrets: SecretBox) =>
    new SystemsService({
      db,
      secrets,
      devices: new HttpDeviceClient({ timeoutMs: 100 }),
      logger: mockServices.logger.mock(),
      deviceUrlTemplate: 'http://127.0.0.1:9/devices/{serial}',
    });

  /** Everything stored and read back through the services, as the backend does. */
  async function readAll(secrets: SecretBox) {
    const systems = systemsWith(secrets);
    const target = await systems.pairedTarget(pairedId);
    const pending = await systems.get(pendingId);
    const smtp = (await db.smtp.get(smtpId))!;
    const link = (await db.remoteLinks.get('a'.repeat(64)))!;
    return {
      devicePassword: target.credentials.password,
      token: pending.token?.code,
      smtpPassword: secrets.decrypt(smtp.passwordSealed!, `smtp:${smtpId}:password`),
      sessionUrl: secrets.decrypt(link.sessionUrlSealed, remoteSessionContext(link.tokenHash)),
    };
  }

  /** The raw sealed values, to prove a failed rotation changed none of them. */
  async function sealedValues() {
    const values: string[] = [];
    for (const sealed of SEALED_COLUMNS) {
      const rows = await knex(sealed.table).whereNotNull(sealed.column).orderBy(sealed.key).select(sealed.column);
      values.push(...rows.map(row => row[sealed.column]));
    }
    return values;
  }

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    await migrateDatabase(mockServices.database({ knex }));
    await verifyEncryptionKey(knex, OLD.keyFingerprint);
    db = createCccDatabase(knex);
    const systems = systemsWith(OLD);
    const paired = await systems.register({ name: 'Zentrale', serialNumber: 'CTX000111222' }, OWNER);
    await systems.pair({
      serialNumber: 'CTX000111222',
      token: paired.token.code,
      credentials: { username: 'ccc-api', password: DEVICE_PASSWORD },
    });
    pairedId = paired.system.id;
    const pending = await systems.register({ name: 'Filiale', serialNumber: 'CTX000333444' }, OWNER);
    pendingId = pending.system.id;
    pendingCode = pending.token.code;
    const smtp = new SmtpService({ db, secrets: OLD, mailer: new SmtpMailer({ secrets: OLD }) });
    smtpId = (
      await smtp.create(
        {
          name: 'Mail',
          host: 'mail.example.com',
          port: 587,
          username: 'ccc',
          password: SMTP_PASSWORD,
          sender: 'ccc@example.com',
          recipient: 'ops@example.com',
          noTls: false,
          isDefault: true,
        },
        OWNER,
      )
    ).id;
    const tokenHash = 'a'.repeat(64);
    await db.remoteLinks.insert({
      tokenHash,
      systemId: pairedId,
      userRef: OWNER,
      sessionUrlSealed: OLD.encrypt(SESSION_URL, remoteSessionContext(tokenHash)),
      viewHash: null,
      createdAt: '2026-11-27T10:00:00.000Z',
      openBy: '2026-11-27T10:02:00.000Z',
      openedAt: null,
      expiresAt: '2026-11-27T11:00:00.000Z',
    });
  });

  it('re-encrypts every secret, and afterwards only the new key reads them and starts the backend', async () => {
    const before = await readAll(OLD);
    expect(before).toEqual({ devicePassword: DEVICE_PASSWORD, token: pendingCode, smtpPassword: SMTP_PASSWORD, sessionUrl: SESSION_URL });

    const result = await rotateEncryptionKey(knex, OLD, NEW);
    expect(result).toEqual({
      'systems.credentials_sealed': 1,
      'systems.token_sealed': 1,
      'smtp_servers.password_sealed': 1,
      'remote_links.session_url_sealed': 1,
    });

    expect(await readAll(NEW)).toEqual(before);
    await expect(readAll(OLD)).rejects.toThrow(/encrypted with another key/);
    await expect(verifyEncryptionKey(knex, NEW.keyFingerprint)).resolves.toBeUndefined();
    await expect(verifyEncryptionKey(knex, OLD.keyFingerprint)).rejects.toThrow(/is not the key that encrypted/);
  });

  it('refuses a current key that is not the database key and changes nothing', async () => {
    const values = await sealedValues();
    const stranger = new SecretBox('some-other-key-abcdefghijklmnopqrstuvwxyz');
    await expect(rotateEncryptionKey(knex, stranger, NEW)).rejects.toThrow(
      new RegExp(`fingerprint ${stranger.keyFingerprint}\\) is not the key of this database.*nothing was changed`),
    );
    expect(await sealedValues()).toEqual(values);
    await expect(rotateEncryptionKey(knex, OLD, OLD)).rejects.toThrow(/same as the current one/);
  });

  it('rolls everything back when one value cannot be read, naming the row and not the value', async () => {
    // A value sealed under a third key, as a half-finished manual repair could leave behind.
    const stray = new SecretBox('stray-key-abcdefghijklmnopqrstuvwxyz012345');
    await knex('smtp_servers').where({ id: smtpId }).update({ password_sealed: stray.encrypt('x', `smtp:${smtpId}:password`) });
    const values = await sealedValues();

    const failure = rotateEncryptionKey(knex, OLD, NEW);
    await expect(failure).rejects.toThrow(`smtp_servers.password_sealed of id ${smtpId} cannot be read with the current key`);

    expect(await sealedValues()).toEqual(values);
    await expect(verifyEncryptionKey(knex, OLD.keyFingerprint)).resolves.toBeUndefined();
  });
});
