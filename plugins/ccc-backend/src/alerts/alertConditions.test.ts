import { mockServices } from '@backstage/backend-test-utils';
import { RunningSimulator, startSimulator } from '@internal/comtrexx-simulator';
import { pairedSystem } from '../__testUtils__/alertFixtures';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { startTestSmtpServer, TestSmtpServer } from '../__testUtils__/testSmtpServer';
import { AlertConditionRecord } from '../database/AlertConditionStore';
import { CccDatabase, createCccDatabase } from '../database/CccDatabase';
import { migrateDatabase } from '../database/migrateDatabase';
import { HttpDeviceClient } from '../device/HttpDeviceClient';
import { SecretBox } from '../secrets/SecretBox';
import { SmtpMailer } from '../smtp/SmtpMailer';
import { SmtpService } from '../smtp/SmtpService';
import { SystemsService } from '../systems/SystemsService';
import { AlertMailer } from '../warnings/AlertMailer';
import { AlertConditionTracker } from './AlertConditionTracker';
import { warningConditionKey } from './conditions';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const secrets = new SecretBox('alert-conditions-test-key-0123456789abcdefgh');
const S1 = '11111111-1111-4111-8111-111111111111';
const S2 = '22222222-2222-4222-8222-222222222222';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Alert conditions raised, updated and cleared from what the status poll and
 * backup assurance stored, with an injected clock.
 */
