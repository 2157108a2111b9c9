import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { DeviceTarget } from './DeviceClient';
import { DeviceAccessRevokedError, DeviceRequestError, DeviceUnreachableError } from './errors';
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
    await expect(new HttpDeviceClient().getStatus(target)).rejects.toThrow(DeviceUnreachableError);
  });

  it('treats a gateway 503 (device rebooting) as unreachable, not as an error of the device', async () => {
    server.use(
      http.get(`${BASE}/api/v1/system/info`, () =>
        HttpResponse.json({ error: { message: 'Rebooting' } }, { status: 503 }),
      ),
    );
    await expect(new HttpDeviceClient().getStatus(target)).rejects.toThrow(DeviceUnreachableError);
  });

  it('gives up on a slow device after the timeout', async () => {
    server.use(
      http.get(`${BASE}/api/v1/system/info`, async () => {
        await new Promise(resolve => setTimeout(resolve, 500));
        return HttpResponse.json(info);
      }),
    );
    await expect(new HttpDeviceClient({ timeoutMs: 50 }).getStatus(target)).rejects.toThrow(/no answer within 50 ms/);
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
