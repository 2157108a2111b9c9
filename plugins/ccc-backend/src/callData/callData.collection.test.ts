import { mockServices } from '@backstage/backend-test-utils';
import {
  CALL_DATA_CAPACITY,
  CALL_DATA_ID_ZERO_INDEX,
  callDataWindow,
  RunningSimulator,
  startSimulator,
} from '@internal/comtrexx-simulator';
import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { CccDatabase, createCccDatabase } from '../database/CccDatabase';
import { migrateDatabase } from '../database/migrateDatabase';
import { HttpDeviceClient } from '../device/HttpDeviceClient';
import { SecretBox } from '../secrets/SecretBox';
import { SystemsService } from '../systems/SystemsService';
import { CallDataService } from './CallDataService';
import { parseCollectionCursor } from './collectionCursor';

jest.setTimeout(180_000);

const databases = createTestDatabases();
const secrets = new SecretBox('calldata-collect-key-0123456789abcdefghij');
const OWNER = 'user:default/anna';
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Call data collection from simulated COMtrexx over HTTP, the simulator's and the CCC's clocks moved together:
 * device 0 with increasing ids, device CALL_DATA_ID_ZERO_INDEX with the firmware quirk of all ids 0.
 */
describe.each(databases.eachSupportedId())('call data collection against the simulator (%s)', databaseId => {
  let clock: Date;
  let simulator: RunningSimulator;
  let knex: Knex;
  let db: CccDatabase;
  let systems: SystemsService;
  let callData: CallDataService;
  let withIds: string;
  let idsZero: string;

  const tick = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };
  const stored = async (systemId: string) =>
    Number((await knex('call_data').where({ system_id: systemId }).count({ n: '*' }))[0].n);
  const windowOf = (index: number) => callDataWindow(simulator.fleet[index], clock);

  beforeEach(async () => {
    clock = new Date('2026-11-24T09:00:00.000Z');
    simulator = await startSimulator({ seed: 21, size: CALL_DATA_ID_ZERO_INDEX + 1, now: () => clock });
    knex = await databases.init(databaseId);
    await migrateDatabase(mockServices.database({ knex }));
    db = createCccDatabase(knex);
    const devices = new HttpDeviceClient({ timeoutMs: 5000 });
    const logger = mockServices.logger.mock();
    systems = new SystemsService({
      db,
      secrets,
      devices,
      logger,
      deviceUrlTemplate: simulator.deviceUrlTemplate,
      now: () => clock,
    });
    callData = new CallDataService({ db, systems, devices, logger, now: () => clock });

    const pairDevice = async (index: number) => {
      const device = simulator.fleet[index];
      const credentials = { username: 'ccc-api', password: `calldata-pw-${index}` };
      device.firmwareVersion = '2.6.0';
      device.ccc = { ...device.ccc, state: 'confirmed', apiUser: credentials };
      device.maintenance = { active: true, validUntil: '2030-01-01' };
      const { system, token } = await systems.register(
        { name: `PBX ${index}`, serialNumber: device.serialNumber },
        OWNER,
      );
      await systems.pair({ serialNumber: device.serialNumber, token: token.code, credentials });
      const refreshed = await systems.refresh(system.id);
      if (refreshed.state !== 'paired_ok')
        throw new Error(`Set-up failed: ${refreshed.state} ${refreshed.stateMessage}`);
      return system.id;
    };
    withIds = await pairDevice(0);
    idsZero = await pairDevice(CALL_DATA_ID_ZERO_INDEX);
  });

  afterEach(async () => {
    await simulator?.close();
  });

  it('collects the whole memory once, then only what is new, also after downtime and from two replicas', async () => {
    const start = windowOf(0);
    expect(await callData.collect(withIds)).toEqual({ added: CALL_DATA_CAPACITY, lost: 0 });
    expect(parseCollectionCursor(await db.callData.getCursor(withIds)).afterId).toBe(start.newest);
    // Polling again right away adds nothing.
    expect(await callData.collect(withIds)).toEqual({ added: 0, lost: 0 });

    tick(3 * HOUR_MS);
    const later = windowOf(0);
    expect(later.newest).toBeGreaterThan(start.newest);
    expect(await callData.collect(withIds)).toEqual({ added: later.newest - start.newest, lost: 0 });

    // The CCC was down for two days: the device still holds everything, the next poll catches up.
    tick(2 * DAY_MS);
    const afterDowntime = windowOf(0);
    expect(await callData.collect(withIds)).toEqual({ added: afterDowntime.newest - later.newest, lost: 0 });

    // Two replicas polling at once store each record once.
    tick(5 * HOUR_MS);
    const both = await Promise.all([callData.collect(withIds), callData.collect(withIds)]);
    const now = windowOf(0);
    expect(both[0].added + both[1].added).toBe(now.newest - afterDowntime.newest);
    expect(await stored(withIds)).toBe(now.newest - start.oldest + 1);
    const ids = await knex('call_data').where({ system_id: withIds }).pluck('device_id');
    expect(new Set(ids.map(Number)).size).toBe(ids.length);

    // The collected calls are what the call data tab shows, newest first.
    const page = await callData.list(withIds, { limit: 5 }, [OWNER]);
    expect(page.totalCount).toBe(now.newest - start.oldest + 1);
    expect(page.items).toHaveLength(5);
    expect(page.items[0].startAt >= page.items[4].startAt).toBe(true);
  });

  it('warns how many records are possibly lost when the ring buffer wrapped before a poll', async () => {
    const first = windowOf(0);
    await callData.collect(withIds);
    // About 200 calls a day: after 120 days without a poll the device has overwritten records never read.
    tick(120 * DAY_MS);
    const wrapped = windowOf(0);
    const lost = wrapped.oldest - first.newest - 1;
    expect(lost).toBeGreaterThan(0);
    expect(await callData.collect(withIds)).toEqual({ added: CALL_DATA_CAPACITY, lost });

    const { items } = await db.warnings.listWarnings({
      systemId: withIds,
      sort: 'ts',
      order: 'desc',
      limit: 10,
      offset: 0,
    });
    expect(items).toEqual([
      expect.objectContaining({
        id: -(first.newest + 1),
        severity: 'malfunction',
        category: 'Call data',
        text: expect.stringContaining(
          `Possibly ${lost} call data records lost: the PBX overwrote records ${first.newest + 1} to ${
            wrapped.oldest - 1
          }`,
        ),
      }),
    ]);
    // The next poll is in time again: no further warning.
    tick(HOUR_MS);
    expect((await callData.collect(withIds)).lost).toBe(0);
    expect(
      (await db.warnings.listWarnings({ systemId: withIds, sort: 'ts', order: 'desc', limit: 10, offset: 0 }))
        .totalCount,
    ).toBe(1);
  });

  it('collects from firmware whose ids are all 0 by start time, each record once', async () => {
    const start = windowOf(CALL_DATA_ID_ZERO_INDEX);
    expect(await callData.collect(idsZero)).toEqual({ added: CALL_DATA_CAPACITY, lost: 0 });
    const cursor = parseCollectionCursor(await db.callData.getCursor(idsZero));
    expect(cursor.afterId).toBeUndefined();
    expect(cursor.since).toBeDefined();
    expect(
      Number((await knex('call_data').where({ system_id: idsZero }).whereNot({ device_id: 0 }).count({ n: '*' }))[0].n),
    ).toBe(0);

    // Reading by start time reads recent records again; none is stored twice.
    expect((await callData.collect(idsZero)).added).toBe(0);
    for (const hours of [1, 2, 3]) {
      tick(hours * HOUR_MS);
      await callData.collect(idsZero);
    }
    const now = windowOf(CALL_DATA_ID_ZERO_INDEX);
    expect(now.newest).toBeGreaterThan(start.newest);
    expect(await stored(idsZero)).toBe(now.newest - start.oldest + 1);
  });

  it('goes on by start time when a firmware update makes every id 0, and by id when they come back', async () => {
    await callData.collect(withIds);
    const before = windowOf(0);
    simulator.fleet[0].faults.callDataIdZero = true;
    tick(4 * HOUR_MS);
    const during = windowOf(0);
    expect(await callData.collect(withIds)).toEqual({ added: during.newest - before.newest, lost: 0 });
    expect(parseCollectionCursor(await db.callData.getCursor(withIds)).afterId).toBeUndefined();

    simulator.fleet[0].faults.callDataIdZero = false;
    tick(4 * HOUR_MS);
    const after = windowOf(0);
    expect(await callData.collect(withIds)).toEqual({ added: after.newest - during.newest, lost: 0 });
    expect(parseCollectionCursor(await db.callData.getCursor(withIds)).afterId).toBe(after.newest);
    expect(await stored(withIds)).toBe(after.newest - before.oldest + 1);
  });

  it('collects from every manageable system in one round and skips the others', async () => {
    simulator.fleet[CALL_DATA_ID_ZERO_INDEX].maintenance = { active: false, validUntil: '2026-01-01' };
    await systems.refresh(idsZero);
    const result = await callData.collectAll();
    expect(result).toMatchObject({ succeeded: 1, failed: 0 });
    expect(await stored(withIds)).toBe(CALL_DATA_CAPACITY);
    expect(await stored(idsZero)).toBe(0);
    await expect(callData.collect(idsZero)).rejects.toThrow(/has no active COMtrexx Maintenance/);
  });
});
