import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { DeviceCallData, DeviceTarget } from './DeviceClient';
import {
  DeviceAccessRevokedError,
  DeviceBackupInProgressError,
  DeviceBackupNotConfiguredError,
  DeviceFirmwareUnsupportedError,
  DeviceLockedOutError,
  DeviceMaintenanceRequiredError,
  DeviceMonitoringDisabledError,
  DeviceNoUpdateAvailableError,
  DeviceNotFoundError,
  DeviceRebootingError,
  DeviceRemoteConfigDisabledError,
  DeviceRequestError,
  DeviceUnreachableError,
  DeviceUpdateInProgressError,
} from './errors';
import { HttpDeviceClient } from './HttpDeviceClient';

const server = setupServer();
registerMswTestHooks(server);

const BASE = 'http://gateway.test/devices/CTX000111222';
const target: DeviceTarget = {
  serialNumber: 'CTX000111222',
  baseUrl: `${BASE}/`,
  credentials: { username: 'ccc-api', password: 'pw' },
  allowSelfSignedTls: false,
};
const info = { serialNumber: 'CTX000111222', model: 'COMtrexx VM', firmwareVersion: '2.6.2' };
const access = { state: 'confirmed', monitoringEnabled: true, remoteConfigEnabled: false };
const maintenance = { active: true, validUntil: '2027-01-31' };

/** A device that accepts `ccc-api:pw` and hands out numbered sessions; `valid` decides which still work. */
function device(options: { valid?: (session: string) => boolean; accessState?: string } = {}) {
  let logins = 0;
  const valid = options.valid ?? (() => true);
  const authed = (body: object) =>
    ({ request }: { request: Request }) => {
      const session = /ctx_sessionid=([^;]+)/.exec(request.headers.get('cookie') ?? '')?.[1];
      return session && valid(session)
        ? HttpResponse.json(body)
        : HttpResponse.json({ error: { code: 'UNAUTHORIZED', message: 'Session expired' } }, { status: 401 });
    };
  server.use(
    http.post(`${BASE}/api/v1/login`, ({ request }) => {
      const expected = `Basic ${Buffer.from('ccc-api:pw').toString('base64')}`;
      if (request.headers.get('authorization') !== expected) {
        return HttpResponse.json({ error: { code: 'UNAUTHORIZED' } }, { status: 401 });
      }
      logins++;
      return HttpResponse.json({}, { headers: { 'Set-Cookie': `ctx_sessionid=s${logins}; Max-Age=86400; Path=/; HttpOnly` } });
    }),
    http.get(`${BASE}/api/v1/system/info`, () => HttpResponse.json(info)),
    http.get(`${BASE}/api/v1/ccc/access`, authed({ ...access, state: options.accessState ?? 'confirmed' })),
    http.get(`${BASE}/api/v1/maintenance`, authed(maintenance)),
  );
  return { logins: () => logins };
}

