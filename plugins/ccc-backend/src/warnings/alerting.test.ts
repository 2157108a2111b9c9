import { mockServices } from '@backstage/backend-test-utils';
import { RunningSimulator, startSimulator, systemMessages } from '@internal/comtrexx-simulator';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { startTestSmtpServer, TestSmtpServer } from '../__testUtils__/testSmtpServer';
import { CccDatabase, createCccDatabase } from '../database/CccDatabase';
import { migrateDatabase } from '../database/migrateDatabase';
import { HttpDeviceClient } from '../device/HttpDeviceClient';
import { SecretBox } from '../secrets/SecretBox';
import { SmtpMailer } from '../smtp/SmtpMailer';
import { SmtpService } from '../smtp/SmtpService';
import { SystemsService } from '../systems/SystemsService';
import { AlertMailer } from './AlertMailer';
import { WarningsService } from './WarningsService';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const secrets = new SecretBox('alerting-test-key-0123456789abcdefghijklm');
const OWNER = 'user:default/anna';

/**
 * Warnings end to end: collected from a simulated COMtrexx over HTTP, stored
 * once, and mailed through a real SMTP server in the test, grouped per
 * system and run, with a cooldown on repeats (clock injected).
 */
describe.each(databases.eachSupportedId())('warnings and alert mails (%s)', databaseId => {
  let clock: Date;
  let db: CccDatabase;
  let simulator: RunningSimulator;
  let mail: TestSmtpServer;
  let systems: SystemsService;
  let warnings: WarningsService;
  let alerts: AlertMailer;
  let smtp: SmtpService;
  let systemId: string;

  beforeEach(async () => {
    clock = new Date('2026-11-20T12:00:00.000Z');
    simulator = await startSimulator({ seed: 8, size: 1, now: () => clock });
    mail = await startTestSmtpServer({});
    const knex = await databases.init(databaseId);
    await migrateDatabase(mockServices.database({ knex }));
    db = createCccDatabase(knex);
    const devices = new HttpDeviceClient({ timeoutMs: 3000 });
    const logger = mockServices.logger.mock();
    systems = new SystemsService({ db, secrets, devices, logger, deviceUrlTemplate: simulator.deviceUrlTemplate, now: () => clock });
    warnings = new WarningsService({ db, systems, devices, logger, now: () => clock });
    const mailer = new SmtpMailer({ secrets, timeoutMs: 3000 });
    smtp = new SmtpService({ db, secrets, mailer, now: () => clock });
    alerts = new AlertMailer({ db, smtp, mailer, logger, minSeverity: 'info', cooldownHours: 6, now: () => clock });

    // Paired as the device would have it after an admin confirmed the code.
    const device = simulator.fleet[0];
    const credentials = { username: 'ccc-api', password: 'alerting-device-pw' };
    device.ccc = { ...device.ccc, state: 'confirmed', apiUser: credentials };
    device.maintenance = { ...device.maintenance, active: true };
    const { system, token } = await systems.register({ name: 'Zentrale', serialNumber: device.serialNumber }, OWNER);
    await systems.pair({ serialNumber: device.serialNumber, token: token.code, credentials });
    const refreshed = await systems.refresh(system.id);
    if (refreshed.state !== 'paired_ok') throw new Error(`Set-up failed: system is ${refreshed.state}`);
    systemId = system.id;
  });

  afterEach(async () => {
    await simulator?.close();
    await mail?.close();
  });

  const addWarning = (id: number, text: string, severity: 'info' | 'serious' = 'serious') =>
    db.warnings.addWarnings(
      systemId,
      [{ deviceMessageId: id, ts: clock.toISOString(), severity, category: 'Temperatur', text }],
      String(id),
      clock.toISOString(),
    );

  it('collects every message the device has, once, and later only the new ones', async () => {
    const expected = systemMessages(simulator.fleet[0], clock);
    expect(expected.length).toBeGreaterThan(10);
    expect(await warnings.collect(systemId)).toBe(expected.length);
    expect(await warnings.collect(systemId)).toBe(0);

    clock = new Date(clock.getTime() + 5 * 24 * 3_600_000);
    const later = systemMessages(simulator.fleet[0], clock);
    expect(await warnings.collect(systemId)).toBe(later.length - expected.length);
    const page = await warnings.list(systemId, { limit: '5' });
    expect(page.totalCount).toBe(later.length);
    expect(page.items[0].id).toBe(later[later.length - 1].id);

    // A repeated read with an old cursor (two replicas, a crash) stores nothing twice.
    const again = await db.warnings.addWarnings(
      systemId,
      later.map(m => ({ deviceMessageId: m.id, ts: m.ts, severity: m.severity, category: m.category, text: m.text })),
      String(later[later.length - 1].id),
      clock.toISOString(),
    );
    expect(again).toBe(0);
  });

  it('filters and sorts the warnings tab, and refuses bad queries in words', async () => {
    await warnings.collect(systemId);
    const serious = await warnings.list(systemId, { severity: ['serious', 'security'], sort: 'severity', order: 'desc' });
    expect(serious.items.every(w => w.severity === 'serious' || w.severity === 'security')).toBe(true);
    const ranks = serious.items.map(w => ['info', 'malfunction', 'serious', 'security'].indexOf(w.severity));
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
    const text = (await warnings.list(systemId, {})).items[0].text.slice(0, 6).toUpperCase();
    const found = await warnings.list(systemId, { q: text });
    expect(found.totalCount).toBeGreaterThan(0);
    expect(found.items.every(w => `${w.text} ${w.category}`.toUpperCase().includes(text))).toBe(true);
    await expect(warnings.list(systemId, { sort: 'colour' })).rejects.toThrow(/sort is ts, severity or text/);
    await expect(warnings.list(systemId, { limit: '0' })).rejects.toThrow(/limit/);
  });

  it('sends one mail per system and run, leaves out repeats within the cooldown, and records it all', async () => {
    await smtp.create(
      { name: 'Mail', host: '127.0.0.1', port: mail.port, sender: 'pbx@example.com', recipient: 'ops@example.com', noTls: true },
      OWNER,
    );
    await addWarning(1, 'Lüfter ausgefallen');
    await addWarning(2, 'Alarmtemperatur überschritten');
    await addWarning(3, 'Lüfter ausgefallen');
    await alerts.runOnce();
    expect(mail.received).toHaveLength(1);
    expect(mail.received[0].raw).toMatch(/Subject: =\?UTF-8\?|Subject: COMtrexx Zentrale/);
    expect(mail.received[0].raw).toContain('Alarmtemperatur');
    await alerts.runOnce();
    expect(mail.received).toHaveLength(1);

    // Flapping: the same warning again within 6 hours is counted, not mailed.
    clock = new Date(clock.getTime() + 60 * 60_000);
    await addWarning(4, 'Lüfter ausgefallen');
    await alerts.runOnce();
    expect(mail.received).toHaveLength(1);
    // After the cooldown it is news again.
    clock = new Date(clock.getTime() + 7 * 3_600_000);
    await addWarning(5, 'Lüfter ausgefallen');
    await alerts.runOnce();
    expect(mail.received).toHaveLength(2);

    expect((await warnings.deliveries(systemId)).map(d => [d.status, d.warningCount, d.suppressedCount])).toEqual([
      ['sent', 1, 0],
      ['suppressed', 0, 1],
      ['sent', 2, 1],
    ]);
  });

  it('records a failed mail and tries again on the next run', async () => {
    await smtp.create(
      { name: 'Mail', host: '127.0.0.1', port: mail.port, sender: 'pbx@example.com', recipient: 'ops@example.com', noTls: true },
      OWNER,
    );
    const port = mail.port;
    await mail.close();
    await addWarning(1, 'Lüfter ausgefallen');
    await alerts.runOnce();
    const [failed] = await warnings.deliveries(systemId);
    expect(failed).toMatchObject({ status: 'failed', warningCount: 1 });
    expect(failed.error).toMatch(new RegExp(`Could not reach the mail server 127.0.0.1:${port}`));
    expect((await warnings.list(systemId, {})).items[0].mailedAt).toBeNull();

    mail = await startTestSmtpServer({});
    const server = (await smtp.list())[0];
    await smtp.update(server.id, { port: mail.port }, OWNER);
    await alerts.runOnce();
    expect(mail.received).toHaveLength(1);
    expect((await warnings.deliveries(systemId))[0].status).toBe('sent');
  });

  it('says so when there is no mail server, once', async () => {
    await addWarning(1, 'Lüfter ausgefallen');
    await alerts.runOnce();
    await alerts.runOnce();
    expect((await warnings.deliveries(systemId)).map(d => d.status)).toEqual(['no_server']);
  });

  it('mails only from the configured severity up', async () => {
    const strict = new AlertMailer({
      db,
      smtp,
      mailer: new SmtpMailer({ secrets }),
      logger: mockServices.logger.mock(),
      minSeverity: 'serious',
      now: () => clock,
    });
    await smtp.create(
      { name: 'Mail', host: '127.0.0.1', port: mail.port, sender: 'pbx@example.com', recipient: 'ops@example.com', noTls: true },
      OWNER,
    );
    await addWarning(1, 'Konfiguration gewechselt', 'info');
    await strict.runOnce();
    expect(mail.received).toHaveLength(0);
    expect(() => new AlertMailer({ db, smtp, mailer: new SmtpMailer({ secrets }), logger: mockServices.logger.mock(), minSeverity: 'loud' as never })).toThrow(
      /minSeverity must be one of/,
    );
  });
});
