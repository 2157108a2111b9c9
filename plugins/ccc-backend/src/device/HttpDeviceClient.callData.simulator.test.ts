import {
  CALL_DATA_CAPACITY,
  CALL_DATA_ID_ZERO_INDEX,
  RunningSimulator,
  startSimulator,
} from '@internal/comtrexx-simulator';
import { DeviceTarget } from './DeviceClient';
import { DeviceMaintenanceRequiredError } from './errors';
import { HttpDeviceClient } from './HttpDeviceClient';

// A first read walks the whole 18,000-record memory of a device: slow on a busy machine.
jest.setTimeout(60_000);

const HOUR_MS = 3_600_000;

/** The call-data client against a real simulator over HTTP (not msw): paging, cursors and the id quirk. */
describe('HttpDeviceClient call data against the simulator', () => {
  let clock: Date;
  let simulator: RunningSimulator;

  beforeAll(async () => {
    clock = new Date('2026-11-24T09:00:00Z');
    simulator = await startSimulator({ seed: 8, size: CALL_DATA_ID_ZERO_INDEX + 1, now: () => clock });
    for (const [i, device] of simulator.fleet.entries()) {
      device.firmwareVersion = '2.6.0';
      device.maintenance = { active: true, validUntil: '2030-01-01' };
      device.ccc = { ...device.ccc, state: 'confirmed', apiUser: { username: 'ccc-api', password: `sim-pw-${i}` } };
    }
  });

  afterAll(async () => {
    await simulator.close();
  });

  const target = (index = 0): DeviceTarget => ({
    serialNumber: simulator.fleet[index].serialNumber,
    baseUrl: simulator.deviceUrlTemplate.replace('{serial}', simulator.fleet[index].serialNumber),
    credentials: { username: 'ccc-api', password: `sim-pw-${index}` },
    allowSelfSignedTls: false,
  });

  it('reads a page with the total, and every record after a cursor across pages', async () => {
    const client = new HttpDeviceClient();
    const first = await client.listCallData(target(), { limit: 10 });
    expect(first.totalCount).toBe(CALL_DATA_CAPACITY);
    expect(first.records).toHaveLength(10);
    const oldest = first.records[0].CallDataId;

    const cursor = oldest + CALL_DATA_CAPACITY - 1200;
    const read = await client.readCallDataAfter(target(), { afterId: cursor });
    expect(read.records.map(r => r.CallDataId)).toEqual(Array.from({ length: 1199 }, (_, i) => cursor + 1 + i));
    expect(read).toMatchObject({ nextAfterId: cursor + 1199, gap: false, idsUnusable: false });

    // Three hours later only the new calls come, right after the cursor.
    clock = new Date(clock.getTime() + 3 * HOUR_MS);
    const next = await client.readCallDataAfter(target(), { afterId: read.nextAfterId });
    expect(next.records.length).toBeGreaterThan(0);
    expect(next.records[0].CallDataId).toBe(read.nextAfterId! + 1);
    expect(next.gap).toBe(false);

    // A reader whose cursor was at the oldest record three hours ago finds records overwritten since.
    const late = await client.readCallDataAfter(target(), { afterId: oldest });
    expect(late.gap).toBe(true);
    expect(late.records).toHaveLength(CALL_DATA_CAPACITY);
    expect(late.records[0].CallDataId).toBeGreaterThan(oldest + 1);
  });

  it('reads by start time, and reads the quirky device whose ids are all 0', async () => {
    const client = new HttpDeviceClient();
    const since = new Date(clock.getTime() - 24 * HOUR_MS);
    const byTime = await client.readCallDataAfter(target(), { since });
    expect(byTime.records.length).toBeGreaterThan(0);
    expect(byTime.records.every(r => Date.parse(r.startDate) >= since.getTime())).toBe(true);

    const quirky = await client.readCallDataAfter(target(CALL_DATA_ID_ZERO_INDEX), { since });
    expect(quirky.records.length).toBeGreaterThan(0);
    expect(quirky).toMatchObject({ idsUnusable: true, nextAfterId: undefined });
  });

  it('gets a typed refusal without maintenance', async () => {
    const device = simulator.fleet[0];
    device.maintenance = { active: false, validUntil: '2026-01-01' };
    try {
      await expect(new HttpDeviceClient().listCallData(target())).rejects.toThrow(DeviceMaintenanceRequiredError);
    } finally {
      device.maintenance = { active: true, validUntil: '2030-01-01' };
    }
  });
});