describe('HttpDeviceClient', () => {
  it('logs in once and reuses the session cookie', async () => {
    const d = device();
    const client = new HttpDeviceClient();
    expect(await client.getStatus(target)).toEqual({ info, access, maintenance });
    await client.getStatus(target);
    expect(d.logins()).toBe(1);
  });

  it('logs in again when the session has ended (401)', async () => {
    const d = device({ valid: session => session !== 's1' });
    const client = new HttpDeviceClient();
    await expect(client.getStatus(target)).resolves.toMatchObject({ maintenance });
    expect(d.logins()).toBe(2);
  });

  it('reports revoked access when the login is refused', async () => {
    device();
    const client = new HttpDeviceClient();
    await expect(
      client.getStatus({ ...target, credentials: { username: 'ccc-api', password: 'old' } }),
    ).rejects.toThrow(DeviceAccessRevokedError);
  });

  it('does not try refused credentials again for a while, so its own jobs never lock the device', async () => {
    let attempts = 0;
    server.use(
      http.get(`${BASE}/api/v1/system/info`, () => HttpResponse.json(info)),
      http.post(`${BASE}/api/v1/login`, () => {
        attempts++;
        return HttpResponse.json({ error: { code: 'UNAUTHORIZED' } }, { status: 401 });
      }),
    );
    let now = 0;
    const client = new HttpDeviceClient({ refusedLoginPauseMs: 60_000, nowMs: () => now });
    const stale = { ...target, credentials: { username: 'ccc-api', password: 'old' } };
    for (let i = 0; i < 6; i++) await expect(client.getStatus(stale)).rejects.toThrow(DeviceAccessRevokedError);
    expect(attempts).toBe(1);

    // Other credentials (paired anew) are tried at once; so are the old ones after the pause or a forget().
    await expect(client.getStatus(target)).rejects.toThrow(DeviceAccessRevokedError);
    expect(attempts).toBe(2);
    now = 60_000;
    await expect(client.getStatus(stale)).rejects.toThrow(DeviceAccessRevokedError);
    expect(attempts).toBe(3);
    client.forget(target.serialNumber);
    await expect(client.getStatus(stale)).rejects.toThrow(DeviceAccessRevokedError);
    expect(attempts).toBe(4);
  });

  it('reports revoked access when the device says CCC access is gone', async () => {
    device({ accessState: 'none' });
    await expect(new HttpDeviceClient().getStatus(target)).rejects.toThrow(DeviceAccessRevokedError);
  });

  it('reports an unreachable device with the reason', async () => {
    server.use(http.get(`${BASE}/api/v1/system/info`, () => HttpResponse.error()));
    await expect(new HttpDeviceClient({ sleep: async () => {} }).getStatus(target)).rejects.toThrow(DeviceUnreachableError);
  });

  it('reports a rebooting device (503 with a long Retry-After) with the wait', async () => {
    server.use(
      http.get(`${BASE}/api/v1/system/info`, () =>
        HttpResponse.json({ error: { code: 'REBOOTING' } }, { status: 503, headers: { 'Retry-After': '120' } }),
      ),
    );
    const error = await new HttpDeviceClient({ sleep: async () => {} }).getStatus(target).catch(e => e);
    expect(error).toBeInstanceOf(DeviceRebootingError);
    expect(error.retryAfterSeconds).toBe(120);
  });

  it('waits out a short Retry-After and then succeeds', async () => {
    device();
    let calls = 0;
    server.use(
      http.get(`${BASE}/api/v1/system/info`, () =>
        ++calls === 1
          ? new HttpResponse(null, { status: 503, headers: { 'Retry-After': '2' } })
          : HttpResponse.json(info),
      ),
    );
    const waits: number[] = [];
    const client = new HttpDeviceClient({ sleep: async ms => void waits.push(ms) });
    await expect(client.getStatus(target)).resolves.toMatchObject({ info });
    expect(waits).toEqual([2000]);
  });

  it('retries reads after network errors and 502 with backoff, then gives up', async () => {
    device();
    let calls = 0;
    server.use(
      http.get(`${BASE}/api/v1/system/info`, () => {
        calls++;
        if (calls === 1) return HttpResponse.error();
        if (calls === 2) return new HttpResponse(null, { status: 502 });
        return HttpResponse.json(info);
      }),
    );
    const waits: number[] = [];
    await expect(
      new HttpDeviceClient({ retryDelayMs: 100, sleep: async ms => void waits.push(ms) }).getStatus(target),
    ).resolves.toMatchObject({ info });
    expect(waits).toHaveLength(2);
    expect(waits[1]).toBeGreaterThan(waits[0]);

    server.use(http.get(`${BASE}/api/v1/system/info`, () => HttpResponse.error()));
    calls = 0;
    await expect(new HttpDeviceClient({ retries: 2, sleep: async () => {} }).getStatus(target)).rejects.toThrow(
      DeviceUnreachableError,
    );
  });

  it('maps a login lockout (423) and the 412 refusals to their own errors', async () => {
    server.use(
      http.get(`${BASE}/api/v1/system/info`, () => HttpResponse.json(info)),
      http.post(`${BASE}/api/v1/login`, () => HttpResponse.json({ blocked: 60 }, { status: 423 })),
    );
    const locked = await new HttpDeviceClient().getStatus(target).catch(e => e);
    expect(locked).toBeInstanceOf(DeviceLockedOutError);
    expect(locked.message).toMatch(/60 seconds/);

    server.use(
      http.get(`${BASE}/api/v1/system/info`, () =>
        HttpResponse.json({ error: { code: 'MAINTENANCE_REQUIRED', message: 'Maintenance expired' } }, { status: 412 }),
      ),
    );
    await expect(new HttpDeviceClient().getStatus(target)).rejects.toThrow(DeviceMaintenanceRequiredError);
    server.use(
      http.get(`${BASE}/api/v1/system/info`, () =>
        HttpResponse.json({ error: { code: 'FIRMWARE_UNSUPPORTED' } }, { status: 412 }),
      ),
    );
    await expect(new HttpDeviceClient().getStatus(target)).rejects.toThrow(DeviceFirmwareUnsupportedError);
  });

  it('gives up on a slow device after the timeout', async () => {
    server.use(
      http.get(`${BASE}/api/v1/system/info`, async () => {
        await new Promise(resolve => setTimeout(resolve, 500));
        return HttpResponse.json(info);
      }),
    );
    await expect(new HttpDeviceClient({ timeoutMs: 50, retries: 0 }).getStatus(target)).rejects.toThrow(
      /no answer within 50 ms/,
    );
  });

  it('reports garbage as a device error', async () => {
    server.use(http.get(`${BASE}/api/v1/system/info`, () => new HttpResponse('<html>', { status: 200 })));
    await expect(new HttpDeviceClient().getStatus(target)).rejects.toThrow(DeviceRequestError);
  });

  it('forgets sessions of a device on request', async () => {
    const d = device();
    const client = new HttpDeviceClient();
    await client.getStatus(target);
    client.forget('CTX000111222');
    await client.getStatus(target);
    expect(d.logins()).toBe(2);
  });
});

