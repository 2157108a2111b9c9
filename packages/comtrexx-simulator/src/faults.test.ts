import { createFleet } from './fleet';
import { RunningSimulator, startSimulator } from './server';
import { basic, logIn, pairDirectly } from './testUtils';

const SEED = 31;
const OFF = {
  offline: false,
  slowMs: 0,
  serverError: false,
  garbage: false,
  rebootUntil: null,
  backupFails: false,
  updateFails: false,
  callDataIdZero: false,
};

describe('fault injection', () => {
  let simulator: RunningSimulator;
  let clock: Date;

  const serial = (index: number) => simulator.fleet[index].serialNumber;
  const deviceUrl = (index: number, path: string) => `${simulator.url}/devices/${serial(index)}${path}`;
  const setFaults = (index: number, body: unknown, contentType = 'application/json') =>
    fetch(`${simulator.url}/fleet/${serial(index)}/faults`, {
      method: 'PUT',
      headers: { 'content-type': contentType },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const advance = (seconds: number) => {
    clock = new Date(clock.getTime() + seconds * 1000);
  };

  beforeEach(async () => {
    clock = new Date('2026-06-01T10:00:00Z');
    simulator = await startSimulator({ seed: SEED, size: 3, now: () => clock });
  });

  afterEach(async () => {
    await simulator.close();
  });

  it('starts with every fault off', async () => {
    for (const device of simulator.fleet) {
      expect(device.faults).toEqual(OFF);
    }
  });

  describe('offline', () => {
    it('closes the connection without an answer, for this device only, and can be switched back', async () => {
      expect((await setFaults(0, { offline: true })).status).toBe(200);

      await expect(fetch(deviceUrl(0, '/api/v1/system/info'))).rejects.toThrow();
      await expect(fetch(deviceUrl(0, '/api/system/api'))).rejects.toThrow();
      expect((await fetch(deviceUrl(1, '/api/v1/system/info'))).status).toBe(200);
      // The simulator itself stays reachable, so the fault can be lifted.
      expect((await fetch(`${simulator.url}/health`)).status).toBe(200);
      expect((await fetch(`${simulator.url}/fleet`)).status).toBe(200);

      expect((await setFaults(0, { offline: false })).status).toBe(200);
      expect((await fetch(deviceUrl(0, '/api/v1/system/info'))).status).toBe(200);
    });
  });

  describe('slow', () => {
    const SLOW_MS = 300;

    it('delays every answer of the device, not the simulator', async () => {
      await setFaults(0, { slowMs: SLOW_MS });
      for (const path of ['/api/v1/system/info', '/api/system/api']) {
        const started = performance.now();
        const res = await fetch(deviceUrl(0, path));
        expect(res.status).toBe(200);
        expect(performance.now() - started).toBeGreaterThanOrEqual(SLOW_MS);
      }
      const started = performance.now();
      await fetch(`${simulator.url}/health`);
      expect(performance.now() - started).toBeLessThan(SLOW_MS);
    });

    it('lets a client time out and close the simulator without waiting for the delay', async () => {
      await setFaults(0, { slowMs: 60_000 });
      await expect(
        fetch(deviceUrl(0, '/api/v1/system/info'), { signal: AbortSignal.timeout(100) }),
      ).rejects.toThrow();
      const started = performance.now();
      await simulator.close();
      expect(performance.now() - started).toBeLessThan(1000);
      simulator = await startSimulator({ seed: SEED, size: 1 });
    });
  });

  describe('server error', () => {
    it('answers 500 INTERNAL_ERROR to every /api/v1 request, login included', async () => {
      await setFaults(0, { serverError: true });
      for (const [method, path] of [
        ['GET', '/api/v1/system/info'],
        ['POST', '/api/v1/login'],
        ['GET', '/api/v1/phones/status'],
      ]) {
        const res = await fetch(deviceUrl(0, path), { method });
        expect(res.status).toBe(500);
        expect((await res.json()).error).toEqual({ code: 'INTERNAL_ERROR', message: expect.any(String) });
      }
      // Outside /api/v1 the device still answers.
      expect((await fetch(deviceUrl(0, '/api/system/api'))).status).toBe(200);
    });
  });

  describe('garbage', () => {
    it('answers 200 with a body that is not JSON', async () => {
      await setFaults(0, { garbage: true });
      for (const path of ['/api/v1/system/info', '/api/v1/maintenance']) {
        const res = await fetch(deviceUrl(0, path));
        expect(res.status).toBe(200);
        const text = await res.text();
        expect(text).toMatch(/^</);
        expect(() => JSON.parse(text)).toThrow();
      }
    });
  });

  describe('reboot', () => {
    it('answers 503 REBOOTING with the seconds left until the injected clock passes the end', async () => {
      const put = await setFaults(0, { rebootSeconds: 120 });
      expect((await put.json()).faults.rebootUntil).toBe('2026-06-01T10:02:00.000Z');

      const first = await fetch(deviceUrl(0, '/api/v1/system/info'));
      expect(first.status).toBe(503);
      expect(first.headers.get('retry-after')).toBe('120');
      expect((await first.json()).error.code).toBe('REBOOTING');

      advance(30.5);
      const later = await fetch(deviceUrl(0, '/api/v1/login'), { method: 'POST' });
      expect(later.status).toBe(503);
      expect(later.headers.get('retry-after')).toBe('90');

      advance(89.5);
      expect((await fetch(deviceUrl(0, '/api/v1/system/info'))).status).toBe(200);
      const view = await (await fetch(`${simulator.url}/fleet/${serial(0)}/faults`)).json();
      expect(view).toMatchObject({ faults: { rebootUntil: null }, rebootSecondsLeft: 0 });
    });

    it('ends every session of the device, also for an instant restart (0 s)', async () => {
      pairDirectly(simulator.fleet[0]);
      pairDirectly(simulator.fleet[1]);
      const otherCookie = await logIn(simulator.url, simulator.fleet[1]);

      let cookie = await logIn(simulator.url, simulator.fleet[0]);
      await setFaults(0, { rebootSeconds: 10 });
      advance(11);
      expect((await fetch(deviceUrl(0, '/api/v1/maintenance'), { headers: { cookie } })).status).toBe(401);

      cookie = await logIn(simulator.url, simulator.fleet[0]);
      expect((await setFaults(0, { rebootSeconds: 0 })).status).toBe(200);
      expect((await fetch(deviceUrl(0, '/api/v1/system/info'))).status).toBe(200);
      expect((await fetch(deviceUrl(0, '/api/v1/maintenance'), { headers: { cookie } })).status).toBe(401);

      // Another device's sessions survive.
      expect((await fetch(deviceUrl(1, '/api/v1/maintenance'), { headers: { cookie: otherCookie } })).status).toBe(200);
    });
  });

  describe('login lockout', () => {
    const login = (index: number, password: string) =>
      fetch(deviceUrl(index, '/api/v1/login'), {
        method: 'POST',
        headers: { authorization: basic('ccc-test', password) },
      });

    it('answers 423 { blocked } after 5 failed logins in a row and lets logins in again after 60 s', async () => {
      const { password } = pairDirectly(simulator.fleet[0]);
      for (let i = 0; i < 5; i++) {
        expect((await login(0, 'wrong')).status).toBe(401);
      }
      const blocked = await login(0, password);
      expect(blocked.status).toBe(423);
      expect(await blocked.json()).toEqual({ blocked: 60 });
      // Other devices are not affected.
      pairDirectly(simulator.fleet[1]);
      expect((await login(1, `pw-${serial(1)}`)).status).toBe(200);

      advance(45);
      expect(await (await login(0, password)).json()).toEqual({ blocked: 15 });
      advance(15);
      expect((await login(0, password)).status).toBe(200);
    });

    it('counts failures in a row only: a successful login resets the count', async () => {
      const { password } = pairDirectly(simulator.fleet[0]);
      for (let i = 0; i < 4; i++) await login(0, 'wrong');
      expect((await login(0, password)).status).toBe(200);
      for (let i = 0; i < 4; i++) expect((await login(0, 'wrong')).status).toBe(401);
      expect((await login(0, password)).status).toBe(200);
    });

    it('counts failures on an unpaired device too, and starts counting afresh after a block', async () => {
      for (let i = 0; i < 5; i++) await login(2, 'guess');
      expect((await login(2, 'guess')).status).toBe(423);
      advance(60);
      expect((await login(2, 'guess')).status).toBe(401);
      expect((await login(2, 'guess')).status).toBe(401);
    });

    it('shows the lockout in the admin view and lifts it when the faults are cleared', async () => {
      const { password } = pairDirectly(simulator.fleet[0]);
      for (let i = 0; i < 5; i++) await login(0, 'wrong');
      advance(10);
      const view = await (await fetch(`${simulator.url}/fleet/${serial(0)}/faults`)).json();
      expect(view.lockout).toEqual({ failedLogins: 5, blockedSeconds: 50 });

      const cleared = await fetch(`${simulator.url}/fleet/${serial(0)}/faults`, { method: 'DELETE' });
      expect((await cleared.json()).lockout).toEqual({ failedLogins: 0, blockedSeconds: 0 });
      expect((await login(0, password)).status).toBe(200);
    });
  });

  describe('admin endpoint /fleet/:serial/faults', () => {
    const adminUrl = (index: number) => `${simulator.url}/fleet/${serial(index)}/faults`;

    it('shows faults, lockout and state switches', async () => {
      const device = simulator.fleet[0];
      const res = await fetch(adminUrl(0));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        serialNumber: device.serialNumber,
        faults: OFF,
        rebootSecondsLeft: 0,
        lockout: { failedLogins: 0, blockedSeconds: 0 },
        state: {
          maintenanceActive: device.maintenance.active,
          maintenanceValidUntil: device.maintenance.validUntil,
          firmwareVersion: device.firmwareVersion,
          monitoringEnabled: device.ccc.monitoringEnabled,
          remoteConfigEnabled: device.ccc.remoteConfigEnabled,
        },
      });
    });

    it('changes only what the body names and answers the new view', async () => {
      const device = simulator.fleet[0];
      const res = await setFaults(0, { slowMs: 250, garbage: true });
      expect(res.status).toBe(200);
      expect((await res.json()).faults).toEqual({
        offline: false,
        slowMs: 250,
        serverError: false,
        garbage: true,
        rebootUntil: null,
        backupFails: false,
        updateFails: false,
        callDataIdZero: false,
      });
      await setFaults(0, { serverError: true });
      expect(device.faults).toMatchObject({ slowMs: 250, garbage: true, serverError: true });
    });

    it('sets the state switches: maintenance, firmware and the CCC flags', async () => {
      const device = simulator.fleet[0];
      const off = await (await setFaults(0, { maintenanceActive: false, firmwareVersion: '2.4.2' })).json();
      expect(off.state).toMatchObject({
        maintenanceActive: false,
        maintenanceValidUntil: '2026-05-31',
        firmwareVersion: '2.4.2',
      });
      expect(device.maintenance).toEqual({ active: false, validUntil: '2026-05-31' });
      expect(device.firmwareVersion).toBe('2.4.2');

      await setFaults(0, { maintenanceActive: true, monitoringEnabled: false, remoteConfigEnabled: true });
      expect(device.maintenance).toEqual({ active: true, validUntil: '2027-06-01' });
      expect(device.ccc).toMatchObject({ monitoringEnabled: false, remoteConfigEnabled: true });
    });

    it('DELETE clears the faults but keeps the state switches', async () => {
      const device = simulator.fleet[0];
      const faults = device.faults;
      await setFaults(0, {
        offline: true,
        slowMs: 10,
        serverError: true,
        garbage: true,
        rebootSeconds: 30,
        maintenanceActive: false,
        firmwareVersion: '2.4.2',
      });
      const res = await fetch(adminUrl(0), { method: 'DELETE' });
      expect(res.status).toBe(200);
      expect((await res.json()).state).toMatchObject({ maintenanceActive: false, firmwareVersion: '2.4.2' });
      expect(device.faults).toEqual(OFF);
      // Same object: a test holding a reference sees the change.
      expect(device.faults).toBe(faults);
      expect((await fetch(deviceUrl(0, '/api/v1/system/info'))).status).toBe(200);
    });

    it.each([
      ['an unknown property', { slow: 100 }, /Unknown properties: slow/],
      ['a string for a boolean', { offline: 'yes' }, /offline must be true or false/],
      ['null', { garbage: null }, /garbage must be true or false/],
      ['a negative delay', { slowMs: -1 }, /slowMs must be a whole number/],
      ['a fractional delay', { slowMs: 1.5 }, /slowMs must be a whole number/],
      ['an absurd delay', { slowMs: 10_000_000 }, /slowMs must be a whole number from 0 to 120000/],
      ['a reboot as text', { rebootSeconds: '30' }, /rebootSeconds must be a whole number/],
      ['a negative reboot', { rebootSeconds: -5 }, /rebootSeconds must be a whole number/],
      ['rebootUntil (start configuration only)', { rebootUntil: '2026-06-01T11:00:00Z' }, /Unknown properties/],
      ['a malformed firmware version', { firmwareVersion: '2.4' }, /firmwareVersion must be a version of the form X.Y.Z/],
      ['a non-boolean maintenance', { maintenanceActive: 1 }, /maintenanceActive must be true or false/],
      ['an array', [{ offline: true }], /Body must be a JSON object/],
    ])('refuses %s with 400 and changes nothing', async (_label, body, message) => {
      const before = structuredClone(simulator.fleet[0]);
      const res = await setFaults(0, body);
      expect(res.status).toBe(400);
      const { error } = await res.json();
      expect(error.code).toBe('BAD_REQUEST');
      expect(error.message).toMatch(message);
      expect(simulator.fleet[0]).toEqual(before);
    });

    it('refuses a body that is not JSON, or malformed JSON, with 400', async () => {
      const text = await setFaults(0, 'offline=true', 'text/plain');
      expect(text.status).toBe(400);
      expect((await text.json()).error.message).toMatch(/Content-Type: application\/json/);
      const malformed = await setFaults(0, '{"offline": tru');
      expect(malformed.status).toBe(400);
      expect((await malformed.json()).error.code).toBe('BAD_REQUEST');
    });

    it('answers 404 for an unknown serial number', async () => {
      for (const method of ['GET', 'PUT', 'DELETE']) {
        const res = await fetch(`${simulator.url}/fleet/CTX000000000/faults`, {
          method,
          headers: { 'content-type': 'application/json' },
          body: method === 'PUT' ? '{}' : undefined,
        });
        expect(res.status).toBe(404);
        expect((await res.json()).error.code).toBe('NOT_FOUND');
      }
    });
  });
});

