import { mockServices } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { systemRecord } from '../__testUtils__/systemRecord';
import { toNewCallData } from '../callData/fingerprint';
import { DeviceCallData } from '../device/DeviceClient';
import { CccDatabase, createCccDatabase } from './CccDatabase';
import { NewCallData } from './CallDataStore';
import { migrateDatabase } from './migrateDatabase';
import { SystemRecord } from './SystemStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const AT = '2026-11-27T08:00:00.000Z';
const SYSTEM_A = '00000000-0000-4000-8000-00000000000a';
const SYSTEM_B = '00000000-0000-4000-8000-00000000000b';
const BASE_MS = Date.parse('2026-11-02T08:00:00Z');

function system(id: string, serialNumber: string): SystemRecord {
  return systemRecord({ id, name: serialNumber, serialNumber, state: 'paired_ok' });
}

/** Record `i`: every field varies, some values are null or empty, success alternates. */
function record(i: number): NewCallData {
  const device: DeviceCallData = {
    CallDataId: i % 7 === 0 ? 0 : 1000 + i,
    startDate: new Date(BASE_MS + i * 45_000).toISOString(),
    length: (i * 37) % 900,
    externalName: i % 3 === 0 ? '' : `Kunde ${i}`,
    externalPhoneNumber: `0301234${String(i).padStart(4, '0')}`,
    msn: '030123450',
    userNumber: String(200 + (i % 9)),
    userName: `Nutzer ${i % 9}`,
    connectedUserNumber: String(200 + (i % 5)),
    connectedUserName: `Nutzer ${i % 5}`,
    groupNumber: i % 4 === 0 ? '30' : '',
    groupName: i % 4 === 0 ? 'Zentrale' : '',
    cost: i % 5 === 0 ? null : i / 100,
    costFactor: i % 5 === 0 ? null : 1.5,
    direction: i % 2 === 0 ? 'Incoming' : 'Outgoing',
    callType: 'Normal',
    success: i % 3 !== 1,
  };
  return toNewCallData(device);
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => record(from + k));

/**
 * Adding records is the collection's hot path, with a path of its own on SQLite (prepared statements on the
 * connection); on both databases it must store each record once, count what was new and stay in its transaction.
 */
describe.each(databases.eachSupportedId())('adding call data (%s)', databaseId => {
  let knex: Knex;
  let db: CccDatabase;

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    await migrateDatabase(mockServices.database({ knex }));
    db = createCccDatabase(knex);
    await db.systems.insert(system(SYSTEM_A, 'CTX0000000A'));
    await db.systems.insert(system(SYSTEM_B, 'CTX0000000B'));
  });

  const stored = async (systemId: string) =>
    Number((await knex('call_data').where({ system_id: systemId }).count({ n: '*' }))[0].n);

  it('counts what is new, for page sizes that are no multiple of the statement size', async () => {
    // 537 = one full statement and 37 more; 1,037 overlaps it by 500 and brings 500 new ones.
    expect(await db.transaction(tx => tx.callData.addRecords(SYSTEM_A, range(0, 537), AT))).toBe(537);
    expect(await db.transaction(tx => tx.callData.addRecords(SYSTEM_A, range(37, 1037), AT))).toBe(500);
    expect(await db.transaction(tx => tx.callData.addRecords(SYSTEM_A, range(1037, 1040), AT))).toBe(3);
    expect(await stored(SYSTEM_A)).toBe(1040);
  });

  it('adds nothing when the same records are read again, also outside a transaction', async () => {
    await db.callData.addRecords(SYSTEM_A, range(0, 600), AT);
    expect(await db.callData.addRecords(SYSTEM_A, range(0, 600), AT)).toBe(0);
    expect(await db.callData.addRecords(SYSTEM_A, range(599, 601), AT)).toBe(1);
    // The same call on another system is another record.
    expect(await db.callData.addRecords(SYSTEM_B, range(0, 10), AT)).toBe(10);
    // Two equal records in one read are one call.
    expect(await db.callData.addRecords(SYSTEM_B, [record(50), record(50)], AT)).toBe(1);
    expect([await stored(SYSTEM_A), await stored(SYSTEM_B)]).toEqual([601, 11]);
  });

  it('writes nothing when its transaction rolls back', async () => {
    await expect(
      db.transaction(async tx => {
        await tx.callData.addRecords(SYSTEM_A, range(0, 750), AT);
        await tx.callData.setCursor(SYSTEM_A, '{"afterId":750}', AT);
        throw new Error('the device read failed half-way');
      }),
    ).rejects.toThrow('half-way');
    expect(await stored(SYSTEM_A)).toBe(0);
    expect(await db.callData.getCursor(SYSTEM_A)).toBeUndefined();
    // The connection is usable afterwards.
    expect(await db.callData.addRecords(SYSTEM_A, range(0, 501), AT)).toBe(501);
  });

  it('stores every field as given, nulls, empty texts and both outcomes included', async () => {
    const records = range(0, 520);
    await db.transaction(tx => tx.callData.addRecords(SYSTEM_A, records, AT));
    const { items } = await db.callData.list({
      scope: { systemIds: [SYSTEM_A] },
      filter: {},
      masking: 'none',
      sort: 'startAt',
      order: 'asc',
      limit: 520,
    });
    expect(items).toHaveLength(520);
    items.forEach((item, k) => {
      const r = records[k];
      expect(item).toEqual({
        id: expect.any(Number),
        systemId: SYSTEM_A,
        startAt: r.startAt,
        durationSeconds: r.durationSeconds,
        externalNumber: r.externalNumber,
        externalName: r.externalName,
        billingNumber: r.billingNumber,
        billingName: r.billingName,
        realNumber: r.realNumber,
        realName: r.realName,
        line: r.line,
        groupNumber: r.groupNumber,
        groupName: r.groupName,
        success: r.success,
        callType: r.callType,
        direction: r.direction,
        cost: r.cost,
        costFactor: r.costFactor,
      });
    });
    const raw = await knex('call_data').where({ system_id: SYSTEM_A }).orderBy('start_at').first();
    expect(raw).toMatchObject({ fingerprint: records[0].fingerprint, collected_at: AT });
    expect(Number(raw.device_id)).toBe(0);
  });
});
