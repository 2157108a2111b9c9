import { memoryTotalBytes, MonitoringSample } from './monitoring';
import { RunningSimulator, startSimulator } from './server';
import { makeManageable } from './testUtils';

describe('GET /api/v1/monitoring/samples', () => {
  let clock: Date;
  let simulator: RunningSimulator;
  let cookie: string;

  const samples = async (query: string, sim = simulator, headers = { cookie }) =>
    fetch(`${sim.url}/devices/${sim.fleet[0].serialNumber}/api/v1/monitoring/samples?${query}`, { headers });
  const data = async (query: string): Promise<MonitoringSample[]> => {
    const res = await samples(query);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body._links).toEqual({ totalCount: body.data.length });
    return body.data;
  };

  beforeEach(async () => {
    clock = new Date('2026-06-01T10:00:00Z');
    simulator = await startSimulator({ seed: 8, size: 4, now: () => clock });
    cookie = await makeManageable(simulator.url, simulator.fleet[0]);
  });

  afterEach(async () => {
    await simulator.close();
  });

  it('answers one sample per step in [from, to), 60 s by default', async () => {
    const rows = await data('from=2026-05-31T08:00:00Z&to=2026-05-31T09:00:00Z');
    expect(rows).toHaveLength(60);
    expect(rows[0].ts).toBe('2026-05-31T08:00:00.000Z');
    expect(rows[59].ts).toBe('2026-05-31T08:59:00.000Z');

    const coarse = await data('from=2026-05-31T08:00:00Z&to=2026-05-31T09:00:01Z&step=900');
    expect(coarse.map(r => r.ts)).toEqual([
      '2026-05-31T08:00:00.000Z',
      '2026-05-31T08:15:00.000Z',
      '2026-05-31T08:30:00.000Z',
      '2026-05-31T08:45:00.000Z',
      '2026-05-31T09:00:00.000Z',
    ]);
    // Same moments, same values, whatever the step or range.
    expect(coarse[1]).toEqual(rows[15]);
  });

  it('caps to at now and follows the clock', async () => {
    expect(await data('from=2026-06-01T09:00:00Z&to=2026-06-01T12:00:00Z')).toHaveLength(60);
    expect(await data('from=2026-06-01T11:00:00Z&to=2026-06-01T12:00:00Z')).toEqual([]);
    clock = new Date('2026-06-01T11:30:00Z');
    expect(await data('from=2026-06-01T09:00:00Z&to=2026-06-01T12:00:00Z')).toHaveLength(150);
  });

  it('accepts offsets other than Z', async () => {
    const rows = await data('from=2026-05-31T10:00:00%2B02:00&to=2026-05-31T10:02:00%2B02:00');
    expect(rows.map(r => r.ts)).toEqual(['2026-05-31T08:00:00.000Z', '2026-05-31T08:01:00.000Z']);
  });

  it('is reproducible: the same values twice, and on a second fleet with the same seed', async () => {
    const query = 'from=2026-05-20T00:00:00Z&to=2026-05-27T00:00:00Z&step=300';
    const first = await data(query);
    expect(await data(query)).toEqual(first);
    const twin = await startSimulator({ seed: 8, size: 4, now: () => clock });
    try {
      const twinCookie = await makeManageable(twin.url, twin.fleet[0]);
      const res = await samples(query, twin, { cookie: twinCookie });
      expect((await res.json()).data).toEqual(first);
    } finally {
      await twin.close();
    }
  });

  it('keeps values within bounds, busier in office hours, with occasional spikes', async () => {
    const device = simulator.fleet[0];
    // A week in 60 s steps, in two requests (10,000 points at most each).
    const rows = [
      ...(await data('from=2026-05-18T00:00:00Z&to=2026-05-22T00:00:00Z')),
      ...(await data('from=2026-05-22T00:00:00Z&to=2026-05-25T00:00:00Z')),
    ];
    expect(rows).toHaveLength(7 * 1440);
    // One expectation over all rows: 10,000 separate ones make the test slow.
    const total = memoryTotalBytes(device.model);
    const outOfBounds = rows.filter(
      r =>
        !(r.cpuLoadPercent >= 3 && r.cpuLoadPercent <= 90) ||
        Math.round(r.cpuLoadPercent * 10) / 10 !== r.cpuLoadPercent ||
        // Between baseline and spike there is nothing.
        (r.cpuLoadPercent > 25 && r.cpuLoadPercent < 60) ||
        r.memTotalBytes !== total ||
        !Number.isInteger(r.memUsedBytes) ||
        !(r.memUsedBytes >= 0.35 * total && r.memUsedBytes <= 0.7 * total),
    );
    expect(outOfBounds).toEqual([]);
    const spikes = rows.filter(r => r.cpuLoadPercent >= 60);
    expect(spikes.length).toBeGreaterThan(0);
    expect(spikes.length).toBeLessThan(rows.length * 0.02);
    const mean = (list: MonitoringSample[]) => list.reduce((sum, r) => sum + r.cpuLoadPercent, 0) / list.length;
    const calm = (r: MonitoringSample) => r.cpuLoadPercent < 60;
    // Monday 18 May 2026: 12–14 h CEST against 02–04 h CEST.
    const noon = rows.filter(r => r.ts >= '2026-05-18T10:00' && r.ts < '2026-05-18T12:00').filter(calm);
    const night = rows.filter(r => r.ts >= '2026-05-18T00:00' && r.ts < '2026-05-18T02:00').filter(calm);
    expect(mean(noon)).toBeGreaterThan(mean(night) + 3);
  });

  it('answers 409 MONITORING_DISABLED when the device does not record', async () => {
    simulator.fleet[0].ccc.monitoringEnabled = false;
    const res = await samples('from=2026-05-31T08:00:00Z&to=2026-05-31T09:00:00Z');
    expect(res.status).toBe(409);
    expect((await res.json()).error).toEqual({ code: 'MONITORING_DISABLED', message: expect.any(String) });
  });

  it.each([
    ['no from', 'to=2026-05-31T09:00:00Z'],
    ['no to', 'from=2026-05-31T08:00:00Z'],
    ['a date that is not ISO', 'from=yesterday&to=2026-05-31T09:00:00Z'],
    ['a date without offset', 'from=2026-05-31T08:00:00&to=2026-05-31T09:00:00Z'],
    ['an impossible date', 'from=2026-02-30T25:00:00Z&to=2026-05-31T09:00:00Z'],
    ['from after to', 'from=2026-05-31T09:00:00Z&to=2026-05-31T08:00:00Z'],
    ['from equal to to', 'from=2026-05-31T09:00:00Z&to=2026-05-31T09:00:00Z'],
    ['a step below 60', 'from=2026-05-31T08:00:00Z&to=2026-05-31T09:00:00Z&step=59'],
    ['a step that is no number', 'from=2026-05-31T08:00:00Z&to=2026-05-31T09:00:00Z&step=1m'],
    ['a repeated step', 'from=2026-05-31T08:00:00Z&to=2026-05-31T09:00:00Z&step=60&step=120'],
    ['more than 10,000 points', 'from=2026-05-01T00:00:00Z&to=2026-05-08T00:00:00Z&step=60'],
    ['more than 31 days', 'from=2026-04-01T00:00:00Z&to=2026-05-02T00:00:01Z&step=86400'],
  ])('refuses %s with 400', async (_name, query) => {
    const res = await samples(query);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toEqual({ code: 'BAD_REQUEST', message: expect.any(String) });
  });

  it('accepts exactly 10,000 points and exactly 31 days', async () => {
    // 10,000 minutes back from now.
    expect(await data('from=2026-05-25T11:20:00Z&to=2026-06-01T10:00:00Z')).toHaveLength(10_000);
    expect(await data('from=2026-04-01T00:00:00Z&to=2026-05-02T00:00:00Z&step=86400')).toHaveLength(31);
  });
});
