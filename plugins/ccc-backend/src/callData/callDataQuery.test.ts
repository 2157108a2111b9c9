import { mockServices } from '@backstage/backend-test-utils';
import { CALL_DATA_SORT_COLUMNS, CallDataSortColumn, CccCallDataRecord } from '@internal/plugin-ccc-common';
import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { CccDatabase, createCccDatabase } from '../database/CccDatabase';
import { migrateDatabase } from '../database/migrateDatabase';
import { DeviceCallData } from '../device/DeviceClient';
import { HttpDeviceClient } from '../device/HttpDeviceClient';
import { SecretBox } from '../secrets/SecretBox';
import { SystemsService } from '../systems/SystemsService';
import { CallDataService } from './CallDataService';
import { toNewCallData } from './fingerprint';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const secrets = new SecretBox('calldata-test-key-0123456789abcdefghijklm');
const OWNER = 'user:default/anna';
const CARLA = 'user:default/carla';
const ADAM = 'user:default/adam';
const CDR_TEAM = 'group:default/cdr-team';
const NAMES = ['Anna', 'Ben', 'Carla', 'Dirk'];
const CALL_TYPES = ['CfExtern', 'CfIntern', 'Normal'];
const BASE_MS = Date.parse('2026-11-02T08:00:00Z');

/** A device record; `i` varies every field a little, start times repeat in threes (ties for the keyset). */
function deviceRecord(i: number, overrides: Partial<DeviceCallData> = {}): DeviceCallData {
  return {
    CallDataId: 1000 + i,
    startDate: new Date(BASE_MS + Math.floor(i / 3) * 60_000).toISOString(),
    length: (i * 37) % 500,
    externalName: `${NAMES[i % 4]} GmbH`,
    externalPhoneNumber: `0301234${String(i % 1000).padStart(3, '0')}`,
    msn: `03012345${i % 2}`,
    userNumber: String(200 + (i % 5)),
    userName: NAMES[(i + 1) % 4],
    connectedUserNumber: String(210 + (i % 3)),
    connectedUserName: NAMES[(i + 2) % 4],
    groupNumber: '',
    groupName: '',
    cost: 0,
    costFactor: 1,
    direction: i % 2 === 0 ? 'Incoming' : 'Outgoing',
    callType: CALL_TYPES[i % 3],
    success: i % 4 !== 0,
    ...overrides,
  };
}

const FIELD: Record<CallDataSortColumn, (r: CccCallDataRecord) => string | number> = {
  startAt: r => r.startAt,
  duration: r => r.durationSeconds,
  externalNumber: r => r.externalNumber,
  externalName: r => r.externalName,
  billingNumber: r => r.billingNumber,
  billingName: r => r.billingName,
  realName: r => r.realName,
  line: r => r.line,
  success: r => (r.success ? 1 : 0),
  callType: r => r.callType,
  direction: r => r.direction,
};

