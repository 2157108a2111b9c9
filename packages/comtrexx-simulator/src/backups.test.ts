import { BACKUP_JOB_SECONDS, RESTORE_APPLY_SECONDS, runAfter } from './backups';
import { runCli } from './commands';
import { createFleet } from './fleet';
import { REBOOT_MAX_SECONDS, REBOOT_MIN_SECONDS } from './reboot';
import { RunningSimulator, startSimulator } from './server';
import { captureIo, logIn, makeManageable } from './testUtils';

const START = new Date('2026-06-01T10:00:00Z');

describe('backup state of the fleet', () => {
  it('is deterministic: device 0 always has backup set up with past backups, device 4 never', () => {
    for (const seed of [1, 2, 3, 4711]) {
      const fleet = createFleet({ seed, size: 6, now: START });
      expect(createFleet({ seed, size: 6, now: START }).map(d => d.backup)).toEqual(fleet.map(d => d.backup));
      expect(fleet[0].backup.config).toEqual({ configured: true, serverAddress: expect.any(String), passwordSet: true });
      expect(fleet[0].backup.backups.length).toBeGreaterThan(0);
      expect(fleet[4].backup.config).toEqual({ configured: false, serverAddress: null, passwordSet: false });
      expect(fleet[4].backup.backups).toEqual([]);
    }
  });

  it('sets backup up on most devices, with a few past backups made before the clock', () => {
    const fleet = createFleet({ seed: 4711, size: 40, now: START });
    const configured = fleet.filter(d => d.backup.config.configured);
    expect(configured.length).toBeGreaterThan(fleet.length / 2);
    expect(configured.length).toBeLessThan(fleet.length);
    for (const device of configured) {
      expect(device.backup.backups.length).toBeGreaterThanOrEqual(1);
      expect(device.backup.backups.length).toBeLessThanOrEqual(6);
      for (const backup of device.backup.backups) {
        expect(Date.parse(backup.createdAt)).toBeLessThan(START.getTime());
        expect(backup.sizeBytes).toBeGreaterThan(1_000_000);
      }
    }
    // Some keep a schedule; their last run is a scheduled backup in the list.
    const scheduled = configured.filter(d => d.backup.schedule.interval !== 'off');
    expect(scheduled.length).toBeGreaterThan(0);
    for (const device of scheduled) {
      const lastRun = new Date(device.backup.schedule.lastRunMs!).toISOString();
      expect(device.backup.backups).toContainEqual(expect.objectContaining({ createdAt: lastRun, trigger: 'scheduled' }));
    }
  });

  it('kept the meaning of the existing fleet indexes', () => {
    const fleet = createFleet({ seed: 7, size: 5, now: START });
    expect(fleet[1].firmwareVersion).toBe('2.4.2');
    expect(fleet[2].maintenance.active).toBe(false);
    expect(fleet[0].ccc.monitoringEnabled).toBe(true);
    expect(fleet[3].ccc.monitoringEnabled).toBe(false);
  });
});

describe('schedule runs', () => {
  const at = (iso: string) => Date.parse(iso);

  it('are the anchor plus whole intervals, never the anchor itself', () => {
    const anchor = at('2026-06-01T10:15:00Z');
    expect(runAfter(anchor, 'daily', anchor)).toBe(at('2026-06-02T10:15:00Z'));
    expect(runAfter(anchor, 'daily', at('2026-06-05T10:15:00Z'))).toBe(at('2026-06-06T10:15:00Z'));
    expect(runAfter(anchor, 'weekly', at('2026-06-05T00:00:00Z'))).toBe(at('2026-06-08T10:15:00Z'));
    expect(runAfter(anchor, 'monthly', anchor)).toBe(at('2026-07-01T10:15:00Z'));
  });

  it('fall on the last day of shorter months', () => {
    const anchor = at('2026-01-31T02:00:00Z');
    expect(runAfter(anchor, 'monthly', anchor)).toBe(at('2026-02-28T02:00:00Z'));
    expect(runAfter(anchor, 'monthly', at('2026-02-28T02:00:00Z'))).toBe(at('2026-03-31T02:00:00Z'));
    expect(runAfter(anchor, 'monthly', at('2027-12-31T02:00:00Z'))).toBe(at('2028-01-31T02:00:00Z'));
  });
});