// Complete list items as a device sends them: the client checks every field.
const phone = (id: string) => ({
  id,
  name: `Phone ${id}`,
  macAddress: '00:09:52:00:00:0E',
  type: 'ip',
  manufacturer: 'Auerswald',
  model: 'COMfortel D-210',
  firmwareVersion: '2.2A',
  userNumber: '21',
  status: 'registered_encrypted',
});
const trunk = (id: string) => ({
  id,
  accountName: 'Telekom Zentrale',
  providerName: 'Deutsche Telekom',
  stunState: 'stun_ok',
  registrationState: 'registered_encrypted',
  lastChange: '2026-11-27T08:00:00.000Z',
});
const systemMessage = (id: number) => ({
  id,
  ts: '2026-11-27T08:00:00.000Z',
  severity: 'info',
  category: 'System',
  text: 'Konfiguration gewechselt',
});

describe('HttpDeviceClient lists', () => {
  it('reads every page of the phone status and stops at the total', async () => {
    device();
    const phones = Array.from({ length: 450 }, (_, i) => phone(`p${i}`));
    const offsets: number[] = [];
    server.use(
      http.get(`${BASE}/api/v1/phones/status`, ({ request }) => {
        const url = new URL(request.url);
        const limit = Number(url.searchParams.get('limit'));
        const offset = Number(url.searchParams.get('offset'));
        offsets.push(offset);
        return HttpResponse.json({ _links: { totalCount: phones.length }, data: phones.slice(offset, offset + limit) });
      }),
    );
    const result = await new HttpDeviceClient().listPhoneStatus(target);
    expect(result.map(p => p.id)).toEqual(phones.map(p => p.id));
    expect(offsets).toEqual([0, 200, 400]);
  });

  it('stops on an empty page even when the device claims more', async () => {
    device();
    server.use(
      http.get(`${BASE}/api/v1/trunks/status`, ({ request }) =>
        HttpResponse.json({
          _links: { totalCount: 99 },
          data: new URL(request.url).searchParams.get('offset') === '0' ? [trunk('t1')] : [],
        }),
      ),
    );
    expect(await new HttpDeviceClient().listTrunkStatus(target)).toEqual([trunk('t1')]);
  });

  it('turns a list item of the wrong shape into a DeviceRequestError naming the field', async () => {
    device();
    server.use(
      http.get(`${BASE}/api/v1/phones/status`, () =>
        HttpResponse.json({ _links: { totalCount: 1 }, data: [{ ...phone('p1'), status: 'exploded' }] }),
      ),
    );
    await expect(new HttpDeviceClient().listPhoneStatus(target)).rejects.toThrow(
      /unexpected answer to \/api\/v1\/phones\/status at 0.status: Invalid option/,
    );
  });

  it('maps the gate refusals of list endpoints', async () => {
    device();
    server.use(
      http.get(`${BASE}/api/v1/phones/status`, () =>
        HttpResponse.json({ error: { code: 'MAINTENANCE_REQUIRED', message: 'Maintenance expired' } }, { status: 412 }),
      ),
    );
    await expect(new HttpDeviceClient().listPhoneStatus(target)).rejects.toThrow(DeviceMaintenanceRequiredError);
  });
});