describe('fault configuration at start', () => {
  it('sets faults by fleet index or serial number', async () => {
    const serial = createFleet({ seed: SEED, size: 3 })[2].serialNumber;
    const simulator = await startSimulator({
      seed: SEED,
      size: 3,
      faults: { '1': { serverError: true }, [serial]: { slowMs: 5, garbage: true } },
    });
    try {
      expect(simulator.fleet[0].faults.serverError).toBe(false);
      expect(simulator.fleet[1].faults).toMatchObject({ serverError: true, garbage: false });
      expect(simulator.fleet[2].faults).toMatchObject({ slowMs: 5, garbage: true });
      const res = await fetch(`${simulator.url}/devices/${simulator.fleet[1].serialNumber}/api/v1/system/info`);
      expect(res.status).toBe(500);
    } finally {
      await simulator.close();
    }
  });

  it('starts a device in a reboot window', async () => {
    const clock = new Date('2026-06-01T10:00:00Z');
    const simulator = await startSimulator({
      size: 1,
      now: () => clock,
      faults: { '0': { rebootUntil: '2026-06-01T10:00:42Z' } },
    });
    try {
      const res = await fetch(`${simulator.url}/devices/${simulator.fleet[0].serialNumber}/api/v1/system/info`);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('42');
    } finally {
      await simulator.close();
    }
  });

  it.each([
    ['an unknown index', { '5': { offline: true } }, /unknown device "5".*index from 0 to 2/],
    ['an unknown serial number', { CTX999: { offline: true } }, /unknown device "CTX999"/],
    ['an unknown fault', { '0': { rebootSeconds: 5 } }, /"0": Unknown properties: rebootSeconds/],
    ['a wrong value', { '0': { slowMs: 'slow' } }, /"0": slowMs must be a whole number/],
    ['a wrong reboot time', { '0': { rebootUntil: 'soon' } }, /rebootUntil must be an ISO date-time/],
    ['not an object', [{ offline: true }], /must be an object/],
  ])('refuses %s', async (_label, faults, message) => {
    await expect(startSimulator({ seed: SEED, size: 3, faults: faults as never })).rejects.toThrow(message);
  });
});
