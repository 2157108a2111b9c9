import { LATEST_FIRMWARE, RunningSimulator, startSimulator } from '@internal/comtrexx-simulator';
import {
  DeviceBackupInProgressError,
  DeviceBackupNotConfiguredError,
  DeviceFirmwareUnsupportedError,
  DeviceMaintenanceRequiredError,
  DeviceNotFoundError,
  DeviceNoUpdateAvailableError,
  DeviceRebootingError,
  DeviceUpdateInProgressError,
} from './errors';
import { HttpDeviceClient } from './HttpDeviceClient';

/** The client against a real simulator process over HTTP (not msw): the shapes must match. */
describe('HttpDeviceClient against the simulator', () => {
  let simulator: RunningSimulator;

  beforeAll(async () => {
    simulator = await startSimulator({ seed: 8, size: 1 });
    const device = simulator.fleet[0];
    device.firmwareVersion = '2.6.0';
    device.maintenance = { active: true, validUntil: '2030-01-01' };
    device.ccc = { ...device.ccc, state: 'confirmed', apiUser: { username: 'ccc-api', password: 'sim-pw-123' } };
  });

  afterAll(async () => {
    await simulator.close();
  });

  const target = () => ({
    serialNumber: simulator.fleet[0].serialNumber,
    baseUrl: simulator.deviceUrlTemplate.replace('{serial}', simulator.fleet[0].serialNumber),
    credentials: { username: 'ccc-api', password: 'sim-pw-123' },
    allowSelfSignedTls: false,
  });

  it('reads all phones and trunks of the device', async () => {
    const client = new HttpDeviceClient();
    const phones = await client.listPhoneStatus(target());
    const trunks = await client.listTrunkStatus(target());
    // The simulator numbers its phones and trunks; the CCC keeps ids as strings.
    expect(phones.map(p => p.id)).toEqual(simulator.fleet[0].phones.map(p => String(p.id)));
    expect(trunks.map(t => t.id)).toEqual(simulator.fleet[0].trunks.map(t => String(t.id)));
    expect(phones.length).toBeGreaterThan(0);
  });

  it('gets typed refusals when maintenance or firmware do not allow it', async () => {
    const device = simulator.fleet[0];
    device.maintenance = { active: false, validUntil: '2026-01-01' };
    await expect(new HttpDeviceClient().listPhoneStatus(target())).rejects.toThrow(DeviceMaintenanceRequiredError);
    device.maintenance = { active: true, validUntil: '2030-01-01' };
    device.firmwareVersion = '2.4.2';
    await expect(new HttpDeviceClient().listTrunkStatus(target())).rejects.toThrow(DeviceFirmwareUnsupportedError);
    device.firmwareVersion = '2.6.0';
  });
});

describe('HttpDeviceClient monitoring, messages and remote access against the simulator', () => {
  let simulator: RunningSimulator;

  beforeAll(async () => {
    simulator = await startSimulator({ seed: 9, size: 1 });
    const device = simulator.fleet[0];
    device.firmwareVersion = '2.6.0';
    device.maintenance = { active: true, validUntil: '2030-01-01' };
    device.ccc = {
      ...device.ccc,
      state: 'confirmed',
      monitoringEnabled: true,
      remoteConfigEnabled: true,
      apiUser: { username: 'ccc-api', password: 'sim-pw-456' },
    };
  });

  afterAll(async () => {
    await simulator.close();
  });

  const target = () => ({
    serialNumber: simulator.fleet[0].serialNumber,
    baseUrl: simulator.deviceUrlTemplate.replace('{serial}', simulator.fleet[0].serialNumber),
    credentials: { username: 'ccc-api', password: 'sim-pw-456' },
    allowSelfSignedTls: false,
  });

  it('reads an hour of samples at one per minute', async () => {
    const to = new Date();
    const from = new Date(to.getTime() - 60 * 60 * 1000);
    const samples = await new HttpDeviceClient().getMonitoringSamples(target(), { from, to, stepSeconds: 60 });
    expect(samples.length).toBeGreaterThanOrEqual(59);
    expect(samples.length).toBeLessThanOrEqual(60);
    for (const s of samples) {
      expect(s.cpuLoadPercent).toBeGreaterThanOrEqual(0);
      expect(s.cpuLoadPercent).toBeLessThanOrEqual(100);
      expect(s.memUsedBytes).toBeLessThan(s.memTotalBytes);
    }
  });

  it('reads system messages after a cursor', async () => {
    const client = new HttpDeviceClient();
    const all = await client.listSystemMessages(target(), 0);
    expect(all.length).toBeGreaterThan(0);
    const ids = all.map(m => m.id);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    const later = await client.listSystemMessages(target(), ids[Math.floor(ids.length / 2)]);
    expect(later.every(m => m.id > ids[Math.floor(ids.length / 2)])).toBe(true);
  });

  it('opens, shows and closes a remote-access session', async () => {
    const client = new HttpDeviceClient();
    const session = await client.openRemoteSession(target());
    expect(session.url).toContain(simulator.fleet[0].serialNumber);
    expect(await client.getRemoteSession(target())).toMatchObject({ active: true, sessionId: session.sessionId });
    await client.closeRemoteSession(target());
    expect((await client.getRemoteSession(target())).active).toBe(false);
  });
});

