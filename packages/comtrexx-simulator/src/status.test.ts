import { isFirmwareAtLeast } from './gate';
import { RunningSimulator, startSimulator } from './server';
import { logIn, pairDirectly } from './testUtils';

const NOW = new Date('2026-06-01T10:00:00Z');

describe('phones and trunks status', () => {
  let simulator: RunningSimulator;
  let cookie: string;

  const get = (path: string, index = 0, headers: Record<string, string> = { cookie }) =>
    fetch(`${simulator.url}/devices/${simulator.fleet[index].serialNumber}/api/v1${path}`, { headers });

  /** Makes device `index` manageable (paired, maintenance, current firmware) and logs in. */
  const manageable = async (index: number) => {
    const device = simulator.fleet[index];
    device.firmwareVersion = '2.6.0';
    device.maintenance = { active: true, validUntil: '2027-01-01' };
    pairDirectly(device);
    return logIn(simulator.url, device);
  };

  beforeEach(async () => {
    simulator = await startSimulator({ seed: 8, size: 4, now: () => NOW });
    cookie = await manageable(0);
  });

  afterEach(async () => {
    await simulator.close();
  });

  describe.each(['/phones/status', '/trunks/status'])('%s gate', path => {
    it('needs a session of the device', async () => {
      const res = await get(path, 0, {});
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('UNAUTHORIZED');
    });

    it('answers 412 MAINTENANCE_REQUIRED without active maintenance', async () => {
      simulator.fleet[0].maintenance = { active: false, validUntil: '2026-05-31' };
      const res = await get(path);
      expect(res.status).toBe(412);
      expect((await res.json()).error).toEqual({ code: 'MAINTENANCE_REQUIRED', message: expect.any(String) });
    });

    it('answers 412 FIRMWARE_UNSUPPORTED below 2.4.4', async () => {
      simulator.fleet[0].firmwareVersion = '2.4.2';
      const res = await get(path);
      expect(res.status).toBe(412);
      const { error } = await res.json();
      expect(error.code).toBe('FIRMWARE_UNSUPPORTED');
      expect(error.message).toMatch(/2\.4\.2.*2\.4\.4/);
    });

    it('checks maintenance before firmware', async () => {
      simulator.fleet[0].maintenance = { active: false, validUntil: '2026-05-31' };
      simulator.fleet[0].firmwareVersion = '2.4.2';
      expect((await (await get(path)).json()).error.code).toBe('MAINTENANCE_REQUIRED');
    });

    it('answers 403 NOT_PAIRED when the pairing is gone', async () => {
      // Only possible by changing the fleet directly: revoking also ends sessions.
      simulator.fleet[0].ccc.state = 'none';
      const res = await get(path);
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe('NOT_PAIRED');
    });

    it('accepts exactly 2.4.4 and later versions', async () => {
      for (const version of ['2.4.4', '2.6.0', '2.10.0', '3.0.0']) {
        simulator.fleet[0].firmwareVersion = version;
        expect((await get(path)).status).toBe(200);
      }
    });

    it('follows state changed through the admin endpoint', async () => {
      const put = (body: object) =>
        fetch(`${simulator.url}/fleet/${simulator.fleet[0].serialNumber}/faults`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      await put({ firmwareVersion: '2.4.2' });
      expect((await (await get(path)).json()).error.code).toBe('FIRMWARE_UNSUPPORTED');
      await put({ firmwareVersion: '2.4.4', maintenanceActive: false });
      expect((await (await get(path)).json()).error.code).toBe('MAINTENANCE_REQUIRED');
      await put({ maintenanceActive: true });
      expect((await get(path)).status).toBe(200);
    });
  });

  describe.each([
    ['/phones/status', 'phones'],
    ['/trunks/status', 'trunks'],
  ] as const)('%s list', (path, key) => {
    it('answers the envelope with the first 50 rows by default', async () => {
      const res = await get(path);
      expect(res.status).toBe(200);
      const body = await res.json();
      const rows = simulator.fleet[0][key];
      expect(body._links.totalCount).toBe(rows.length);
      expect(body.data).toEqual(rows.slice(0, 50));
    });

    it('pages with limit and offset, and links the next page', async () => {
      const rows = simulator.fleet[0][key];
      const collected: unknown[] = [];
      const links: string[] = [];
      let next: string | undefined = `/api/v1${path}?limit=2&offset=0`;
      while (next) {
        links.push(next);
        const body = await (await get(next.replace(/^\/api\/v1/, ''))).json();
        expect(body._links.totalCount).toBe(rows.length);
        expect(body.data.length).toBeLessThanOrEqual(2);
        collected.push(...body.data);
        next = body._links.next;
      }
      expect(collected).toEqual(rows);
      expect(links).toEqual(
        Array.from({ length: Math.ceil(rows.length / 2) }, (_, i) => `/api/v1${path}?limit=2&offset=${i * 2}`),
      );

      const beyond = await (await get(`${path}?offset=1000`)).json();
      expect(beyond).toEqual({ _links: { totalCount: rows.length }, data: [] });
    });

    it.each(['limit=0', 'limit=-1', 'limit=abc', 'limit=1.5', 'limit=1001', 'offset=-1', 'offset=x', 'limit=5&limit=6', 'limit='])(
      'refuses %s with 400',
      async query => {
        const res = await get(`${path}?${query}`);
        expect(res.status).toBe(400);
        expect((await res.json()).error).toEqual({ code: 'BAD_REQUEST', message: expect.stringMatching(/limit|offset/) });
      },
    );
  });

  it('answers the same lists on two simulators with the same seed', async () => {
    const twin = await startSimulator({ seed: 8, size: 4, now: () => NOW });
    try {
      const twinDevice = twin.fleet[0];
      expect(twinDevice.serialNumber).toBe(simulator.fleet[0].serialNumber);
      twinDevice.firmwareVersion = '2.6.0';
      twinDevice.maintenance = { active: true, validUntil: '2027-01-01' };
      pairDirectly(twinDevice);
      const twinCookie = await logIn(twin.url, twinDevice);
      for (const path of ['/phones/status?limit=1000', '/trunks/status?limit=1000']) {
        const mine = await (await get(path)).json();
        const theirs = await (
          await fetch(`${twin.url}/devices/${twinDevice.serialNumber}/api/v1${path}`, { headers: { cookie: twinCookie } })
        ).json();
        expect(theirs).toEqual(mine);
      }
    } finally {
      await twin.close();
    }
  });

  it('keeps the lists out of the /fleet overview but counts them', async () => {
    const overview = (await (await fetch(`${simulator.url}/fleet`)).json()).data[0];
    expect(overview.phones).toBeUndefined();
    expect(overview.trunks).toBeUndefined();
    expect(overview.inventory).toEqual({
      phones: simulator.fleet[0].phones.length,
      trunks: simulator.fleet[0].trunks.length,
    });
  });
});

describe('isFirmwareAtLeast', () => {
  it.each([
    ['2.4.4', true],
    ['2.4.10', true],
    ['2.5', true],
    ['10.0.0', true],
    ['2.4.3', false],
    ['2.4', false],
    ['1.99.99', false],
    ['2.4.4-beta', false],
    ['', false],
  ])('%s ≥ 2.4.4 is %p', (version, expected) => {
    expect(isFirmwareAtLeast(version, '2.4.4')).toBe(expected);
  });
});