describe.each(databases.eachSupportedId())('alert conditions (%s)', databaseId => {
  let clock: Date;
  let db: CccDatabase;
  let tracker: AlertConditionTracker;
  const iso = () => clock.toISOString();
  const advance = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };
  const conditions = async (systemId = S1) =>
    new Map((await db.alertConditions.list([systemId])).map(c => [c.key, c] as [string, AlertConditionRecord]));

  beforeEach(async () => {
    clock = new Date('2026-11-20T12:00:00.000Z');
    const knex = await databases.init(databaseId);
    await migrateDatabase(mockServices.database({ knex }));
    db = createCccDatabase(knex);
    tracker = new AlertConditionTracker({
      db,
      logger: mockServices.logger.mock(),
      minSeverity: 'malfunction',
      staleAfterDays: 7,
      warningQuietHours: 6,
      unreachableAfterMinutes: 5,
      now: () => clock,
    });
    await db.systems.insert(pairedSystem(S1, 'CTX000000001', 'Zentrale', iso()));
    await db.systems.insert(pairedSystem(S2, 'CTX000000002', 'Filiale', iso()));
  });

  it('raises backup failed and stale from backup assurance, updates and clears them', async () => {
    await db.backups.upsertStatus({ systemId: S1, configured: true, lastSuccessAt: iso(), checkedAt: iso() });
    expect(await tracker.evaluateAll()).toEqual({ raised: 0, updated: 0, cleared: 0 });

    advance(HOUR);
    const failedAt = iso();
    await db.backups.upsertStatus({
      systemId: S1,
      lastFailureAt: failedAt,
      lastFailureMessage: 'Backup server refused the login',
      checkedAt: iso(),
    });
    expect(await tracker.evaluateAll()).toEqual({ raised: 1, updated: 0, cleared: 0 });
    expect((await conditions()).get('backup_failed')).toMatchObject({
      kind: 'backup_failed',
      severity: 'serious',
      raisedAt: failedAt,
      clearedAt: null,
      revision: 1,
      summary: expect.stringContaining('Backup server refused the login'),
    });
    // Nothing changed: nothing to do, the revision stays.
    advance(HOUR);
    expect(await tracker.evaluateAll()).toEqual({ raised: 0, updated: 0, cleared: 0 });

    // Failed again with another reason: the same condition, a new revision.
    await db.backups.upsertStatus({ systemId: S1, lastFailureAt: iso(), lastFailureMessage: 'Disk full', checkedAt: iso() });
    expect(await tracker.evaluateAll()).toEqual({ raised: 0, updated: 1, cleared: 0 });
    const updated = (await conditions()).get('backup_failed')!;
    expect(updated).toMatchObject({ revision: 2, raisedAt: failedAt, summary: expect.stringContaining('Disk full') });

    // A successful backup after the failure clears it.
    advance(HOUR);
    await db.backups.upsertStatus({ systemId: S1, lastSuccessAt: iso(), checkedAt: iso() });
    expect(await tracker.evaluateAll()).toEqual({ raised: 0, updated: 0, cleared: 1 });
    expect((await conditions()).get('backup_failed')!.clearedAt).toBe(iso());

    // Eight days without a success: stale (a malfunction, still at the threshold).
    advance(8 * DAY);
    expect(await tracker.evaluateAll()).toEqual({ raised: 1, updated: 0, cleared: 0 });
    expect((await conditions()).get('backup_stale')).toMatchObject({ severity: 'malfunction', clearedAt: null });
    // The other system has no backup status at all: nothing about it.
    expect((await conditions(S2)).size).toBe(0);

    // Above the threshold only: a stale backup is not a condition for a "serious" setting.
    const strict = new AlertConditionTracker({ db, logger: mockServices.logger.mock(), minSeverity: 'serious', now: () => clock });
    expect(await strict.evaluateAll()).toEqual({ raised: 0, updated: 0, cleared: 1 });
    expect(() => new AlertConditionTracker({ db, logger: mockServices.logger.mock(), minSeverity: 'loud' })).toThrow(
      /ccc.alerts.minSeverity must be one of info, malfunction, serious, security/,
    );
  });

  it('raises device unreachable after the grace time, clears it when the poll reaches the device, and raises it anew', async () => {
    const unreachable = () =>
      db.systems.update(S1, { state: 'error', stateReason: 'unreachable', stateMessage: 'timed out', updatedAt: iso() });
    await unreachable();
    advance(2 * 60_000);
    await unreachable();
    // One lost poll is not an alert.
    expect(await tracker.evaluateAll()).toEqual({ raised: 0, updated: 0, cleared: 0 });

    advance(4 * 60_000);
    await unreachable();
    expect(await tracker.evaluateAll()).toEqual({ raised: 1, updated: 0, cleared: 0 });
    const raised = (await conditions()).get('device_unreachable')!;
    expect(raised).toMatchObject({ severity: 'serious', revision: 1, summary: expect.stringContaining('2026-11-20T12:00:00.000Z') });
    // Still unreachable on later polls: unchanged (the summary names the last contact, not the time).
    advance(10 * 60_000);
    await unreachable();
    expect(await tracker.evaluateAll()).toEqual({ raised: 0, updated: 0, cleared: 0 });

    advance(60_000);
    await db.systems.update(S1, { state: 'paired_ok', stateReason: null, stateMessage: null, lastSeenAt: iso(), updatedAt: iso() });
    expect(await tracker.evaluateAll()).toEqual({ raised: 0, updated: 0, cleared: 1 });
    const cleared = (await conditions()).get('device_unreachable')!;
    expect(cleared.clearedAt).toBe(iso());
    // Pretend both paths told the raise and the resolution.
    await db.alertConditions.update(S1, 'device_unreachable', {
      mailState: 'cleared',
      lastMailedAt: raised.raisedAt,
      notifiedRevision: 1,
      notifiedState: 'cleared',
    });

    advance(HOUR);
    await unreachable();
    advance(6 * 60_000);
    expect(await tracker.evaluateAll()).toEqual({ raised: 1, updated: 0, cleared: 0 });
    expect((await conditions()).get('device_unreachable')).toMatchObject({
      raisedAt: iso(),
      clearedAt: null,
      revision: 2,
      // Told again by mail (subject to the cooldown) and by notification.
      mailState: null,
      lastMailedAt: raised.raisedAt,
      notifiedRevision: 1,
    });
    expect((await db.alertConditions.pendingNotifications(10)).map(c => c.key)).toEqual(['device_unreachable']);
  });

  it('keeps a warning category as one condition while warnings come, and clears it after the quiet hours', async () => {
    let id = 0;
    const warn = (severity: 'info' | 'malfunction' | 'serious', category: string, text: string) =>
      db.warnings.addWarnings(S1, [{ deviceMessageId: ++id, ts: iso(), severity, category, text }], String(id), iso());
    await warn('info', 'Konfiguration', 'Konfigurationsumschaltung auf "Nacht"');
    await warn('malfunction', 'SIP-Registrierung', 'SIP-Registrierung fehlgeschlagen');
    expect(await tracker.evaluateAll()).toEqual({ raised: 1, updated: 0, cleared: 0 });
    const key = warningConditionKey('SIP-Registrierung');
    expect([...(await conditions()).keys()]).toEqual([key]);
    expect((await conditions()).get(key)).toMatchObject({ kind: 'warning', severity: 'malfunction', title: 'Warning: SIP-Registrierung' });

    advance(HOUR);
    await warn('serious', 'SIP-Registrierung', 'Provider antwortet nicht');
    expect(await tracker.evaluateAll()).toEqual({ raised: 0, updated: 1, cleared: 0 });
    expect((await conditions()).get(key)).toMatchObject({
      severity: 'serious',
      revision: 2,
      summary: `Latest at ${iso()}: Provider antwortet nicht`,
    });

    // Five hours after the last one it still holds; the serious one is then older than six hours.
    advance(5 * HOUR);
    expect(await tracker.evaluateAll()).toEqual({ raised: 0, updated: 0, cleared: 0 });
    advance(2 * HOUR);
    expect(await tracker.evaluateAll()).toEqual({ raised: 0, updated: 0, cleared: 1 });
    expect((await conditions()).get(key)!.clearedAt).toBe(iso());
  });

  it('has no conditions for a system that is not paired (any more)', async () => {
    await db.backups.upsertStatus({ systemId: S2, configured: true, lastFailureAt: iso(), checkedAt: iso() });
    expect(await tracker.evaluateAll()).toEqual({ raised: 1, updated: 0, cleared: 0 });
    // Access revoked on the device: the CCC no longer knows anything current about it.
    await db.systems.update(S2, { credentialsSealed: null, state: 'error', stateReason: 'access_revoked', updatedAt: iso() });
    expect(await tracker.evaluateAll()).toEqual({ raised: 0, updated: 0, cleared: 1 });
    // Deleting the system deletes its conditions.
    await db.systems.delete(S2);
    expect((await conditions(S2)).size).toBe(0);
  });
});