describe('HttpDeviceClient backups and firmware against the simulator', () => {
  let simulator: RunningSimulator;
  let clock: Date;
  const advance = (seconds: number) => {
    clock = new Date(clock.getTime() + seconds * 1000);
  };

  beforeEach(async () => {
    clock = new Date('2026-11-27T08:00:00Z');
    // The simulator's clock is injected: jobs, restarts and schedules advance only when the test says so.
    simulator = await startSimulator({ seed: 10, size: 1, now: () => clock });
    const device = simulator.fleet[0];
    device.firmwareVersion = '2.6.0';
    device.maintenance = { active: true, validUntil: '2030-01-01' };
    device.ccc = { ...device.ccc, state: 'confirmed', apiUser: { username: 'ccc-api', password: 'sim-pw-789' } };
    device.backup.config = { configured: true, serverAddress: 'backup.test.example', passwordSet: true };
    device.firmware.updateServerReachable = true;
  });

  afterEach(async () => {
    await simulator.close();
  });

  const target = () => ({
    serialNumber: simulator.fleet[0].serialNumber,
    baseUrl: simulator.deviceUrlTemplate.replace('{serial}', simulator.fleet[0].serialNumber),
    credentials: { username: 'ccc-api', password: 'sim-pw-789' },
    allowSelfSignedTls: false,
  });

  it('creates a backup and polls the job until it is done and listed', async () => {
    const client = new HttpDeviceClient();
    expect(await client.getBackupConfig(target())).toEqual(simulator.fleet[0].backup.config);
    const before = await client.listBackups(target());
    expect(before.map(b => b.id).sort()).toEqual(simulator.fleet[0].backup.backups.map(b => b.id).sort());

    const { jobId } = await client.createBackup(target());
    expect(await client.getJob(target(), jobId)).toMatchObject({ kind: 'backup', state: 'queued', progress: 0 });
    await expect(client.createBackup(target())).rejects.toThrow(DeviceBackupInProgressError);
    advance(10);
    expect((await client.getJob(target(), jobId)).state).toBe('running');
    advance(10);
    const done = await client.getJob(target(), jobId);
    expect(done).toMatchObject({ state: 'done', progress: 100, finishedAt: clock.toISOString() });
    const after = await client.listBackups(target());
    expect(after).toHaveLength(before.length + 1);
    expect(after[0]).toMatchObject({ id: done.backupId, trigger: 'manual', firmwareVersion: '2.6.0' });

    await client.deleteBackup(target(), done.backupId!);
    expect((await client.listBackups(target())).map(b => b.id)).not.toContain(done.backupId);
    await expect(client.deleteBackup(target(), done.backupId!)).rejects.toThrow(DeviceNotFoundError);
  });

  it('restores a backup: rebooting while the device restarts, then back with a new session', async () => {
    const client = new HttpDeviceClient();
    const [latest] = await client.listBackups(target());
    const { jobId } = await client.restoreBackup(target(), latest.id, { password: 'backup-pw' });
    expect(await client.getJob(target(), jobId)).toMatchObject({ kind: 'restore', state: 'running' });

    advance(5);
    const rebooting = await client.getJob(target(), jobId).catch(e => e);
    expect(rebooting).toBeInstanceOf(DeviceRebootingError);
    expect(rebooting.retryAfterSeconds).toBeGreaterThanOrEqual(60);
    expect(rebooting.retryAfterSeconds).toBeLessThanOrEqual(180);
    await expect(client.getStatus(target())).rejects.toThrow(DeviceRebootingError);

    advance(rebooting.retryAfterSeconds);
    // The restart ended the client's session; it logs in again by itself.
    expect(await client.getJob(target(), jobId)).toMatchObject({ state: 'done', backupId: latest.id });
    expect((await client.getStatus(target())).info.serialNumber).toBe(simulator.fleet[0].serialNumber);
  });

  it('updates the firmware: progress, in-progress refusal, restart, new version', async () => {
    const client = new HttpDeviceClient();
    expect(await client.getFirmware(target())).toEqual({
      installed: '2.6.0',
      available: LATEST_FIRMWARE,
      updateServerReachable: true,
    });
    await client.startFirmwareUpdate(target());
    advance(20);
    expect(await client.getFirmwareUpdateStatus(target())).toMatchObject({
      state: 'downloading',
      fromVersion: '2.6.0',
      toVersion: LATEST_FIRMWARE,
    });
    await expect(client.startFirmwareUpdate(target())).rejects.toThrow(DeviceUpdateInProgressError);

    advance(60);
    const rebooting = await client.getStatus(target()).catch(e => e);
    expect(rebooting).toBeInstanceOf(DeviceRebootingError);

    advance(rebooting.retryAfterSeconds);
    expect((await client.getStatus(target())).info.firmwareVersion).toBe(LATEST_FIRMWARE);
    const status = await client.getFirmwareUpdateStatus(target());
    expect(status).toMatchObject({ state: 'succeeded', progress: 100, toVersion: LATEST_FIRMWARE });
    expect(status.history[0]).toMatchObject({ state: 'succeeded', fromVersion: '2.6.0' });
    await expect(client.startFirmwareUpdate(target())).rejects.toThrow(DeviceNoUpdateAvailableError);
  });

  it('keeps the schedule anchor and says when backup is not set up', async () => {
    const client = new HttpDeviceClient();
    await client.setBackupSchedule(target(), 'off');
    const daily = await client.setBackupSchedule(target(), 'daily');
    expect(daily).toMatchObject({ interval: 'daily', anchorTime: clock.toISOString() });
    advance(3600);
    expect(await client.setBackupSchedule(target(), 'weekly')).toMatchObject({ anchorTime: daily.anchorTime });
    expect((await client.getBackupSchedule(target())).nextRun).toBe('2026-12-04T08:00:00.000Z');

    simulator.fleet[0].backup.config = { configured: false, serverAddress: null, passwordSet: false };
    expect((await client.getBackupConfig(target())).configured).toBe(false);
    await expect(client.listBackups(target())).rejects.toThrow(DeviceBackupNotConfiguredError);
  });
});
