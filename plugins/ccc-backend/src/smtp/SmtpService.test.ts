import { mockServices } from '@backstage/backend-test-utils';
import { ConflictError, InputError } from '@backstage/errors';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { startTestSmtpServer, TestSmtpServer } from '../__testUtils__/testSmtpServer';
import { CccDatabase, createCccDatabase } from '../database/CccDatabase';
import { migrateDatabase } from '../database/migrateDatabase';
import { SecretBox } from '../secrets/SecretBox';
import { SystemsService } from '../systems/SystemsService';
import { SmtpMailer } from './SmtpMailer';
import { SmtpService } from './SmtpService';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const secrets = new SecretBox('smtp-service-test-key-0123456789abcdefghi');
const ADMIN = 'user:default/anna';
const PASSWORD = 'Mail-Pw-Never-Shown-42';

describe.each(databases.eachSupportedId())('SmtpService (%s)', databaseId => {
  let db: CccDatabase;
  let smtp: SmtpService;
  let systems: SystemsService;
  let mailServer: TestSmtpServer;

  beforeEach(async () => {
    const knex = await databases.init(databaseId);
    await migrateDatabase(mockServices.database({ knex }));
    db = createCccDatabase(knex);
    systems = new SystemsService({ db, secrets, devices: {} as never, logger: mockServices.logger.mock() });
    mailServer = await startTestSmtpServer({ users: { pbx: PASSWORD } });
    smtp = new SmtpService({ db, secrets, mailer: new SmtpMailer({ secrets, timeoutMs: 3000 }) });
  });

  afterEach(async () => {
    await mailServer?.close();
  });

  const valid = (overrides: object = {}) => ({
    name: 'Firmenmail',
    host: '127.0.0.1',
    port: mailServer.port,
    username: 'pbx',
    password: PASSWORD,
    sender: 'pbx@example.com',
    recipient: 'ops@example.com',
    noTls: true,
    ...overrides,
  });

  it('stores the password sealed and never returns it', async () => {
    const created = await smtp.create(valid(), ADMIN);
    expect(created).toMatchObject({ name: 'Firmenmail', passwordSet: true, isDefault: true, systemCount: 0 });
    expect(JSON.stringify(created)).not.toContain(PASSWORD);
    expect(JSON.stringify(await smtp.list())).not.toContain(PASSWORD);
    const stored = await db.smtp.get(created.id);
    expect(stored?.passwordSealed).toBeTruthy();
    expect(stored?.passwordSealed).not.toContain(PASSWORD);
    expect(JSON.stringify(await db.audit.list({ limit: 10 }))).not.toContain(PASSWORD);

    // Omitted keeps it, null removes it.
    expect((await smtp.update(created.id, { name: 'Neu' }, ADMIN)).passwordSet).toBe(true);
    expect((await smtp.update(created.id, { password: null }, ADMIN)).passwordSet).toBe(false);
  });

  it('refuses bad input with a sentence and stores nothing', async () => {
    await expect(smtp.create(valid({ port: 0 }), ADMIN)).rejects.toThrow(/port: The port is a number from 1 to 65535/);
    await expect(smtp.create(valid({ port: 70000 }), ADMIN)).rejects.toThrow(/port/);
    await expect(smtp.create(valid({ host: 'not a host!' }), ADMIN)).rejects.toThrow(/IP address or a host name/);
    await expect(smtp.create(valid({ host: '300.1.2.3' }), ADMIN)).rejects.toThrow(InputError);
    await expect(smtp.create(valid({ sender: 'pbx' }), ADMIN)).rejects.toThrow(/sender as an e-mail address/);
    await expect(smtp.create(valid({ extra: 1 }), ADMIN)).rejects.toThrow(InputError);
    await expect(smtp.update('00000000-0000-4000-8000-000000000000', {}, ADMIN)).rejects.toThrow(/Nothing to change/);
    expect(await smtp.list()).toEqual([]);
  });

  it('keeps one default, counts its systems and refuses to delete servers systems depend on', async () => {
    const a = await smtp.create(valid({ name: 'A' }), ADMIN);
    const b = await smtp.create(valid({ name: 'B' }), ADMIN);
    expect((await smtp.list()).map(s => [s.name, s.isDefault])).toEqual([
      ['A', true],
      ['B', false],
    ]);
    const { system } = await systems.register({ name: 'Zentrale', serialNumber: 'CTX000111222' }, ADMIN);
    await systems.register({ name: 'Filiale', serialNumber: 'CTX000111333' }, ADMIN);
    expect((await smtp.list()).map(s => s.systemCount)).toEqual([2, 0]);

    await expect(smtp.deleteMany({ ids: [a.id] }, ADMIN)).rejects.toThrow(
      new ConflictError('A is the default server of 2 system(s); make another server the default first'),
    );
    expect(await smtp.assign(system.id, { smtpServerId: b.id }, ADMIN)).toEqual({
      assigned: { id: b.id, name: 'B', isDefault: false },
      effective: { id: b.id, name: 'B', isDefault: false },
    });
    await expect(smtp.deleteMany({ ids: [b.id] }, ADMIN)).rejects.toThrow(/assigned to 1 system/);
    // All or nothing: a refused id keeps the others too.
    await expect(smtp.deleteMany({ ids: [b.id, a.id] }, ADMIN)).rejects.toThrow(ConflictError);
    expect(await smtp.list()).toHaveLength(2);

    await smtp.update(b.id, { isDefault: true }, ADMIN);
    expect((await smtp.list()).map(s => [s.name, s.isDefault, s.systemCount])).toEqual([
      ['A', false, 0],
      ['B', true, 2],
    ]);
    await smtp.deleteMany({ ids: [a.id] }, ADMIN);
    expect((await smtp.unassign(system.id, ADMIN)).effective?.name).toBe('B');
    await expect(smtp.unassign(system.id, ADMIN)).rejects.toThrow(ConflictError);
    await expect(smtp.assign(system.id, { smtpServerId: a.id }, ADMIN)).rejects.toThrow(/No SMTP server/);
  });

  it('checks a server by sending a real test mail and reports refusals in words', async () => {
    const good = await smtp.create(valid(), ADMIN);
    const result = await smtp.check(good.id, ADMIN);
    expect(result).toMatchObject({ delivered: true, message: 'The mail server accepted the test mail for ops@example.com' });
    expect(mailServer.received).toHaveLength(1);
    expect(mailServer.received[0].raw).toMatch(/Subject: COMtrexx Control Center: test mail/);

    const wrong = await smtp.create(valid({ name: 'Falsch', password: 'wrong-password' }), ADMIN);
    const refused = await smtp.check(wrong.id, ADMIN);
    expect(refused.delivered).toBe(false);
    expect(refused.message).toMatch(/refused the user name or password/);
    expect(JSON.stringify(refused)).not.toContain('wrong-password');
  });
});
