import { BACKUP_JOB_SECONDS } from './backups';
import { LATEST_FIRMWARE, UPDATE_TIMELINE } from './firmware';
import { createFleet } from './fleet';
import { REBOOT_MAX_SECONDS, REBOOT_MIN_SECONDS } from './reboot';
import { RunningSimulator, startSimulator } from './server';
import { logIn, makeManageable } from './testUtils';

const START = new Date('2026-06-01T10:00:00Z');

describe('firmware state of the fleet', () => {
  it('remembers the update that ended with the last start, when the version has a predecessor', () => {
    const fleet = createFleet({ seed: 5, size: 8, now: START });
    expect(createFleet({ seed: 5, size: 8, now: START }).map(d => d.firmware)).toEqual(fleet.map(d => d.firmware));
    expect(fleet[0].firmware.updateServerReachable).toBe(true);
    // Device 1 runs 2.4.2, the oldest release: nothing came before.
    expect(fleet[1].firmware.updates).toEqual([]);
    for (const device of fleet.filter(d => d.firmwareVersion !== '2.4.2')) {
      const [update] = device.firmware.updates;
      expect(update).toMatchObject({ toVersion: device.firmwareVersion, outcome: 'succeeded', applied: true });
      expect(new Date(update.endMs).toISOString()).toBe(device.bootedAt);
    }
  });
});

