import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { DeviceTarget } from './DeviceClient';
import {
  DeviceAccessRevokedError,
  DeviceFirmwareUnsupportedError,
  DeviceLockedOutError,
  DeviceMaintenanceRequiredError,
  DeviceMonitoringDisabledError,
  DeviceRebootingError,
  DeviceRemoteConfigDisabledError,
  DeviceRequestError,
  DeviceUnreachableError,
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

describe('HttpDeviceClient lists', () => {
  it('reads every page of the phone status and stops at the total', async () => {
    device();
    const phones = Array.from({ length: 450 }, (_, i) => ({ id: `p${i}`, name: `Phone ${i}`, status: 'registered_encrypted' }));
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
          data: new URL(request.url).searchParams.get('offset') === '0' ? [{ id: 't1' }] : [],
        }),
      ),
    );
    expect(await new HttpDeviceClient().listTrunkStatus(target)).toEqual([{ id: 't1' }]);
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
        const all = [{ id: 8 }, { id: 9 }];
        return HttpResponse.json({ _links: { totalCount: 2 }, data: offset === 0 ? all : [] });
      }),
    );
    expect(await new HttpDeviceClient().listSystemMessages(target, 7)).toEqual([{ id: 8 }, { id: 9 }]);
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