describe('backup endpoints', () => {
  let clock: Date;
  let simulator: RunningSimulator;
  let cookie: string;

  const device = () => simulator.fleet[0];
  const url = (path: string, index = 0) => `${simulator.url}/devices/${simulator.fleet[index].serialNumber}/api/v1${path}`;
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = { cookie }) =>
    fetch(url(path), {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const get = async (path: string) => {
    const res = await call('GET', path);
    expect(res.status).toBe(200);
    return res.json();
  };
  const advance = (seconds: number) => {
    clock = new Date(clock.getTime() + seconds * 1000);
  };

  beforeEach(async () => {
    clock = START;
    simulator = await startSimulator({ seed: 8, size: 5, now: () => clock });
    cookie = await makeManageable(simulator.url, device());
  });

  afterEach(async () => {
    await simulator.close();
  });

  it('shows the backup setup', async () => {
    expect(await get('/backups/config')).toEqual(device().backup.config);
  });

  it('answers 409 BACKUP_NOT_CONFIGURED with a readable message when backup is not set up', async () => {
    const other = simulator.fleet[4];
    const otherCookie = await makeManageable(simulator.url, other);
    const send = (method: string, path: string) =>
      fetch(url(path, 4), { method, headers: { cookie: otherCookie } });
    expect(await (await send('GET', '/backups/config')).json()).toEqual({
      configured: false,
      serverAddress: null,
      passwordSet: false,
    });
    for (const [method, path] of [
      ['GET', '/backups'],
      ['POST', '/backups'],
      ['GET', '/backups/schedule'],
      ['PUT', '/backups/schedule'],
      ['GET', '/backups/jobs/job-000001'],
      ['POST', '/backups/bk-000001/restore'],
      ['DELETE', '/backups/bk-000001'],
    ]) {
      const res = await send(method, path);
      expect([method, path, res.status]).toEqual([method, path, 409]);
      const { error } = await res.json();
      expect(error.code).toBe('BACKUP_NOT_CONFIGURED');
      expect(error.message).toMatch(/not set up/);
    }
  });

  it('lists the backups newest first in the list envelope, with limit and offset', async () => {
    const all = await get('/backups');
    expect(all._links).toEqual({ totalCount: device().backup.backups.length });
    const times = all.data.map((b: { createdAt: string }) => Date.parse(b.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    for (const backup of all.data) {
      expect(Object.keys(backup).sort()).toEqual(['createdAt', 'firmwareVersion', 'id', 'sizeBytes', 'trigger']);
    }
    const second = await get('/backups?limit=1&offset=1');
    expect(second.data).toEqual(all.data.slice(1, 2));
    expect((await call('GET', '/backups?limit=0')).status).toBe(400);
  });

  it('runs a backup job with the clock: queued, running, done with a new backup', async () => {
    const before = device().backup.backups.length;
    const res = await call('POST', '/backups');
    expect(res.status).toBe(202);
    const { jobId } = await res.json();
    expect(res.headers.get('location')).toBe(`/devices/${device().serialNumber}/api/v1/backups/jobs/${jobId}`);

    expect(await get(`/backups/jobs/${jobId}`)).toEqual({
      jobId,
      kind: 'backup',
      state: 'queued',
      progress: 0,
      startedAt: START.toISOString(),
      finishedAt: null,
    });
    advance(11);
    const running = await get(`/backups/jobs/${jobId}`);
    expect(running).toMatchObject({ state: 'running', finishedAt: null });
    expect(running.progress).toBeGreaterThan(0);
    expect(running.progress).toBeLessThan(100);
    expect((await get('/backups'))._links.totalCount).toBe(before);

    // One job at a time.
    const again = await call('POST', '/backups');
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('BACKUP_IN_PROGRESS');

    advance(BACKUP_JOB_SECONDS - 11);
    const done = await get(`/backups/jobs/${jobId}`);
    expect(done).toEqual({
      jobId,
      kind: 'backup',
      state: 'done',
      progress: 100,
      startedAt: START.toISOString(),
      finishedAt: new Date(START.getTime() + BACKUP_JOB_SECONDS * 1000).toISOString(),
      backupId: expect.any(String),
    });
    const list = await get('/backups');
    expect(list._links.totalCount).toBe(before + 1);
    expect(list.data[0]).toEqual({
      id: done.backupId,
      createdAt: START.toISOString(),
      firmwareVersion: device().firmwareVersion,
      sizeBytes: expect.any(Number),
      trigger: 'manual',
    });
    expect((await call('POST', '/backups')).status).toBe(202);
  });

  it('fails backups while the backupFails fault is on, storing nothing', async () => {
    const admin = await fetch(`${simulator.url}/fleet/${device().serialNumber}/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ backupFails: true }),
    });
    expect((await admin.json()).faults.backupFails).toBe(true);
    const before = device().backup.backups.length;
    const { jobId } = await (await call('POST', '/backups')).json();
    advance(BACKUP_JOB_SECONDS);
    const job = await get(`/backups/jobs/${jobId}`);
    expect(job).toMatchObject({ state: 'failed', message: expect.stringMatching(/refused/) });
    expect(job.progress).toBeLessThan(100);
    expect(job.backupId).toBeUndefined();
    expect(device().backup.backups).toHaveLength(before);
  });

  it('answers 404 NOT_FOUND for unknown jobs and backups, deletes backups with 204', async () => {
    for (const [method, path] of [
      ['GET', '/backups/jobs/job-999999'],
      ['POST', '/backups/bk-999999/restore'],
      ['DELETE', '/backups/bk-999999'],
    ]) {
      const res = await call(method, path);
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe('NOT_FOUND');
    }
    const [first] = (await get('/backups')).data;
    expect((await call('DELETE', `/backups/${first.id}`)).status).toBe(204);
    expect((await get('/backups')).data.map((b: { id: string }) => b.id)).not.toContain(first.id);
    expect((await call('DELETE', `/backups/${first.id}`)).status).toBe(404);
  });

  it('restores a backup: settings back, then a reboot window with 503 + Retry-After that ends every session', async () => {
    const [latest] = (await get('/backups')).data;
    const saved = device().backup.backups.find(b => b.id === latest.id)!.config;
    device().ccc.monitoringEnabled = !saved.monitoringEnabled;

    expect((await call('POST', `/backups/${latest.id}/restore`, { password: 7 })).status).toBe(400);
    const res = await call('POST', `/backups/${latest.id}/restore`, { password: 'old-backup-pw' });
    expect(res.status).toBe(202);
    const { jobId } = await res.json();
    expect(await get(`/backups/jobs/${jobId}`)).toMatchObject({ kind: 'restore', state: 'running', backupId: latest.id });
    expect((await call('POST', '/backups')).status).toBe(409);

    advance(RESTORE_APPLY_SECONDS);
    const down = await call('GET', `/backups/jobs/${jobId}`);
    expect(down.status).toBe(503);
    expect((await down.json()).error.code).toBe('REBOOTING');
    const retryAfter = Number(down.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(REBOOT_MIN_SECONDS);
    expect(retryAfter).toBeLessThanOrEqual(REBOOT_MAX_SECONDS);
    expect((await fetch(url('/system/info'))).status).toBe(503);
    expect(device().ccc.monitoringEnabled).toBe(saved.monitoringEnabled);

    advance(retryAfter);
    // The old session did not survive the restart.
    expect((await call('GET', `/backups/jobs/${jobId}`)).status).toBe(401);
    cookie = await logIn(simulator.url, device());
    expect(await get(`/backups/jobs/${jobId}`)).toMatchObject({
      state: 'done',
      progress: 100,
      backupId: latest.id,
      finishedAt: clock.toISOString(),
    });
    const info = await (await fetch(url('/system/info'))).json();
    expect(info.uptimeSeconds).toBe(0);
  });

  it('keeps the time of day of the schedule when only the interval changes', async () => {
    // Sessions last a day: log in again after each jump.
    const clockAt = async (iso: string) => {
      clock = new Date(iso);
      cookie = await logIn(simulator.url, device());
    };
    expect(await (await call('PUT', '/backups/schedule', { interval: 'off' })).json()).toMatchObject({
      interval: 'off',
      anchorTime: null,
      nextRun: null,
    });

    await clockAt('2026-06-01T10:00:30.250Z');
    const on = await (await call('PUT', '/backups/schedule', { interval: 'daily' })).json();
    expect(on).toMatchObject({
      interval: 'daily',
      anchorTime: '2026-06-01T10:00:30.000Z',
      nextRun: '2026-06-02T10:00:30.000Z',
    });
    await clockAt('2026-06-01T15:00:00Z');
    expect(await (await call('PUT', '/backups/schedule', { interval: 'weekly' })).json()).toMatchObject({
      interval: 'weekly',
      anchorTime: '2026-06-01T10:00:30.000Z',
      nextRun: '2026-06-08T10:00:30.000Z',
    });
    // Omitted = unchanged (COMtrexx PUT semantics).
    expect(await (await call('PUT', '/backups/schedule', {})).json()).toMatchObject({ interval: 'weekly' });

    // When the clock passes the next run, the scheduled backup is made.
    const before = device().backup.backups.length;
    await clockAt('2026-06-08T10:01:00Z');
    expect(await get('/backups/schedule')).toEqual({
      interval: 'weekly',
      anchorTime: '2026-06-01T10:00:30.000Z',
      lastRun: '2026-06-08T10:00:30.000Z',
      nextRun: '2026-06-15T10:00:30.000Z',
    });
    const list = await get('/backups');
    expect(list._links.totalCount).toBe(before + 1);
    expect(list.data[0]).toMatchObject({ createdAt: '2026-06-08T10:00:30.000Z', trigger: 'scheduled' });

    // Off keeps the last run; switching on again anchors anew. null means off.
    await clockAt('2026-06-09T08:00:00Z');
    expect(await (await call('PUT', '/backups/schedule', { interval: null })).json()).toEqual({
      interval: 'off',
      anchorTime: null,
      lastRun: '2026-06-08T10:00:30.000Z',
      nextRun: null,
    });
    expect(await (await call('PUT', '/backups/schedule', { interval: 'monthly' })).json()).toMatchObject({
      anchorTime: '2026-06-09T08:00:00.000Z',
      nextRun: '2026-07-09T08:00:00.000Z',
    });
    await clockAt('2026-12-01T00:00:00Z');
    expect((await get('/backups/schedule')).lastRun).toBe('2026-11-09T08:00:00.000Z');
    expect(device().backup.backups.filter(b => b.trigger === 'scheduled' && b.createdAt > '2026-06-09')).toHaveLength(5);
  });

  it('refuses a malformed schedule', async () => {
    for (const body of [{ interval: 'hourly' }, { interval: 'daily', anchorTime: '2026-06-01T02:00:00Z' }, []]) {
      const res = await call('PUT', '/backups/schedule', body);
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe('BAD_REQUEST');
    }
  });

  it('shows a CPU spike in the monitoring samples while a backup runs', async () => {
    device().ccc.monitoringEnabled = true;
    clock = new Date('2026-06-01T03:00:05Z');
    await call('POST', '/backups');
    clock = new Date('2026-06-01T04:00:00Z');
    const res = await call('GET', '/monitoring/samples?from=2026-06-01T02:55:00Z&to=2026-06-01T03:05:00Z');
    const samples: Array<{ ts: string; cpuLoadPercent: number }> = (await res.json()).data;
    const during = samples.find(s => s.ts === '2026-06-01T03:01:00.000Z')!;
    expect(during.cpuLoadPercent).toBeGreaterThanOrEqual(60);
    expect(during.cpuLoadPercent).toBeLessThanOrEqual(90);
    // Determined by the job, not by chance: the same device without the job is calm at that minute.
    device().backup.jobs = [];
    const calm = await call('GET', '/monitoring/samples?from=2026-06-01T03:01:00Z&to=2026-06-01T03:02:00Z');
    expect((await calm.json()).data[0].cpuLoadPercent).toBeLessThan(60);
  });
});

describe('fault --backup-fails / --update-fails', () => {
  it('switches the job faults through the CLI and shows them', async () => {
    const simulator = await startSimulator({ seed: 12, size: 1, now: () => START });
    try {
      const serial = simulator.fleet[0].serialNumber;
      const capture = captureIo({ COMTREXX_SIMULATOR_URL: simulator.url });
      const code = await runCli(
        ['fault', '--serial', serial, '--backup-fails', 'on', '--update-fails', 'on'],
        capture.io,
      );
      expect(capture.stderr()).toBe('');
      expect(code).toBe(0);
      expect(simulator.fleet[0].faults).toMatchObject({ backupFails: true, updateFails: true });
      expect(capture.stdout()).toContain(`${serial}: faults backups fail, updates fail`);
      const wrong = captureIo({ COMTREXX_SIMULATOR_URL: simulator.url });
      expect(await runCli(['fault', '--serial', serial, '--backup-fails', 'maybe'], wrong.io)).toBe(2);
    } finally {
      await simulator.close();
    }
  });
});
