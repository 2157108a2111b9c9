import { RunningSimulator, startSimulator } from './server';
import { basic, deadUrl, FakeCcc, sessionCookie, startFakeCcc } from './testUtils';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('device side of CCC pairing', () => {
  let simulator: RunningSimulator;
  let ccc: FakeCcc;
  let clock: Date;

  const deviceUrl = (index: number, path: string) =>
    `${simulator.url}/devices/${simulator.fleet[index].serialNumber}/api/v1${path}`;

  const confirm = (index: number, confirmationCode: unknown) =>
    fetch(deviceUrl(index, '/ccc/access/confirm'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ confirmationCode }),
    });

  const login = (index: number, username: string, password: string) =>
    fetch(deviceUrl(index, '/login'), { method: 'POST', headers: { authorization: basic(username, password) } });

  /** Pairs a device through the stand-in CCC and returns the credentials the CCC received. */
  const pair = async (index: number) => {
    ccc.respondWith(201, { id: 'system-1' });
    expect((await confirm(index, 'ABCD-1234')).status).toBe(204);
    const { credentials } = ccc.received[ccc.received.length - 1].body as {
      credentials: { username: string; password: string };
    };
    return credentials;
  };

  const loggedIn = async (index: number) => {
    const { username, password } = await pair(index);
    return sessionCookie(await login(index, username, password));
  };

  beforeEach(async () => {
    clock = new Date('2026-06-01T10:00:00Z');
    // Started before the CCC, as in the backend's tests; the URL follows below.
    simulator = await startSimulator({ seed: 21, size: 4, now: () => clock });
    ccc = await startFakeCcc();
    simulator.setCccPairingUrl(ccc.pairingUrl);
  });

  afterEach(async () => {
    await simulator.close();
    await ccc.close();
  });

  it('starts unpaired and uses the default pairing URL until told otherwise', async () => {
    const other = await startSimulator({ size: 1 });
    try {
      expect(other.cccPairingUrl).toBe('http://127.0.0.1:7007/api/ccc/pairing');
      expect(other.fleet[0].ccc).toMatchObject({ state: 'none', apiUser: null, confirmedAt: null });
    } finally {
      await other.close();
    }
    expect(simulator.cccPairingUrl).toBe(ccc.pairingUrl);
    expect(() => simulator.setCccPairingUrl('not a url')).toThrow(/not a valid URL/);
  });

  describe('login and sessions', () => {
    it('refuses login while the device has no API user', async () => {
      const res = await login(0, 'ccc-anyone', 'whatever');
      expect(res.status).toBe(401);
      expect(res.headers.get('set-cookie')).toBeNull();
      expect((await res.json()).error.code).toBe('UNAUTHORIZED');
    });

    it('issues a ctx_sessionid cookie for the right credentials and refuses wrong or missing ones', async () => {
      const { username, password } = await pair(0);

      const ok = await login(0, username, password);
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({});
      expect(ok.headers.get('set-cookie')).toMatch(/^ctx_sessionid=[0-9a-f]{32,}; Max-Age=86400; Path=\/; HttpOnly$/);

      expect((await login(0, username, `${password}x`)).status).toBe(401);
      expect((await login(0, 'ccc-someone-else', password)).status).toBe(401);
      const missing = await fetch(deviceUrl(0, '/login'), { method: 'POST' });
      expect(missing.status).toBe(401);
      expect((await missing.json()).error.code).toBe('UNAUTHORIZED');
    });

    it('answers the authenticated endpoints only with a valid cookie of that device', async () => {
      const cookie = await loggedIn(0);

      for (const path of ['/ccc/access', '/maintenance']) {
        const without = await fetch(deviceUrl(0, path));
        expect(without.status).toBe(401);
        expect((await without.json()).error.code).toBe('UNAUTHORIZED');
        const forged = await fetch(deviceUrl(0, path), { headers: { cookie: 'ctx_sessionid=deadbeef' } });
        expect(forged.status).toBe(401);
        // A cookie of device 0 does not open device 1, although both share the port.
        expect((await fetch(deviceUrl(1, path), { headers: { cookie } })).status).toBe(401);
      }

      const access = await fetch(deviceUrl(0, '/ccc/access'), { headers: { cookie: `theme=dark; ${cookie}` } });
      expect(access.status).toBe(200);
      expect(await access.json()).toEqual({
        state: 'confirmed',
        confirmedAt: clock.toISOString(),
        monitoringEnabled: simulator.fleet[0].ccc.monitoringEnabled,
        remoteConfigEnabled: simulator.fleet[0].ccc.remoteConfigEnabled,
        proxyEnabled: true,
        proxyHost: 'proxy.auerproxy.de',
      });

      const maintenance = await fetch(deviceUrl(0, '/maintenance'), { headers: { cookie } });
      expect(await maintenance.json()).toEqual({
        active: simulator.fleet[0].maintenance.active,
        validUntil: simulator.fleet[0].maintenance.validUntil,
        source: 'voucher-center',
      });
    });

    it('reports expired maintenance of the awkward device', async () => {
      const cookie = await loggedIn(2);
      const body = await (await fetch(deviceUrl(2, '/maintenance'), { headers: { cookie } })).json();
      expect(body.active).toBe(false);
      expect(Date.parse(body.validUntil)).toBeLessThan(clock.getTime());
    });

    it('lets a session expire after 24 hours of the injected clock', async () => {
      const cookie = await loggedIn(0);
      const start = clock.getTime();

      clock = new Date(start + DAY_MS - 1000);
      expect((await fetch(deviceUrl(0, '/ccc/access'), { headers: { cookie } })).status).toBe(200);

      clock = new Date(start + DAY_MS);
      const expired = await fetch(deviceUrl(0, '/ccc/access'), { headers: { cookie } });
      expect(expired.status).toBe(401);
      expect((await expired.json()).error.code).toBe('UNAUTHORIZED');
    });

    it('keeps system/info open without a session', async () => {
      const res = await fetch(deviceUrl(0, '/system/info'));
      expect(res.status).toBe(200);
      expect((await res.json()).systemTime).toBe(clock.toISOString());
    });
  });

  describe('confirm', () => {
    it('sends serial, code and fresh credentials to the CCC and then accepts them for login', async () => {
      const device = simulator.fleet[1];
      const res = await confirm(1, '  K7QF-29XA  ');
      expect(res.status).toBe(204);

      expect(ccc.received).toHaveLength(1);
      const sent = ccc.received[0];
      expect(sent.method).toBe('POST');
      expect(sent.url).toBe('/api/ccc/pairing');
      expect(sent.contentType).toMatch(/^application\/json/);
      expect(sent.body).toEqual({
        serialNumber: device.serialNumber,
        token: 'K7QF-29XA',
        credentials: { username: expect.stringMatching(/^ccc-[0-9a-f]+$/), password: expect.any(String) },
      });
      const { username, password } = (sent.body as { credentials: { username: string; password: string } })
        .credentials;
      expect(password.length).toBeGreaterThanOrEqual(24);

      expect(device.ccc).toMatchObject({
        state: 'confirmed',
        apiUser: { username, password },
        confirmedAt: clock.toISOString(),
      });
      expect((await login(1, username, password)).status).toBe(200);
    });

    it('generates different credentials for every pairing and ends sessions of the previous one', async () => {
      const first = await pair(0);
      const oldCookie = sessionCookie(await login(0, first.username, first.password));
      const second = await pair(0);

      expect(second.username).not.toBe(first.username);
      expect(second.password).not.toBe(first.password);
      expect((await fetch(deviceUrl(0, '/ccc/access'), { headers: { cookie: oldCookie } })).status).toBe(401);
      expect((await login(0, first.username, first.password)).status).toBe(401);
      expect((await login(0, second.username, second.password)).status).toBe(200);
    });

    it('relays a refusal of the CCC with its status and message and stays unpaired', async () => {
      ccc.respondWith(410, { error: { name: 'GoneError', message: 'The confirmation code has expired' } });
      const res = await confirm(0, 'OLD-CODE');
      expect(res.status).toBe(410);
      expect(await res.json()).toEqual({
        error: { code: 'PAIRING_REFUSED', message: 'The confirmation code has expired' },
      });
      expect(simulator.fleet[0].ccc).toMatchObject({ state: 'none', apiUser: null, confirmedAt: null });
    });

    it('keeps an existing pairing when the CCC refuses a new one', async () => {
      const { username, password } = await pair(0);
      ccc.respondWith(404, { error: { message: 'Unknown confirmation code' } });
      expect((await confirm(0, 'WRONG')).status).toBe(404);
      expect(simulator.fleet[0].ccc.state).toBe('confirmed');
      expect((await login(0, username, password)).status).toBe(200);
    });

    it('falls back to the status text when the refusal has no JSON error message', async () => {
      ccc.respondWith(409);
      const res = await confirm(0, 'CODE');
      expect(res.status).toBe(409);
      expect((await res.json()).error).toEqual({ code: 'PAIRING_REFUSED', message: 'Conflict' });
    });

    it('answers 502 CCC_UNREACHABLE when nothing listens at the pairing URL', async () => {
      simulator.setCccPairingUrl(await deadUrl());
      const res = await confirm(0, 'CODE');
      expect(res.status).toBe(502);
      const { error } = await res.json();
      expect(error.code).toBe('CCC_UNREACHABLE');
      expect(error.message).toMatch(/Cannot reach the CCC/);
      expect(simulator.fleet[0].ccc.state).toBe('none');
    });

    it('answers 502 CCC_UNREACHABLE when the CCC does not answer in time', async () => {
      const impatient = await startSimulator({ size: 1, cccPairingUrl: ccc.pairingUrl, cccTimeoutMs: 100 });
      try {
        ccc.respondWith(201, {}, 1000);
        const serial = impatient.fleet[0].serialNumber;
        const res = await fetch(`${impatient.url}/devices/${serial}/api/v1/ccc/access/confirm`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ confirmationCode: 'SLOW' }),
        });
        expect(res.status).toBe(502);
        expect((await res.json()).error).toEqual({
          code: 'CCC_UNREACHABLE',
          message: expect.stringMatching(/did not answer within 100 ms/),
        });
        expect(impatient.fleet[0].ccc.state).toBe('none');
      } finally {
        await impatient.close();
      }
    });

    it.each([[undefined], [''], ['   '], [42]])('refuses confirmationCode %p with 400', async code => {
      const res = await confirm(0, code);
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe('BAD_REQUEST');
      expect(ccc.received).toHaveLength(0);
    });

    it('answers malformed JSON with the JSON error body', async () => {
      const res = await fetch(deviceUrl(0, '/ccc/access/confirm'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{not json',
      });
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe('BAD_REQUEST');
    });
  });

  describe('revoke', () => {
    it('drops credentials and every session of the device, and no other', async () => {
      const { username, password } = await pair(0);
      const cookie = sessionCookie(await login(0, username, password));
      const otherCookie = await loggedIn(1);

      const res = await fetch(deviceUrl(0, '/ccc/access'), { method: 'DELETE' });
      expect(res.status).toBe(204);
      expect(simulator.fleet[0].ccc).toMatchObject({ state: 'none', apiUser: null, confirmedAt: null });
      expect((await fetch(deviceUrl(0, '/ccc/access'), { headers: { cookie } })).status).toBe(401);
      expect((await login(0, username, password)).status).toBe(401);

      expect((await fetch(deviceUrl(1, '/ccc/access'), { headers: { cookie: otherCookie } })).status).toBe(200);
    });

    it('is harmless on an unpaired device', async () => {
      expect((await fetch(deviceUrl(3, '/ccc/access'), { method: 'DELETE' })).status).toBe(204);
    });
  });

  describe('PUT access flags', () => {
    const put = (index: number, body: string) =>
      fetch(deviceUrl(index, '/ccc/access'), {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body,
      });

    it('changes the given flags, leaves omitted ones and answers the access object', async () => {
      const before = { ...simulator.fleet[0].ccc };
      const res = await put(0, JSON.stringify({ monitoringEnabled: !before.monitoringEnabled }));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        state: 'none',
        confirmedAt: null,
        monitoringEnabled: !before.monitoringEnabled,
        remoteConfigEnabled: before.remoteConfigEnabled,
        proxyEnabled: true,
        proxyHost: 'proxy.auerproxy.de',
      });

      const both = await (await put(0, JSON.stringify({ monitoringEnabled: true, remoteConfigEnabled: false }))).json();
      expect(both).toMatchObject({ monitoringEnabled: true, remoteConfigEnabled: false });
      expect(simulator.fleet[0].ccc).toMatchObject({ monitoringEnabled: true, remoteConfigEnabled: false });
    });

    it.each([
      ['a non-boolean flag', JSON.stringify({ monitoringEnabled: 'yes' })],
      ['null', JSON.stringify({ remoteConfigEnabled: null })],
      ['an unknown property', JSON.stringify({ state: 'confirmed' })],
      ['an array', JSON.stringify([true])],
    ])('refuses %s with 400 and changes nothing', async (_label, body) => {
      const before = { ...simulator.fleet[0].ccc };
      const res = await put(0, body);
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe('BAD_REQUEST');
      expect(simulator.fleet[0].ccc).toEqual(before);
    });
  });

  it('does not show API passwords in the /fleet overview', async () => {
    const { username, password } = await pair(0);
    const text = await (await fetch(`${simulator.url}/fleet`)).text();
    expect(text).not.toContain(password);
    expect(JSON.parse(text).data[0].ccc).toMatchObject({ state: 'confirmed', apiUser: { username } });
  });
});