describe('HttpDeviceClient monitoring, messages and remote access', () => {
  it('asks for samples of a range and step', async () => {
    device();
    let query: URLSearchParams | undefined;
    server.use(
      http.get(`${BASE}/api/v1/monitoring/samples`, ({ request }) => {
        query = new URL(request.url).searchParams;
        return HttpResponse.json({
          _links: { totalCount: 1 },
          data: [{ ts: '2026-11-27T08:00:00.000Z', cpuLoadPercent: 12.5, memUsedBytes: 1, memTotalBytes: 2 }],
        });
      }),
    );
    const samples = await new HttpDeviceClient().getMonitoringSamples(target, {
      from: new Date('2026-11-27T08:00:00Z'),
      to: new Date('2026-11-27T09:00:00Z'),
      stepSeconds: 300,
    });
    expect(samples).toHaveLength(1);
    expect(Object.fromEntries(query!)).toEqual({
      from: '2026-11-27T08:00:00.000Z',
      to: '2026-11-27T09:00:00.000Z',
      step: '300',
    });
  });

  it('says when monitoring is switched off on the device', async () => {
    device();
    server.use(
      http.get(`${BASE}/api/v1/monitoring/samples`, () =>
        HttpResponse.json({ error: { code: 'MONITORING_DISABLED' } }, { status: 409 }),
      ),
    );
    await expect(
      new HttpDeviceClient().getMonitoringSamples(target, { from: new Date(0), to: new Date(60_000) }),
    ).rejects.toThrow(DeviceMonitoringDisabledError);
  });

  it('reads system messages since a cursor across pages', async () => {
    device();
    const seen: string[] = [];
    server.use(
      http.get(`${BASE}/api/v1/systemmessages`, ({ request }) => {
        const url = new URL(request.url);
        seen.push(url.search);
        const offset = Number(url.searchParams.get('offset'));
        const all = [systemMessage(8), systemMessage(9)];
        return HttpResponse.json({ _links: { totalCount: 2 }, data: offset === 0 ? all : [] });
      }),
    );
    expect((await new HttpDeviceClient().listSystemMessages(target, 7)).map(m => m.id)).toEqual([8, 9]);
    expect(seen).toEqual(['?since=7&limit=200&offset=0']);
  });

  it('opens a remote session once, never retrying the change', async () => {
    device();
    let posts = 0;
    server.use(
      http.post(`${BASE}/api/v1/remoteaccess/session`, () => {
        posts++;
        return HttpResponse.error();
      }),
    );
    await expect(new HttpDeviceClient({ sleep: async () => {} }).openRemoteSession(target)).rejects.toThrow(
      DeviceUnreachableError,
    );
    expect(posts).toBe(1);

    server.use(
      http.post(`${BASE}/api/v1/remoteaccess/session`, () =>
        HttpResponse.json({ sessionId: 's', url: 'http://x', expiresAt: '2026-11-27T09:00:00Z' }, { status: 201 }),
      ),
      http.get(`${BASE}/api/v1/remoteaccess/session`, () => HttpResponse.json({ active: true, sessionId: 's' })),
      http.delete(`${BASE}/api/v1/remoteaccess/session`, () => new HttpResponse(null, { status: 204 })),
    );
    const client = new HttpDeviceClient();
    expect(await client.openRemoteSession(target)).toMatchObject({ sessionId: 's' });
    expect(await client.getRemoteSession(target)).toMatchObject({ active: true });
    await expect(client.closeRemoteSession(target)).resolves.toBeUndefined();
  });

  it('says when remote configuration is not allowed on the device', async () => {
    device();
    server.use(
      http.post(`${BASE}/api/v1/remoteaccess/session`, () =>
        HttpResponse.json({ error: { code: 'REMOTE_CONFIG_DISABLED' } }, { status: 412 }),
      ),
    );
    await expect(new HttpDeviceClient().openRemoteSession(target)).rejects.toThrow(DeviceRemoteConfigDisabledError);
  });
});