/** Call data queries on stored records: paging, sorting, filters, masking, scope and retention. */
describe.each(databases.eachSupportedId())('call data queries (%s)', databaseId => {
  let knex: Knex;
  let db: CccDatabase;
  let systems: SystemsService;
  let systemA: string;
  let systemB: string;
  const now = new Date('2026-11-27T12:00:00Z');

  const service = (options: { masking?: string; retentionDays?: number } = {}) =>
    new CallDataService({
      db,
      systems,
      devices: new HttpDeviceClient(),
      logger: mockServices.logger.mock(),
      now: () => now,
      ...options,
    });
  const add = (systemId: string, records: DeviceCallData[]) =>
    db.callData.addRecords(systemId, records.map(toNewCallData), now.toISOString());

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    await migrateDatabase(mockServices.database({ knex }));
    db = createCccDatabase(knex);
    systems = new SystemsService({ db, secrets, devices: new HttpDeviceClient(), logger: mockServices.logger.mock() });
    systemA = (await systems.register({ name: 'Zentrale', serialNumber: 'CTX000000001' }, OWNER)).system.id;
    systemB = (await systems.register({ name: 'Filiale', serialNumber: 'CTX000000002' }, 'user:default/bob')).system.id;
  });

  it('stores a record once however often it comes, and tells records apart by content, not by id', async () => {
    const records = Array.from({ length: 10 }, (_, i) => deviceRecord(i));
    expect(await add(systemA, records)).toBe(10);
    expect(await add(systemA, records)).toBe(0);
    // The same calls with every id 0 (firmware quirk) are the same records.
    expect(
      await add(
        systemA,
        records.map(r => ({ ...r, CallDataId: 0 })),
      ),
    ).toBe(0);
    // The same call on another system is another record.
    expect(await add(systemB, records.slice(0, 3))).toBe(3);
    const page = await service().list(systemA, {}, [OWNER]);
    expect(page.totalCount).toBe(10);
  });

  it('pages by keyset through every record exactly once, unmoved by calls arriving meanwhile', async () => {
    await add(
      systemA,
      Array.from({ length: 130 }, (_, i) => deviceRecord(i)),
    );
    await add(
      systemB,
      Array.from({ length: 20 }, (_, i) => deviceRecord(i)),
    );
    const all = (await service().list(systemA, { limit: 500 }, [OWNER])).items;
    expect(all).toHaveLength(130);
    // Newest first, ties by id.
    for (let i = 1; i < all.length; i++) {
      const [a, b] = [all[i - 1], all[i]];
      expect(a.startAt > b.startAt || (a.startAt === b.startAt && a.id > b.id)).toBe(true);
    }

    const seen: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await service().list(systemA, { limit: 25, ...(cursor ? { cursor } : {}) }, [OWNER]);
      seen.push(...page.items.map(r => r.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
      // Newer calls come in after the first page: they must not push records into the next page twice.
      if (pages === 1)
        await add(
          systemA,
          Array.from({ length: 10 }, (_, i) => deviceRecord(500 + i)),
        );
    } while (cursor);
    expect(pages).toBe(6);
    expect(seen).toEqual(all.map(r => r.id));

    // The default order by offset gives the same, and a cursor works ascending too.
    const byOffset = await service().list(systemA, { limit: 25, offset: 25 }, [OWNER]);
    expect(byOffset.totalCount).toBe(140);
    const ascending = await service().list(systemA, { order: 'asc', limit: 3 }, [OWNER]);
    const nextAscending = await service().list(systemA, { order: 'asc', limit: 3, cursor: ascending.nextCursor }, [
      OWNER,
    ]);
    expect([...ascending.items, ...nextAscending.items].map(r => r.startAt)).toEqual(
      [...all]
        .reverse()
        .slice(0, 6)
        .map(r => r.startAt),
    );
  });

  it('sorts by every column both ways, with stable offset pages', async () => {
    await add(
      systemA,
      Array.from({ length: 60 }, (_, i) => deviceRecord(i)),
    );
    for (const sort of CALL_DATA_SORT_COLUMNS) {
      for (const order of ['asc', 'desc'] as const) {
        const { items } = await service().list(systemA, { sort, order, limit: 500 }, [OWNER]);
        const values = items.map(FIELD[sort]);
        const sorted = [...values].sort((a, b) => Number(a > b) - Number(a < b));
        expect({ sort, order, values }).toEqual({ sort, order, values: order === 'asc' ? sorted : sorted.reverse() });
        const first = await service().list(systemA, { sort, order, limit: 20 }, [OWNER]);
        const second = await service().list(systemA, { sort, order, limit: 20, offset: 20 }, [OWNER]);
        expect([...first.items, ...second.items].map(r => r.id)).toEqual(items.slice(0, 40).map(r => r.id));
        expect(first.nextCursor === null).toBe(sort !== 'startAt');
      }
    }
  });

  it('filters by time range, direction, success, extension and free text, matched literally', async () => {
    await add(systemA, [
      ...Array.from({ length: 30 }, (_, i) => deviceRecord(i)),
      deviceRecord(100, { externalName: '100% Service_Team', startDate: '2026-11-03T09:00:00Z' }),
      deviceRecord(101, { externalName: 'Müller Bau', userName: 'Zentrale', startDate: '2026-11-03T09:01:00+01:00' }),
    ]);
    const list = async (query: object) => (await service().list(systemA, { limit: 500, ...query }, [OWNER])).items;
    const from = new Date(BASE_MS + 3 * 60_000).toISOString();
    const to = new Date(BASE_MS + 6 * 60_000).toISOString();
    // Starts repeat in threes: minutes 3, 4 and 5 hold records 9 to 17; `to` is exclusive.
    expect((await list({ from, to })).map(r => r.durationSeconds).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 9 }, (_, k) => ((9 + k) * 37) % 500).sort((a, b) => a - b),
    );
    // Offsets in the bounds are honoured: 09:01+01:00 is 08:01Z.
    expect(
      (await list({ from: '2026-11-03T09:00:30+01:00', to: '2026-11-03T09:30:00+01:00' })).map(r => r.externalName),
    ).toEqual(['Müller Bau']);
    expect((await list({ direction: 'outgoing' })).every(r => r.direction === 'outgoing')).toBe(true);
    expect(await list({ direction: 'outgoing' })).toHaveLength(16);
    const failed = await list({ success: 'false' });
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every(r => !r.success)).toBe(true);
    const ext = await list({ extension: '211' });
    expect(ext.length).toBeGreaterThan(0);
    expect(ext.every(r => r.billingNumber === '211' || r.realNumber === '211')).toBe(true);
    expect((await list({ extension: '201' })).every(r => r.billingNumber === '201')).toBe(true);

    expect((await list({ q: '%' })).map(r => r.externalName)).toEqual(['100% Service_Team']);
    expect((await list({ q: 'e_t' })).map(r => r.externalName)).toEqual(['100% Service_Team']);
    expect((await list({ q: 'service_' })).map(r => r.externalName)).toEqual(['100% Service_Team']);
    expect((await list({ q: 'zentrale' })).map(r => r.billingName)).toEqual(['Zentrale']);
    expect(await list({ q: '0301234017' })).toHaveLength(1);
    expect((await list({ q: 'carla' })).length).toBeGreaterThan(0);
    // A value, never SQL: nothing matches and nothing breaks.
    expect(await list({ q: "x' OR '1'='1" })).toEqual([]);
    expect(await list({ q: "'; DROP TABLE call_data; --" })).toEqual([]);
    expect(await list({})).toHaveLength(32);
  });

  it('refuses bad queries with a sentence', async () => {
    const refusal = (query: object) => service().list(systemA, query, [OWNER]);
    await expect(refusal({ from: 'yesterday' })).rejects.toThrow(/from must be an ISO 8601 date and time/);
    await expect(refusal({ from: '2026-11-02T00:00:00Z', to: '2026-11-01T00:00:00Z' })).rejects.toThrow(
      /from must be before to/,
    );
    await expect(refusal({ sort: 'start_at; DROP TABLE call_data' })).rejects.toThrow(/sort is one of startAt/);
    await expect(refusal({ limit: '501' })).rejects.toThrow(/limit is at most 500/);
    await expect(refusal({ cursor: 'bm90LWEtY3Vyc29y' })).rejects.toThrow(/not a cursor this API handed out/);
    await expect(refusal({ cursor: 'x', sort: 'duration' })).rejects.toThrow(
      /cursor pages only the order by start time/,
    );
    await expect(refusal({ extension: "1' OR 1=1" })).rejects.toThrow(/extension is an internal number/);
    await expect(refusal({ direction: 'sideways' })).rejects.toThrow(/direction is incoming or outgoing/);
    await expect(refusal({ unknown: '1' })).rejects.toThrow(/Unrecognized key/);
  });

  it('masks the last three digits of external numbers per mode and role, in search and sort too', async () => {
    await add(systemA, [
      deviceRecord(1, { externalPhoneNumber: '0891234567' }),
      deviceRecord(2, { externalPhoneNumber: '12' }),
    ]);
    await systems.register({ name: 'Dritte', serialNumber: 'CTX000000003' }, OWNER);
    const at = now.toISOString();
    await db.access.setGrant({ systemId: systemA, subjectRef: CARLA, roles: ['callData'], grantedBy: OWNER, at });
    await db.access.setGrant({ systemId: systemA, subjectRef: ADAM, roles: ['administrator'], grantedBy: OWNER, at });
    await db.access.setGrant({ systemId: systemA, subjectRef: CDR_TEAM, roles: ['callData'], grantedBy: OWNER, at });
    const numbers = async (masking: string, claims: string[]) => {
      const page = await service({ masking }).list(systemA, { sort: 'externalNumber', order: 'asc' }, claims);
      return { masked: page.masked, numbers: page.items.map(r => r.externalNumber) };
    };

    expect(await numbers('off', [ADAM])).toEqual({ masked: false, numbers: ['0891234567', '12'] });
    // Sorted by what the user sees: '*' comes before the digits.
    expect(await numbers('all', [CARLA])).toEqual({ masked: true, numbers: ['***', '0891234***'] });
    expect(await numbers('allButCallDataRole', [CARLA])).toEqual({ masked: false, numbers: ['0891234567', '12'] });
    // Administrators and the owner see masked numbers unless they hold Call data too; a catalog group counts.
    expect(await numbers('allButCallDataRole', [ADAM])).toEqual({ masked: true, numbers: ['***', '0891234***'] });
    expect(await numbers('allButCallDataRole', [OWNER])).toMatchObject({ masked: true });
    expect(await numbers('allButCallDataRole', ['user:default/dora', CDR_TEAM])).toMatchObject({ masked: false });

    // Searching for the hidden digits finds nothing; the visible part still finds the call.
    const search = (q: string) => service({ masking: 'all' }).list(systemA, { q }, [ADAM]);
    expect((await search('4567')).items).toEqual([]);
    expect((await search('089123')).items).toHaveLength(1);
    expect((await service({ masking: 'off' }).list(systemA, { q: '4567' }, [ADAM])).items).toHaveLength(1);
    expect(() => service({ masking: 'some' })).toThrow(
      /ccc.callData.masking must be one of off, all, allButCallDataRole/,
    );
  });

  it('reads call data of the systems a scope allows, for fleet views', async () => {
    await add(
      systemA,
      Array.from({ length: 5 }, (_, i) => deviceRecord(i)),
    );
    await add(
      systemB,
      Array.from({ length: 7 }, (_, i) => deviceRecord(i)),
    );
    await db.access.setGrant({
      systemId: systemB,
      subjectRef: CARLA,
      roles: ['callData'],
      grantedBy: OWNER,
      at: now.toISOString(),
    });
    const count = async (scope: object, masking: 'none' | 'all' | { allBut: string[] } = 'none') =>
      db.callData.list({ scope, filter: {}, masking, sort: 'startAt', order: 'desc', limit: 100, withTotal: true });

    expect((await count({})).totalCount).toBe(12);
    expect((await count({ systemIds: [systemB] })).totalCount).toBe(7);
    expect((await count({ systemIds: [] })).totalCount).toBe(0);
    const owned = await count({ criteria: { key: 'isOwner', claims: [OWNER] } });
    expect(new Set(owned.items.map(r => r.systemId))).toEqual(new Set([systemA]));
    const role = await count({
      criteria: { anyOf: [{ key: 'hasRole', roles: ['callData', 'owner'], claims: [CARLA] }] },
    });
    expect(role.totalCount).toBe(7);
    expect(
      (await count({ criteria: { not: { key: 'isOwner', claims: [OWNER] } }, systemIds: [systemA] })).totalCount,
    ).toBe(0);

    const mixed = await count({}, { allBut: [systemB] });
    expect(mixed.items.filter(r => r.systemId === systemB).every(r => !r.externalNumber.endsWith('***'))).toBe(true);
    expect(mixed.items.filter(r => r.systemId === systemA).every(r => r.externalNumber.endsWith('***'))).toBe(true);
  });

  it('streams the export in keyset batches and records an interrupted one as incomplete', async () => {
    await add(
      systemA,
      Array.from({ length: 2_500 }, (_, i) => deviceRecord(i)),
    );
    const list = jest.spyOn(db.callData, 'list');
    const writes: string[] = [];
    const sink = (closeAfter = Infinity) => ({
      begin: jest.fn(),
      write: async (text: string) => {
        writes.push(text);
      },
      closed: () => writes.length >= closeAfter,
    });

    await expect(service().exportCsv(systemA, {}, { actorRef: OWNER, claims: [OWNER] }, sink())).rejects.toThrow(
      /Acknowledge the legal notice/,
    );
    expect(writes).toEqual([]);

    expect(
      await service().exportCsv(systemA, { acknowledge: 'true' }, { actorRef: OWNER, claims: [OWNER] }, sink()),
    ).toBe(2_500);
    // Header, then one write per batch of at most 1000 rows, each read after the last key of the one before.
    expect(writes.map(w => w.split('\r\n').length - 1)).toEqual([1, 1_000, 1_000, 500]);
    expect(list.mock.calls.map(([q]) => [q.limit, q.after !== undefined])).toEqual([
      [1_000, false],
      [1_000, true],
      [1_000, true],
    ]);

    writes.length = 0;
    expect(
      await service().exportCsv(systemA, { acknowledge: 'true' }, { actorRef: CARLA, claims: [CARLA] }, sink(2)),
    ).toBe(1_000);
    const [latest, earlier] = await db.audit.list({ systemId: systemA, limit: 10 });
    expect(latest).toMatchObject({
      action: 'calldata.export',
      actorRef: CARLA,
      details: { rows: 1_000, complete: false },
    });
    expect(earlier).toMatchObject({
      action: 'calldata.export',
      actorRef: OWNER,
      details: { rows: 2_500, complete: true },
    });
  });

  it('purges records of calls older than the retention, in slices', async () => {
    const old = Array.from({ length: 5_050 }, (_, i) =>
      deviceRecord(i, { startDate: new Date(Date.parse('2026-09-01T00:00:00Z') + i * 1000).toISOString() }),
    );
    await add(systemA, old);
    await add(systemA, [
      deviceRecord(1, { startDate: '2026-11-20T10:00:00Z' }),
      deviceRecord(2, { startDate: '2026-10-29T12:00:01Z' }),
    ]);
    expect(await service().purge()).toBe(0);
    // 30 days before 2026-11-27T12:00Z is 2026-10-28T12:00Z.
    expect(await service({ retentionDays: 30 }).purge()).toBe(5_050);
    const left = await service().list(systemA, {}, [OWNER]);
    expect(left.items.map(r => r.startAt)).toEqual(['2026-11-20T10:00:00.000Z', '2026-10-29T12:00:01.000Z']);
    expect(await service({ retentionDays: 30 }).purge()).toBe(0);
    expect(() => service({ retentionDays: 0 })).toThrow(/retentionDays must be a positive number/);
  });
});