/**
 * Backup and unreachable conditions go out through the grouped alert mails
 * with the cooldown, to a real SMTP server in the test; unreachability comes
 * from the real status poll of a simulated COMtrexx that went offline.
 */
describe.each(databases.eachSupportedId())('alert mails of conditions (%s)', databaseId => {
  let clock: Date;
  let db: CccDatabase;
  let simulator: RunningSimulator;
  let mail: TestSmtpServer;
  let systems: SystemsService;
  let tracker: AlertConditionTracker;
  let alerts: AlertMailer;
  let systemId: string;
  const iso = () => clock.toISOString();
  const advance = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };
  const run = async () => {
    await tracker.evaluateAll();
    await alerts.runOnce();
  };
  const deliveries = async () =>
    (await db.warnings.listDeliveries(systemId, 50)).reverse().map(d => [d.status, d.warningCount, d.suppressedCount]);

  beforeEach(async () => {
    clock = new Date('2026-11-20T12:00:00.000Z');
    simulator = await startSimulator({ seed: 3, size: 1, now: () => clock });
    mail = await startTestSmtpServer({});
    const knex = await databases.init(databaseId);
    await migrateDatabase(mockServices.database({ knex }));
    db = createCccDatabase(knex);
    const logger = mockServices.logger.mock();
    const devices = new HttpDeviceClient({ timeoutMs: 2000 });
    systems = new SystemsService({ db, secrets, devices, logger, deviceUrlTemplate: simulator.deviceUrlTemplate, now: () => clock });
    const mailer = new SmtpMailer({ secrets, timeoutMs: 3000 });
    const smtp = new SmtpService({ db, secrets, mailer, now: () => clock });
    // Only serious and up, so the simulated device's own warnings stay out of these mails.
    tracker = new AlertConditionTracker({ db, logger, minSeverity: 'serious', staleAfterDays: 7, now: () => clock });
    alerts = new AlertMailer({ db, smtp, mailer, logger, minSeverity: 'serious', cooldownHours: 6, now: () => clock });

    const device = simulator.fleet[0];
    const credentials = { username: 'ccc-api', password: 'conditions-device-pw' };
    device.ccc = { ...device.ccc, state: 'confirmed', apiUser: credentials };
    device.maintenance = { ...device.maintenance, active: true };
    const { system, token } = await systems.register({ name: 'Zentrale', serialNumber: device.serialNumber }, 'user:default/anna');
    await systems.pair({ serialNumber: device.serialNumber, token: token.code, credentials });
    const refreshed = await systems.refresh(system.id);
    if (refreshed.state !== 'paired_ok') throw new Error(`Set-up failed: system is ${refreshed.state}`);
    systemId = system.id;
    await smtp.create(
      { name: 'Mail', host: '127.0.0.1', port: mail.port, sender: 'pbx@example.com', recipient: 'ops@example.com', noTls: true },
      'user:default/anna',
    );
  });

  afterEach(async () => {
    await simulator?.close();
    await mail?.close();
  });

  const goOffline = async (offline: boolean) => {
    simulator.fleet[0].faults.offline = offline;
    await systems.refresh(systemId);
  };

  it('mails a failed backup and an unreachable device in one mail, and their resolution', async () => {
    await db.backups.upsertStatus({
      systemId,
      configured: true,
      lastFailureAt: iso(),
      lastFailureMessage: 'Backup server not reachable',
      checkedAt: iso(),
    });
    await goOffline(true);
    expect((await systems.get(systemId)).stateReason).toBe('unreachable');
    advance(10 * 60_000);
    await goOffline(true);
    await run();
    expect(mail.received).toHaveLength(1);
    const first = mail.received[0].raw.replace(/=\r?\n/g, '');
    expect(first).toContain('2 alerts');
    expect(first).toContain('Backup failed: The last backup failed');
    expect(first).toContain('Backup server not reachable');
    expect(first).toContain('Device unreachable');
    expect(mail.received[0].to).toEqual(['ops@example.com']);
    // Nothing new: no mail.
    await run();
    expect(mail.received).toHaveLength(1);

    advance(60_000);
    await goOffline(false);
    await run();
    expect(mail.received).toHaveLength(2);
    const second = mail.received[1].raw.replace(/=\r?\n/g, '');
    expect(second).toContain('1 resolved');
    expect(second).toMatch(/Resolved {2}Device unreachable: no longer the case/);
    expect(second).not.toContain('Backup failed');
    expect(await deliveries()).toEqual([
      ['sent', 2, 0],
      ['sent', 1, 0],
    ]);
  });

  it('leaves a flapping device out within the cooldown, then mails it again', async () => {
    const outage = async () => {
      await goOffline(true);
      advance(6 * 60_000);
      await goOffline(true);
      await run();
    };
    const recovery = async () => {
      advance(60_000);
      await goOffline(false);
      await run();
    };
    await outage();
    await recovery();
    expect(mail.received).toHaveLength(2);

    // Down again within six hours of the first mail: counted, not mailed, and so is its recovery.
    advance(HOUR);
    await outage();
    await recovery();
    expect(mail.received).toHaveLength(2);

    // Past the cooldown it is news again.
    advance(6 * HOUR);
    await outage();
    expect(mail.received).toHaveLength(3);
    expect(mail.received[2].raw).toContain('Device unreachable');
    expect(await deliveries()).toEqual([
      ['sent', 1, 0],
      ['sent', 1, 0],
      ['suppressed', 0, 1],
      ['sent', 1, 0],
    ]);
  });

  it('tries a failed mail again on the next run and records a missing server once', async () => {
    await db.backups.upsertStatus({ systemId, configured: true, lastFailureAt: iso(), checkedAt: iso() });
    await mail.close();
    await run();
    expect((await db.warnings.listDeliveries(systemId, 5))[0]).toMatchObject({ status: 'failed', warningCount: 1 });
    expect((await db.alertConditions.list([systemId]))[0].mailState).toBeNull();

    mail = await startTestSmtpServer({});
    const smtp = new SmtpService({ db, secrets, mailer: new SmtpMailer({ secrets }), now: () => clock });
    const [server] = await smtp.list();
    await smtp.update(server.id, { port: mail.port }, 'user:default/anna');
    await run();
    expect(mail.received).toHaveLength(1);
    expect((await db.alertConditions.list([systemId]))[0]).toMatchObject({ mailState: 'raised', lastMailedAt: iso() });

    // The mail server removed behind the service's back (the service refuses while systems depend on it).
    await db.smtp.delete(server.id);
    advance(HOUR);
    await db.backups.upsertStatus({ systemId, lastSuccessAt: iso(), checkedAt: iso() });
    await run();
    await run();
    expect((await deliveries()).map(d => d[0])).toEqual(['failed', 'sent', 'no_server']);
  });
});