describe('HttpDeviceClient backups and firmware', () => {
  const backup = (n: number) => ({
    id: `bk-${n}`,
    createdAt: '2026-11-27T02:00:00.000Z',
    firmwareVersion: '2.6.0',
    sizeBytes: 3_000_000 + n,
    trigger: n % 2 ? 'scheduled' : 'manual',
  });
  const schedule = {
    interval: 'weekly',
    anchorTime: '2026-11-01T02:00:00.000Z',
    lastRun: '2026-11-22T02:00:00.000Z',
    nextRun: '2026-11-29T02:00:00.000Z',
  };
  const job = {
    jobId: 'job-1',
    kind: 'backup',
    state: 'running',
    progress: 40,
    startedAt: '2026-11-27T08:00:00.000Z',
    finishedAt: null,
  };
  const status = {
    state: 'downloading',
    progress: 30,
    fromVersion: '2.6.0',
    toVersion: '2.6.2',
    startedAt: '2026-11-27T08:00:00.000Z',
    finishedAt: null,
    message: null,
    history: [
      {
        jobId: 'fw-1',
        fromVersion: '2.4.6',
        toVersion: '2.6.0',
        state: 'succeeded',
        startedAt: '2026-10-01T08:00:00.000Z',
        finishedAt: '2026-10-01T08:03:00.000Z',
        message: 'Firmware 2.6.0 installed',
      },
    ],
  };
  const refuse = (httpStatus: number, code: string, message = `device says ${code}`) =>
    HttpResponse.json({ error: { code, message } }, { status: httpStatus });

  it('reads setup, every page of backups, a job, the schedule, firmware and update status', async () => {
    device();
    const backups = Array.from({ length: 230 }, (_, i) => backup(i));
    const offsets: number[] = [];
    server.use(
      http.get(`${BASE}/api/v1/backups/config`, () =>
        HttpResponse.json({ configured: true, serverAddress: 'backup.test', passwordSet: true }),
      ),
      http.get(`${BASE}/api/v1/backups`, ({ request }) => {
        const url = new URL(request.url);
        const offset = Number(url.searchParams.get('offset'));
        offsets.push(offset);
        const limit = Number(url.searchParams.get('limit'));
        return HttpResponse.json({ _links: { totalCount: backups.length }, data: backups.slice(offset, offset + limit) });
      }),
      http.get(`${BASE}/api/v1/backups/jobs/:jobId`, ({ params }) => HttpResponse.json({ ...job, jobId: params.jobId })),
      http.get(`${BASE}/api/v1/backups/schedule`, () => HttpResponse.json(schedule)),
      http.get(`${BASE}/api/v1/firmware`, () =>
        HttpResponse.json({ installed: '2.6.0', available: '2.6.2', updateServerReachable: true }),
      ),
      http.get(`${BASE}/api/v1/firmware/update/status`, () => HttpResponse.json(status)),
    );
    const client = new HttpDeviceClient();
    expect(await client.getBackupConfig(target)).toEqual({
      configured: true,
      serverAddress: 'backup.test',
      passwordSet: true,
    });
    expect(await client.listBackups(target)).toEqual(backups);
    expect(offsets).toEqual([0, 200]);
    expect(await client.getJob(target, 'job 7')).toEqual({ ...job, jobId: 'job 7' });
    expect(await client.getBackupSchedule(target)).toEqual(schedule);
    expect(await client.getFirmware(target)).toEqual({
      installed: '2.6.0',
      available: '2.6.2',
      updateServerReachable: true,
    });
    expect(await client.getFirmwareUpdateStatus(target)).toEqual(status);
  });

  it('treats null backupId and message of a job as absent', async () => {
    device();
    server.use(
      http.get(`${BASE}/api/v1/backups/jobs/job-1`, () =>
        HttpResponse.json({ ...job, state: 'done', progress: 100, backupId: null, message: null }),
      ),
    );
    const result = await new HttpDeviceClient().getJob(target, 'job-1');
    expect(result).toEqual({ ...job, state: 'done', progress: 100 });
    expect(result.backupId).toBeUndefined();
    expect(result.message).toBeUndefined();
  });

  it('starts a backup with one POST, never retrying it', async () => {
    device();
    let posts = 0;
    server.use(
      http.post(`${BASE}/api/v1/backups`, () => {
        posts++;
        return HttpResponse.error();
      }),
    );
    await expect(new HttpDeviceClient({ sleep: async () => {} }).createBackup(target)).rejects.toThrow(
      DeviceUnreachableError,
    );
    expect(posts).toBe(1);

    let body: string | undefined;
    server.use(
      http.post(`${BASE}/api/v1/backups`, async ({ request }) => {
        body = await request.text();
        return HttpResponse.json({ jobId: 'job-2' }, { status: 202 });
      }),
    );
    expect(await new HttpDeviceClient().createBackup(target)).toEqual({ jobId: 'job-2' });
    expect(body).toBe('');
  });

  it('sends the restore password as JSON, and no body without one', async () => {
    device();
    const seen: Array<{ path: string; type: string | null; body: string }> = [];
    server.use(
      http.post(`${BASE}/api/v1/backups/:id/restore`, async ({ request }) => {
        seen.push({
          path: new URL(request.url).pathname,
          type: request.headers.get('content-type'),
          body: await request.text(),
        });
        return HttpResponse.json({ jobId: 'job-3' }, { status: 202 });
      }),
    );
    const client = new HttpDeviceClient();
    expect(await client.restoreBackup(target, 'bk/1', { password: 'secret' })).toEqual({ jobId: 'job-3' });
    expect(await client.restoreBackup(target, 'bk-2')).toEqual({ jobId: 'job-3' });
    expect(seen).toEqual([
      {
        path: '/devices/CTX000111222/api/v1/backups/bk%2F1/restore',
        type: 'application/json',
        body: '{"password":"secret"}',
      },
      { path: '/devices/CTX000111222/api/v1/backups/bk-2/restore', type: null, body: '' },
    ]);
  });

  it('changes the schedule with PUT and sends the body again after a new login', async () => {
    const d = device({ valid: session => session !== 's1' });
    const bodies: unknown[] = [];
    server.use(
      http.put(`${BASE}/api/v1/backups/schedule`, async ({ request }) => {
        bodies.push(await request.json());
        if (/ctx_sessionid=s1\b/.test(request.headers.get('cookie') ?? '')) {
          return refuse(401, 'UNAUTHORIZED');
        }
        return HttpResponse.json({ ...schedule, interval: 'daily' });
      }),
    );
    expect(await new HttpDeviceClient().setBackupSchedule(target, 'daily')).toEqual({ ...schedule, interval: 'daily' });
    expect(bodies).toEqual([{ interval: 'daily' }, { interval: 'daily' }]);
    expect(d.logins()).toBe(2);
  });

  it('deletes a backup, and says when the device does not know it', async () => {
    device();
    server.use(
      http.delete(`${BASE}/api/v1/backups/bk-1`, () => new HttpResponse(null, { status: 204 })),
      http.delete(`${BASE}/api/v1/backups/bk-9`, () => refuse(404, 'NOT_FOUND', 'No backup bk-9 on the backup server')),
      http.get(`${BASE}/api/v1/backups/jobs/job-9`, () => refuse(404, 'NOT_FOUND')),
    );
    const client = new HttpDeviceClient();
    await expect(client.deleteBackup(target, 'bk-1')).resolves.toBeUndefined();
    const missing = await client.deleteBackup(target, 'bk-9').catch(e => e);
    expect(missing).toBeInstanceOf(DeviceNotFoundError);
    // Still a request error, for code that handles those in general.
    expect(missing).toBeInstanceOf(DeviceRequestError);
    expect(missing).toMatchObject({ status: 404, code: 'NOT_FOUND', message: 'No backup bk-9 on the backup server' });
    await expect(client.getJob(target, 'job-9')).rejects.toThrow(DeviceNotFoundError);
  });

  it('maps the 409 refusals of backups and updates to their own errors', async () => {
    device();
    server.use(
      http.get(`${BASE}/api/v1/backups`, () => refuse(409, 'BACKUP_NOT_CONFIGURED', 'Remote backup is not set up')),
      http.post(`${BASE}/api/v1/backups`, () => refuse(409, 'BACKUP_IN_PROGRESS')),
      http.post(`${BASE}/api/v1/backups/bk-1/restore`, () => refuse(409, 'UPDATE_IN_PROGRESS')),
      http.post(`${BASE}/api/v1/firmware/update`, () => refuse(409, 'NO_UPDATE_AVAILABLE')),
      http.get(`${BASE}/api/v1/backups/schedule`, () => refuse(409, 'SOMETHING_NEW')),
    );
    const client = new HttpDeviceClient();
    const notConfigured = await client.listBackups(target).catch(e => e);
    expect(notConfigured).toBeInstanceOf(DeviceBackupNotConfiguredError);
    expect(notConfigured.message).toBe('Remote backup is not set up');
    await expect(client.createBackup(target)).rejects.toThrow(DeviceBackupInProgressError);
    await expect(client.restoreBackup(target, 'bk-1')).rejects.toThrow(DeviceUpdateInProgressError);
    await expect(client.startFirmwareUpdate(target)).rejects.toThrow(DeviceNoUpdateAvailableError);
    const unknown = await client.getBackupSchedule(target).catch(e => e);
    expect(unknown).toBeInstanceOf(DeviceRequestError);
    expect(unknown).toMatchObject({ status: 409, code: 'SOMETHING_NEW' });

    server.use(http.post(`${BASE}/api/v1/firmware/update`, () => refuse(409, 'UPDATE_IN_PROGRESS')));
    await expect(client.startFirmwareUpdate(target)).rejects.toThrow(DeviceUpdateInProgressError);
    server.use(http.post(`${BASE}/api/v1/firmware/update`, () => HttpResponse.json({ jobId: 'fw-7' }, { status: 202 })));
    expect(await client.startFirmwareUpdate(target)).toEqual({ jobId: 'fw-7' });
  });

  it('turns garbage answers into request errors naming the problem', async () => {
    device();
    server.use(
      http.get(`${BASE}/api/v1/backups/jobs/job-1`, () => HttpResponse.json({ ...job, state: 'exploded' })),
      http.get(`${BASE}/api/v1/firmware`, () => new HttpResponse('<html>', { status: 200 })),
      http.get(`${BASE}/api/v1/firmware/update/status`, () => HttpResponse.json({ ...status, history: 'none' })),
      http.get(`${BASE}/api/v1/backups`, () =>
        HttpResponse.json({ _links: { totalCount: 2 }, data: [backup(1), { ...backup(2), id: undefined }] }),
      ),
      http.get(`${BASE}/api/v1/backups/schedule`, () => HttpResponse.json({ ...schedule, nextRun: 'tomorrow' })),
      http.post(`${BASE}/api/v1/backups`, () => HttpResponse.json({ started: true }, { status: 202 })),
      http.put(`${BASE}/api/v1/backups/schedule`, () => new HttpResponse('ok', { status: 200 })),
    );
    const client = new HttpDeviceClient();
    const badJob = await client.getJob(target, 'job-1').catch(e => e);
    expect(badJob).toBeInstanceOf(DeviceRequestError);
    expect(badJob.message).toMatch(/unexpected answer to \/api\/v1\/backups\/jobs\/job-1 at state/);
    await expect(client.getFirmware(target)).rejects.toThrow(DeviceRequestError);
    await expect(client.getFirmwareUpdateStatus(target)).rejects.toThrow(/at history/);
    await expect(client.listBackups(target)).rejects.toThrow(/at 1\.id/);
    await expect(client.getBackupSchedule(target)).rejects.toThrow(/at nextRun/);
    await expect(client.createBackup(target)).rejects.toThrow(/at jobId/);
    await expect(client.setBackupSchedule(target, 'off')).rejects.toThrow(/unreadable answer/);
  });
});