describe('firmware endpoints', () => {
  let clock: Date;
  let simulator: RunningSimulator;
  let cookie: string;

  const device = () => simulator.fleet[0];
  const url = (path: string) => `${simulator.url}/devices/${device().serialNumber}/api/v1${path}`;
  const call = (method: string, path: string) => fetch(url(path), { method, headers: { cookie } });
  const get = async (path: string) => {
    const res = await call('GET', path);
    expect(res.status).toBe(200);
    return res.json();
  };
  const at = (seconds: number) => {
    clock = new Date(START.getTime() + seconds * 1000);
  };

  beforeEach(async () => {
    clock = START;
    simulator = await startSimulator({ seed: 8, size: 2, now: () => clock });
    cookie = await makeManageable(simulator.url, device());
    device().firmwareVersion = '2.6.0';
    device().firmware.updateServerReachable = true;
  });

  afterEach(async () => {
    await simulator.close();
  });

  it('shows the installed and the available version', async () => {
    expect(await get('/firmware')).toEqual({ installed: '2.6.0', available: LATEST_FIRMWARE, updateServerReachable: true });
    device().firmware.updateServerReachable = false;
    expect(await get('/firmware')).toEqual({ installed: '2.6.0', available: null, updateServerReachable: false });
  });

  it('runs an update with the clock, restarts and comes back with the new version', async () => {
    const res = await call('POST', '/firmware/update');
    expect(res.status).toBe(202);
    const { jobId } = await res.json();
    expect(jobId).toEqual(expect.any(String));

    const seen: Array<[string, number]> = [];
    for (const seconds of [1, 20, 50, UPDATE_TIMELINE.installing + 1]) {
      at(seconds);
      const status = await get('/firmware/update/status');
      expect(status).toMatchObject({ fromVersion: '2.6.0', toVersion: LATEST_FIRMWARE, startedAt: START.toISOString() });
      expect(status.finishedAt).toBeNull();
      seen.push([status.state, status.progress]);
    }
    expect(seen.map(([state]) => state)).toEqual(['checking', 'downloading', 'installing', 'rebooting']);
    const progress = seen.map(([, p]) => p);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(progress[0]).toBeGreaterThanOrEqual(0);
    expect(progress[3]).toBeLessThan(100);

    const again = await call('POST', '/firmware/update');
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('UPDATE_IN_PROGRESS');
    device().backup.config = { configured: true, serverAddress: 'backup.test.example', passwordSet: true };
    const backup = await call('POST', '/backups');
    expect(backup.status).toBe(409);
    expect((await backup.json()).error.code).toBe('UPDATE_IN_PROGRESS');

    at(UPDATE_TIMELINE.goesDown);
    const down = await fetch(url('/system/info'));
    expect(down.status).toBe(503);
    const retryAfter = Number(down.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(REBOOT_MIN_SECONDS);
    expect(retryAfter).toBeLessThanOrEqual(REBOOT_MAX_SECONDS);
    expect((await call('GET', '/firmware/update/status')).status).toBe(503);

    at(UPDATE_TIMELINE.goesDown + retryAfter);
    const info = await (await fetch(url('/system/info'))).json();
    expect(info).toMatchObject({ firmwareVersion: LATEST_FIRMWARE, uptimeSeconds: 0 });
    expect((await call('GET', '/firmware')).status).toBe(401);
    cookie = await logIn(simulator.url, device());
    const status = await get('/firmware/update/status');
    expect(status).toMatchObject({
      state: 'succeeded',
      progress: 100,
      fromVersion: '2.6.0',
      toVersion: LATEST_FIRMWARE,
      finishedAt: clock.toISOString(),
      message: expect.stringContaining(LATEST_FIRMWARE),
    });
    expect(status.history[0]).toEqual({
      jobId,
      fromVersion: '2.6.0',
      toVersion: LATEST_FIRMWARE,
      state: 'succeeded',
      startedAt: START.toISOString(),
      finishedAt: clock.toISOString(),
      message: status.message,
    });
    expect(await get('/firmware')).toMatchObject({ installed: LATEST_FIRMWARE, available: null });
    const newest = await call('POST', '/firmware/update');
    expect(newest.status).toBe(409);
    expect((await newest.json()).error.code).toBe('NO_UPDATE_AVAILABLE');
  });

  it('fails an update after the download while the updateFails fault is on; the version stays', async () => {
    device().faults.updateFails = true;
    expect((await call('POST', '/firmware/update')).status).toBe(202);
    at(UPDATE_TIMELINE.downloading - 1);
    expect((await get('/firmware/update/status')).state).toBe('downloading');
    at(UPDATE_TIMELINE.downloading);
    expect(await get('/firmware/update/status')).toMatchObject({
      state: 'failed',
      finishedAt: clock.toISOString(),
      message: expect.stringMatching(/signature/),
    });
    at(UPDATE_TIMELINE.goesDown + REBOOT_MAX_SECONDS);
    expect((await get('/firmware')).installed).toBe('2.6.0');
    expect(device().faults.rebootUntil).toBeNull();
  });

  it('fails while checking when the update server is not reachable', async () => {
    device().firmware.updateServerReachable = false;
    expect((await call('POST', '/firmware/update')).status).toBe(202);
    at(2);
    expect((await get('/firmware/update/status')).state).toBe('checking');
    at(UPDATE_TIMELINE.checking);
    expect(await get('/firmware/update/status')).toMatchObject({
      state: 'failed',
      toVersion: null,
      message: expect.stringMatching(/not reachable/),
    });
  });

  it('reports idle before any update', async () => {
    device().firmware.updates = [];
    expect(await get('/firmware/update/status')).toEqual({
      state: 'idle',
      progress: 0,
      fromVersion: null,
      toVersion: null,
      startedAt: null,
      finishedAt: null,
      message: null,
      history: [],
    });
  });

  it('does not start an update while a backup runs', async () => {
    device().backup.config = { configured: true, serverAddress: 'backup.test.example', passwordSet: true };
    expect((await call('POST', '/backups')).status).toBe(202);
    const res = await call('POST', '/firmware/update');
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('BACKUP_IN_PROGRESS');
    at(BACKUP_JOB_SECONDS);
    expect((await call('POST', '/firmware/update')).status).toBe(202);
  });

  it('keeps the gate: firmware below 2.4.4 can only be updated locally', async () => {
    device().firmwareVersion = '2.4.2';
    const res = await call('POST', '/firmware/update');
    expect(res.status).toBe(412);
    expect((await res.json()).error.code).toBe('FIRMWARE_UNSUPPORTED');
  });
});

// Backup and firmware endpoints share the gate of the other device functions (domain §3.1).
describe.each([
  ['GET', '/backups/config'],
  ['GET', '/backups'],
  ['POST', '/backups'],
  ['GET', '/backups/schedule'],
  ['GET', '/firmware'],
  ['POST', '/firmware/update'],
  ['GET', '/firmware/update/status'],
])('%s %s gate', (method, path) => {
  let simulator: RunningSimulator;
  let cookie: string;

  const send = (headers: Record<string, string> = { cookie }) =>
    fetch(`${simulator.url}/devices/${simulator.fleet[0].serialNumber}/api/v1${path}`, { method, headers });

  beforeEach(async () => {
    simulator = await startSimulator({ seed: 8, size: 1, now: () => START });
    cookie = await makeManageable(simulator.url, simulator.fleet[0]);
  });

  afterEach(async () => {
    await simulator.close();
  });

  it('answers 401 without a session, 412 without maintenance, 403 when not paired', async () => {
    expect((await send({})).status).toBe(401);
    simulator.fleet[0].maintenance = { active: false, validUntil: '2026-05-31' };
    const refused = await send();
    expect(refused.status).toBe(412);
    expect((await refused.json()).error.code).toBe('MAINTENANCE_REQUIRED');
    simulator.fleet[0].ccc.state = 'none';
    expect((await send()).status).toBe(403);
  });
});
