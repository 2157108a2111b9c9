import { mockServices } from '@backstage/backend-test-utils';
import { RunningSimulator, startSimulator } from '@internal/comtrexx-simulator';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { CccDatabase, createCccDatabase } from '../database/CccDatabase';
import { migrateDatabase } from '../database/migrateDatabase';
import { DeviceNotFoundError } from '../device/errors';
import { HttpDeviceClient } from '../device/HttpDeviceClient';
import { FirmwareService } from '../firmware/FirmwareService';
import { DeviceJobs } from '../jobs/DeviceJobs';
import { SecretBox } from '../secrets/SecretBox';
import { SystemsService } from '../systems/SystemsService';
import { BackupsService } from './BackupsService';

jest.setTimeout(90_000);

const databases = createTestDatabases();
const secrets = new SecretBox('backups-test-key-0123456789abcdefghijklmn');
const ADMIN = 'user:default/anna';

/**
 * Backups, restores and firmware updates against a simulated COMtrexx over
 * HTTP, with the simulator's and the CCC's clocks moved together.
 */
describe.each(databases.eachSupportedId())('backups and firmware against the simulator (%s)', databaseId => {
  let clock: Date;
  let simulator: RunningSimulator;
  let db: CccDatabase;
  let systems: SystemsService;
  let jobs: DeviceJobs;
  let backups: BackupsService;
  let firmware: FirmwareService;
  let systemId: string;

  const tick = (seconds: number) => {
    clock = new Date(clock.getTime() + seconds * 1000);
  };

  /** Moves time on in steps, following the job each step, until it ends. */
  async function followToEnd(jobId: string, stepSeconds = 5, maxSteps = 200) {
    for (let i = 0; i < maxSteps; i++) {
      const job = await jobs.get(systemId, jobId);
      if (job.state !== 'running') return job;
      tick(stepSeconds);
    }
    throw new Error('job did not end');
  }

  beforeEach(async () => {
    clock = new Date('2026-11-20T10:00:00.000Z');
    simulator = await startSimulator({ seed: 4711, size: 1, now: () => clock });
    const knex = await databases.init(databaseId);
    await migrateDatabase(mockServices.database({ knex }));
    db = createCccDatabase(knex);
    const devices = new HttpDeviceClient({ timeoutMs: 3000 });
    const logger = mockServices.logger.mock();
    systems = new SystemsService({ db, secrets, devices, logger, deviceUrlTemplate: simulator.deviceUrlTemplate, now: () => clock });
    jobs = new DeviceJobs({ db, systems, devices, logger, now: () => clock });
    backups = new BackupsService({ db, systems, devices, jobs, logger, staleAfterDays: 7, now: () => clock });
    jobs.setHooks({ onBackupFinished: job => backups.onBackupFinished(job) });
    firmware = new FirmwareService({ systems, devices, jobs });

    const device = simulator.fleet[0];
    const credentials = { username: 'ccc-api', password: 'backup-device-pw' };
    device.ccc = { ...device.ccc, state: 'confirmed', apiUser: credentials };
    device.maintenance = { ...device.maintenance, active: true };
    const { system, token } = await systems.register({ name: 'Zentrale', serialNumber: device.serialNumber }, ADMIN);
    await systems.pair({ serialNumber: device.serialNumber, token: token.code, credentials });
    const refreshed = await systems.refresh(system.id);
    if (refreshed.state !== 'paired_ok') throw new Error(`Set-up failed: ${refreshed.state} ${refreshed.stateMessage}`);
    systemId = system.id;
  });

  afterEach(async () => {
    await simulator?.close();
  });

  it('creates a backup as a job, lists it, prunes by retention and records assurance', async () => {
    const before = await backups.overview(systemId);
    expect(before.configured).toBe(true);
    expect(before.backups.length).toBeGreaterThan(0);

    await backups.setRetention(systemId, { keepLast: 2, keepDays: null }, ADMIN);
    const job = await backups.startBackup(systemId, ADMIN);
    expect(job).toMatchObject({ kind: 'backup', state: 'running', startedBy: ADMIN });
    await expect(backups.startBackup(systemId, ADMIN)).rejects.toThrow(/still running/);

    const done = await followToEnd(job.id);
    expect(done).toMatchObject({ state: 'succeeded', progress: 100 });
    expect(done.backupId).toBeTruthy();

    const after = await backups.overview(systemId);
    expect(after.backups.map(b => b.id)).toContain(done.backupId);
    expect(after.backups).toHaveLength(2);
    expect(after.retention).toEqual({ keepLast: 2, keepDays: null, source: 'system' });
    expect(after.assurance).toMatchObject({ status: 'ok', lastSuccessAt: done.finishedAt });
    const actions = (await db.audit.list({ limit: 50, systemId })).map(e => e.action);
    expect(actions).toEqual(expect.arrayContaining(['backup.start', 'backup.succeeded', 'backup.delete', 'backup.retention']));
  });

  it('keeps job state in the database: a restarted backend follows a running job to its end', async () => {
    const job = await backups.startBackup(systemId, ADMIN);
    tick(5);
    await jobs.get(systemId, job.id);
    // A new backend process: new services over the same database and device.
    const devices = new HttpDeviceClient({ timeoutMs: 3000 });
    const logger = mockServices.logger.mock();
    const systemsAgain = new SystemsService({ db, secrets, devices, logger, deviceUrlTemplate: simulator.deviceUrlTemplate, now: () => clock });
    const jobsAgain = new DeviceJobs({ db, systems: systemsAgain, devices, logger, now: () => clock });
    expect((await jobsAgain.running(systemId))?.id).toBe(job.id);
    tick(60);
    await jobsAgain.followAll();
    expect(await jobsAgain.get(systemId, job.id)).toMatchObject({ state: 'succeeded', kind: 'backup' });
  });

  it('refuses an unknown backup, a restore while an update runs and an interval out of range', async () => {
    await expect(backups.restore(systemId, 'no-such-backup', { confirm: true }, ADMIN)).rejects.toThrow(DeviceNotFoundError);
    await expect(backups.setSchedule(systemId, { interval: 'hourly' }, ADMIN)).rejects.toThrow(/interval is one of off/);
    await expect(backups.setRetention(systemId, { keepLast: 0, keepDays: null }, ADMIN)).rejects.toThrow(/Keep at least 1/);
    const device = simulator.fleet[0];
    device.firmwareVersion = '2.6.0';
    device.firmware.updateServerReachable = true;
    await firmware.startUpdate(systemId, { confirm: true }, ADMIN);
    const { backups: list } = await backups.overview(systemId);
    await expect(backups.restore(systemId, list[0].id, { confirm: true }, ADMIN)).rejects.toThrow(/still running/);
    expect((await jobs.list(systemId)).map(j => j.kind)).toEqual(['firmware']);
  });

  it('records a failed backup, shows it as failed, and heals with the next success', async () => {
    simulator.fleet[0].faults.backupFails = true;
    const failed = await followToEnd((await backups.startBackup(systemId, ADMIN)).id);
    expect(failed.state).toBe('failed');
    expect(failed.message).toBeTruthy();
    expect((await backups.fleet()).map(r => r.assurance.status)).toEqual(['failed']);

    simulator.fleet[0].faults.backupFails = false;
    await followToEnd((await backups.startBackup(systemId, ADMIN)).id);
    expect((await backups.fleet())[0].assurance.status).toBe('ok');
    // Eight days on, with automatic backups off, the last success is too old.
    await backups.setSchedule(systemId, { interval: 'off' }, ADMIN);
    tick(8 * 86_400);
    await systems.refresh(systemId);
    await backups.refreshAllStatuses();
    expect((await backups.fleet())[0].assurance.status).toBe('stale');
  });

  it('restores a backup after confirmation and follows the restart until the PBX is back', async () => {
    const { backups: list } = await backups.overview(systemId);
    await expect(backups.restore(systemId, list[0].id, {}, ADMIN)).rejects.toThrow(/Confirm that the configuration is overwritten/);
    const job = await backups.restore(systemId, list[0].id, { confirm: true }, ADMIN);
    const phases = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const current = await jobs.get(systemId, job.id);
      phases.add(current.phase);
      if (current.state !== 'running') break;
      tick(5);
    }
    const done = await jobs.get(systemId, job.id);
    expect(done).toMatchObject({ state: 'succeeded', kind: 'restore', backupId: list[0].id });
    expect(phases).toContain('rebooting');
    expect((await systems.get(systemId)).state).toBe('paired_ok');
  });

  it('updates the firmware including the restart, ending at the new version', async () => {
    const device = simulator.fleet[0];
    device.firmwareVersion = '2.6.0';
    device.firmware.updateServerReachable = true;
    const overview = await firmware.overview(systemId);
    expect(overview).toMatchObject({ installed: '2.6.0', available: '2.6.2', runningJob: null });
    await expect(firmware.startUpdate(systemId, {}, ADMIN)).rejects.toThrow(/Confirm that the PBX restarts/);

    const job = await firmware.startUpdate(systemId, { confirm: true }, ADMIN);
    expect(job).toMatchObject({ kind: 'firmware', fromVersion: '2.6.0', toVersion: '2.6.2' });
    await expect(backups.startBackup(systemId, ADMIN)).rejects.toThrow(/firmware started by .* is still running/);
    const done = await followToEnd(job.id);
    expect(done).toMatchObject({ state: 'succeeded', toVersion: '2.6.2' });
    expect((await systems.get(systemId)).device?.firmwareVersion).toBe('2.6.2');
    expect((await firmware.overview(systemId)).history.map(j => j.id)).toEqual([job.id]);
    await expect(firmware.startUpdate(systemId, { confirm: true }, ADMIN)).rejects.toThrow(/offers no newer firmware/);
  });

  it('reports a failed firmware update', async () => {
    const device = simulator.fleet[0];
    device.firmwareVersion = '2.6.0';
    device.firmware.updateServerReachable = true;
    device.faults.updateFails = true;
    const done = await followToEnd((await firmware.startUpdate(systemId, { confirm: true }, ADMIN)).id);
    expect(done.state).toBe('failed');
    expect((await systems.refresh(systemId)).device?.firmwareVersion).toBe('2.6.0');
  });
});