describe('HttpDeviceClient call data', () => {
  const PATH = `${BASE}/api/v1/calldata`;
  /** A record as the simulator sends it; `id` is its CallDataId, calls a minute apart. */
  const record = (id: number, startMinute = id): DeviceCallData => ({
    CallDataId: id,
    startDate: new Date(Date.UTC(2026, 10, 27, 6, 0) + startMinute * 60_000).toISOString().replace('.000Z', 'Z'),
    length: 90,
    externalName: 'Muster GmbH',
    externalPhoneNumber: '0891234567',
    msn: '0301234560',
    userNumber: '214',
    userName: 'Anna Beispiel',
    connectedUserNumber: '214',
    connectedUserName: 'Anna Beispiel',
    groupNumber: '',
    groupName: '',
    cost: 0,
    costFactor: 1,
    direction: 'Incoming',
    callType: 'Normal',
    success: true,
  });
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => record(from + i));

  /**
   * A device holding `rows` (oldest first) that answers like the simulator, or, with `filters: false`, like a real
   * COMtrexx that knows neither afterId nor since. Records every query it gets.
   */
  function callDataDevice(rows: () => DeviceCallData[], options: { filters?: boolean } = {}) {
    device();
    const queries: Record<string, string>[] = [];
    server.use(
      http.get(PATH, ({ request }) => {
        const params = new URL(request.url).searchParams;
        queries.push(Object.fromEntries(params));
        let list = rows();
        if (options.filters !== false) {
          const afterId = params.get('afterId');
          const since = params.get('since');
          if (afterId !== null) list = list.filter(r => r.CallDataId > Number(afterId));
          if (since !== null) list = list.filter(r => Date.parse(r.startDate) >= Date.parse(since));
        }
        const offset = Number(params.get('offset'));
        const limit = Number(params.get('limit'));
        return HttpResponse.json({ _links: { totalCount: list.length }, data: list.slice(offset, offset + limit) });
      }),
    );
    return { queries };
  }

  it('reads one page with its query and the total, turning null texts into ""', async () => {
    const { queries } = callDataDevice(() => [{ ...record(7), groupName: null } as unknown as DeviceCallData]);
    const page = await new HttpDeviceClient().listCallData(target, {
      userId: '214',
      afterId: 6,
      since: new Date('2026-11-27T06:00:00Z'),
      limit: 20,
      offset: 0,
    });
    expect(page).toEqual({ totalCount: 1, records: [record(7)] });
    expect(queries).toEqual([
      { UserId: '214', afterId: '6', since: '2026-11-27T06:00:00.000Z', limit: '20', offset: '0' },
    ]);
    await expect(new HttpDeviceClient().listCallData(target, { limit: 0 })).rejects.toThrow(RangeError);
  });

  it('reads everything after a cursor page by page, moving the cursor, and sees what arrives meanwhile', async () => {
    let rows = range(1, 1200);
    const { queries } = callDataDevice(() => {
      const answer = rows;
      // Ten more calls end while the reader is at it.
      if (queries.length === 1) rows = range(1, 1210);
      return answer;
    });
    const read = await new HttpDeviceClient().readCallDataAfter(target, { afterId: 100 });
    expect(read.records.map(r => r.CallDataId)).toEqual(range(101, 1210).map(r => r.CallDataId));
    expect(read).toMatchObject({ nextAfterId: 1210, idsUnusable: false, gap: false });
    expect(queries.map(q => [q.afterId, q.offset, q.limit])).toEqual([
      ['100', '0', '500'],
      ['600', '0', '500'],
      ['1100', '0', '500'],
    ]);
  });

  it('keeps the cursor when nothing is new', async () => {
    callDataDevice(() => range(1, 50));
    expect(await new HttpDeviceClient().readCallDataAfter(target, { afterId: 50 })).toEqual({
      records: [],
      nextAfterId: 50,
      idsUnusable: false,
      gap: false,
    });
  });

  it('says when records were overwritten before they were read', async () => {
    // The ring buffer moved on: the oldest record left is 5001.
    callDataDevice(() => range(5001, 5100));
    const read = await new HttpDeviceClient().readCallDataAfter(target, { afterId: 100 });
    expect(read.records).toHaveLength(100);
    expect(read.gap).toBe(true);
  });

  it('pages by offset and filters itself on a device that ignores afterId and since (the real API)', async () => {
    const rows = range(1, 1200);
    const { queries } = callDataDevice(() => rows, { filters: false });
    const client = new HttpDeviceClient();
    const read = await client.readCallDataAfter(target, { afterId: 700 });
    expect(read.records.map(r => r.CallDataId)).toEqual(range(701, 1200).map(r => r.CallDataId));
    expect(read.nextAfterId).toBe(1200);
    // The first answer gave the device away; then offsets from the start.
    expect(queries.map(q => [q.afterId, q.offset])).toEqual([
      ['700', '0'],
      [undefined, '0'],
      [undefined, '500'],
      [undefined, '1000'],
    ]);

    const since = await client.readCallDataAfter(target, { since: new Date(record(1150).startDate) });
    expect(since.records.map(r => r.CallDataId)).toEqual(range(1150, 1200).map(r => r.CallDataId));
  });

  it('reads a device whose ids are all 0 by offset and says the ids are unusable', async () => {
    const rows = range(1, 700).map(r => ({ ...r, CallDataId: 0 }));
    const { queries } = callDataDevice(() => rows);
    const read = await new HttpDeviceClient().readCallDataAfter(target);
    expect(read.records).toHaveLength(700);
    expect(read).toMatchObject({ idsUnusable: true, nextAfterId: undefined, gap: false });
    expect(queries.map(q => q.offset)).toEqual(['0', '500']);
  });

  it('gives up on a device that never stops sending pages', async () => {
    device();
    const zeros = range(1, 500).map(r => ({ ...r, CallDataId: 0 }));
    server.use(http.get(PATH, () => HttpResponse.json({ _links: { totalCount: 1_000_000 }, data: zeros })));
    await expect(new HttpDeviceClient().readCallDataAfter(target)).rejects.toThrow(/more than 100 pages/);
  });

  it.each([
    ['an HTML page', () => new HttpResponse('<html>Bitte warten', { status: 200 }), /unreadable answer/],
    ['no data', () => HttpResponse.json({ _links: { totalCount: 3 } }), /at data/],
    ['no total', () => HttpResponse.json({ data: [] }), /at _links/],
    [
      'an unknown direction',
      () => HttpResponse.json({ _links: { totalCount: 1 }, data: [{ ...record(1), direction: 'Sideways' }] }),
      /at data\.0\.direction/,
    ],
    [
      'an id as text',
      () => HttpResponse.json({ _links: { totalCount: 1 }, data: [{ ...record(1), CallDataId: '1' }] }),
      /at data\.0\.CallDataId/,
    ],
    [
      'a date that is none',
      () => HttpResponse.json({ _links: { totalCount: 1 }, data: [{ ...record(1), startDate: '11.03.2025' }] }),
      /at data\.0\.startDate/,
    ],
  ])('turns %s into a DeviceRequestError', async (_label, answer, message) => {
    device();
    server.use(http.get(PATH, answer));
    const error = await new HttpDeviceClient().listCallData(target).catch(e => e);
    expect(error).toBeInstanceOf(DeviceRequestError);
    expect(error.message).toMatch(message);
    await expect(new HttpDeviceClient().readCallDataAfter(target)).rejects.toThrow(DeviceRequestError);
  });

  it('maps the gate refusals', async () => {
    device();
    server.use(
      http.get(PATH, () =>
        HttpResponse.json({ error: { code: 'MAINTENANCE_REQUIRED', message: 'Maintenance expired' } }, { status: 412 }),
      ),
    );
    await expect(new HttpDeviceClient().readCallDataAfter(target)).rejects.toThrow(DeviceMaintenanceRequiredError);
  });
});
