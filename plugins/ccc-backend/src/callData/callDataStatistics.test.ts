import { BackstageCredentials, PermissionsService } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { cccCallDataExportPermission, cccCallDataReadPermission } from '@internal/plugin-ccc-common';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { CccDatabase, createCccDatabase } from '../database/CccDatabase';
import { migrateDatabase } from '../database/migrateDatabase';
import { DeviceCallData } from '../device/DeviceClient';
import { HttpDeviceClient } from '../device/HttpDeviceClient';
import { CccPermissionDecider } from '../permissions/CccPermissionDecider';
import { cccSystemRules } from '../permissions/rules';
import { SystemPermission, SystemPermissionGuard } from '../permissions/SystemPermissionGuard';
import { SecretBox } from '../secrets/SecretBox';
import { SystemsService } from '../systems/SystemsService';
import { CallDataService } from './CallDataService';
import { toNewCallData } from './fingerprint';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const secrets = new SecretBox('calldata-stats-key-0123456789abcdefghijkl');
const ANNA = 'user:default/anna';
const BOB = 'user:default/bob';
const CARLA = 'user:default/carla';
const NOBODY = 'user:default/nobody';
const FIONA = 'user:default/fiona';
const FLEET_ADMINS = 'group:default/fleet-admins';
const CLAIMS: Record<string, string[]> = { [FIONA]: [FIONA, FLEET_ADMINS] };
const claimsOf = (user: string) => CLAIMS[user] ?? [user];
// 2 to 4 November 2026 in Berlin (UTC+1 then).
const RANGE = { from: '2026-11-02T00:00:00+01:00', to: '2026-11-05T00:00:00+01:00' };

let nextId = 1;
/** A record with the fields the statistics look at; the rest fixed. */
function call(
  startDate: string,
  length: number,
  success: boolean,
  fields: { real?: string; realName?: string; billing?: string; billingName?: string; msn?: string; number?: string },
): DeviceCallData {
  return {
    CallDataId: nextId++,
    startDate,
    length,
    externalName: '',
    externalPhoneNumber: fields.number ?? '',
    msn: fields.msn ?? '',
    userNumber: fields.billing ?? '200',
    userName: fields.billingName ?? 'Zentrale',
    connectedUserNumber: fields.real ?? '',
    connectedUserName: fields.realName ?? '',
    groupNumber: '',
    groupName: '',
    cost: null,
    costFactor: null,
    direction: 'Incoming',
    callType: 'Normal',
    success,
  };
}

/*
 * The crafted calls of system A (UTC; Berlin is one hour ahead):
 *   1  02.11. 07:00:00  60 s answered   real 210 Anna   line 0301  0891234567
 *   2  02.11. 07:00:30 120 s answered   billing 201 Ben line 0301  0891234999
 *   3  02.11. 07:01:00  30 s not        real 210 Anna   line 0302  0891234567   (starts as 1 ends: no overlap)
 *   4  02.11. 07:02:30 300 s answered   real 211 Carla  line 0301  0301111222   (starts as 2 ends)
 *   5  02.11. 23:30:00  90 s answered   real 210 Anna   line 0302  0891234567   (00:30 on 03.11. in Berlin)
 *   6  04.11. 12:00:00  45 s not        real 211 Carla  line 0301  (no number)
 * and one on 10.11., outside the range.
 */
const SYSTEM_A_CALLS = () => [
  call('2026-11-02T07:00:00.000Z', 60, true, { real: '210', realName: 'Anna', msn: '0301', number: '0891234567' }),
  call('2026-11-02T07:00:30.000Z', 120, true, { billing: '201', billingName: 'Ben', msn: '0301', number: '0891234999' }),
  call('2026-11-02T07:01:00.000Z', 30, false, { real: '210', realName: 'Anna', msn: '0302', number: '0891234567' }),
  call('2026-11-02T07:02:30.000Z', 300, true, { real: '211', realName: 'Carla', msn: '0301', number: '0301111222' }),
  call('2026-11-02T23:30:00.000Z', 90, true, { real: '210', realName: 'Anna', msn: '0302', number: '0891234567' }),
  call('2026-11-04T12:00:00.000Z', 45, false, { real: '211', realName: 'Carla', msn: '0301' }),
  call('2026-11-10T09:00:00.000Z', 999, true, { real: '299', msn: '0309', number: '0111' }),
];

/** Statistics and the fleet view over stored records: known answers, permissions in SQL, masking. */
describe.each(databases.eachSupportedId())('call data statistics and fleet view (%s)', databaseId => {
  let db: CccDatabase;
  let systems: SystemsService;
  let guard: SystemPermissionGuard;
  let systemA: string;
  let systemB: string;
  const now = new Date('2026-11-27T12:00:00Z');

  const service = (masking = 'off') =>
    new CallDataService({
      db,
      systems,
      devices: new HttpDeviceClient(),
      logger: mockServices.logger.mock(),
      now: () => now,
      masking,
    });
  const add = (systemId: string, records: DeviceCallData[]) =>
    db.callData.addRecords(systemId, records.map(toNewCallData), now.toISOString());
  /** What SystemPermissionGuard.listCriteria gives the routes for this user: the CCC policy's conditions. */
  const criteriaOf = (user: string, permission: SystemPermission = cccCallDataReadPermission) =>
    guard.listCriteria(mockCredentials.user(user), permission);

  beforeEach(async () => {
    const knex = await databases.init(databaseId);
    await migrateDatabase(mockServices.database({ knex }));
    db = createCccDatabase(knex);
    systems = new SystemsService({ db, secrets, devices: new HttpDeviceClient(), logger: mockServices.logger.mock() });
    systemA = (await systems.register({ name: 'Zentrale', serialNumber: 'CTX000000001' }, ANNA)).system.id;
    systemB = (await systems.register({ name: 'Filiale', serialNumber: 'CTX000000002' }, BOB)).system.id;
    // Anna's second system, without calls.
    await systems.register({ name: 'Archiv', serialNumber: 'CTX000000003' }, ANNA);
    await add(systemA, SYSTEM_A_CALLS());
    await add(systemB, [
      call('2026-11-03T10:00:00.000Z', 100, true, { real: '210', realName: 'Bea', msn: '0401', number: '0891234567' }),
    ]);
    // The real decider behind a permissions service, as the permission backend would answer the guard.
    const userInfo = mockServices.userInfo.mock({
      getUserInfo: async (credentials: BackstageCredentials) => {
        const ref = (credentials.principal as { userEntityRef: string }).userEntityRef;
        return { userEntityRef: ref, ownershipEntityRefs: claimsOf(ref) };
      },
    });
    const decider = new CccPermissionDecider({ userInfo, fleetAdmins: [FLEET_ADMINS] });
    const permissions = {
      authorizeConditional: async (requests: Array<{ permission: SystemPermission }>, options: { credentials: BackstageCredentials }) =>
        Promise.all(requests.map(r => decider.decide({ permission: r.permission }, { credentials: options.credentials } as never))),
    } as unknown as PermissionsService;
    guard = new SystemPermissionGuard({
      permissions,
      stores: db,
      ruleset: () => ({ getRuleByName: (name: string) => Object.values(cccSystemRules).find(r => r.name === name)! }) as never,
    });
  });

  it('computes the statistics of crafted calls: known totals, median, peak, days and hours in the time zone', async () => {
    const stats = await service().statistics(systemA, RANGE, [ANNA]);
    expect(stats).toMatchObject({
      from: '2026-11-01T23:00:00.000Z',
      to: '2026-11-04T23:00:00.000Z',
      timeZone: 'Europe/Berlin',
      masked: false,
      // Answered: 60 + 120 + 300 + 90 s; median of 60, 90, 120, 300.
      totals: {
        calls: 6,
        answered: 4,
        answeredShare: 0.6667,
        talkSeconds: 570,
        averageDurationSeconds: 142.5,
        medianDurationSeconds: 105,
      },
      // 1 and 2 overlap from 07:00:30; 3 starts when 1 ends and 4 when 2 ends, which is no overlap.
      peakConcurrent: { calls: 2, at: '2026-11-02T07:00:30.000Z' },
    });
    expect(stats.perDay).toEqual([
      { day: '2026-11-02', calls: 4, answered: 3 },
      { day: '2026-11-03', calls: 1, answered: 1 },
      { day: '2026-11-04', calls: 1, answered: 0 },
    ]);
    expect(stats.perHourOfDay).toHaveLength(24);
    expect(stats.perHourOfDay.filter(h => h.calls > 0)).toEqual([
      { hour: 0, calls: 1, answered: 1 },
      { hour: 8, calls: 4, answered: 3 },
      { hour: 13, calls: 1, answered: 0 },
    ]);
    expect(stats.topExtensions).toEqual([
      { systemId: systemA, extension: '210', name: 'Anna', calls: 3, answered: 2, talkSeconds: 150 },
      { systemId: systemA, extension: '211', name: 'Carla', calls: 2, answered: 1, talkSeconds: 300 },
      { systemId: systemA, extension: '201', name: 'Ben', calls: 1, answered: 1, talkSeconds: 120 },
    ]);
    expect(stats.topLines).toEqual([
      { systemId: systemA, line: '0301', calls: 4, answered: 3, talkSeconds: 480 },
      { systemId: systemA, line: '0302', calls: 2, answered: 1, talkSeconds: 90 },
    ]);
    expect(stats.topExternalNumbers).toEqual([
      { externalNumber: '0891234567', calls: 3, answered: 2, talkSeconds: 150 },
      { externalNumber: '0301111222', calls: 1, answered: 1, talkSeconds: 300 },
      { externalNumber: '0891234999', calls: 1, answered: 1, talkSeconds: 120 },
    ]);
    expect(stats.systems).toEqual([{ systemId: systemA, name: 'Zentrale', calls: 6, answered: 4 }]);

    // Hours of day follow the zone asked for; in UTC call 5 belongs to 2 November.
    const utc = await service().statistics(systemA, { ...RANGE, timeZone: 'UTC' }, [ANNA]);
    expect(utc.perDay.map(d => [d.day, d.calls])).toEqual([
      ['2026-11-01', 0],
      ['2026-11-02', 5],
      ['2026-11-03', 0],
      ['2026-11-04', 1],
    ]);
    expect(utc.perHourOfDay.filter(h => h.calls > 0).map(h => [h.hour, h.calls])).toEqual([
      [7, 4],
      [12, 1],
      [23, 1],
    ]);
  });

  it('applies the filters of the list, and answers an empty range with zeros and nulls', async () => {
    const unanswered = await service().statistics(systemA, { ...RANGE, success: 'false' }, [ANNA]);
    expect(unanswered.totals).toEqual({
      calls: 2,
      answered: 0,
      answeredShare: 0,
      talkSeconds: 0,
      averageDurationSeconds: null,
      medianDurationSeconds: null,
    });
    // One answered call: its duration; two: the mean of both (60 and 90 s of extension 210).
    expect((await service().statistics(systemA, { ...RANGE, extension: '211' }, [ANNA])).totals).toMatchObject({
      calls: 2,
      medianDurationSeconds: 300,
    });
    expect((await service().statistics(systemA, { ...RANGE, extension: '210' }, [ANNA])).totals).toMatchObject({
      calls: 3,
      answered: 2,
      medianDurationSeconds: 75,
    });
    expect((await service().statistics(systemA, { ...RANGE, q: '0891234999' }, [ANNA])).totals.calls).toBe(1);

    const empty = await service().statistics(
      systemA,
      { from: '2026-10-01T00:00:00Z', to: '2026-10-02T00:00:00Z', timeZone: 'UTC' },
      [ANNA],
    );
    expect(empty).toMatchObject({
      totals: { calls: 0, answered: 0, answeredShare: null, averageDurationSeconds: null, medianDurationSeconds: null },
      peakConcurrent: { calls: 0, at: null },
      perDay: [{ day: '2026-10-01', calls: 0, answered: 0 }],
      topExtensions: [],
      topLines: [],
      topExternalNumbers: [],
      systems: [{ systemId: systemA, calls: 0 }],
    });
    // Without a range: the 30 days up to now.
    expect(await service().statistics(systemA, {}, [ANNA])).toMatchObject({
      from: '2026-10-28T12:00:00.000Z',
      to: '2026-11-27T12:00:00.000Z',
      totals: { calls: 7 },
    });
  });

  it('refuses bad statistics queries with a sentence', async () => {
    const refusals: Array<[object, RegExp]> = [
      [{ timeZone: 'Mars/Olympus' }, /timeZone must be an IANA time zone/],
      [{ from: '2025-01-01T00:00:00Z', to: '2026-11-01T00:00:00Z' }, /at most 400 days/],
      [{ from: '2024-01-01T00:00:00Z' }, /at most 400 days/],
      [{ from: '2026-12-01T00:00:00Z' }, /from must be before to/],
      [{ sort: 'duration' }, /Unrecognized key/],
    ];
    for (const [query, message] of refusals) {
      await expect(service().statistics(systemA, query, [ANNA])).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringMatching(message),
      });
    }
  });

  it('shows the fleet only the systems the permission conditions allow, filtered in SQL', async () => {
    await db.access.setGrant({ systemId: systemB, subjectRef: CARLA, roles: ['callData'], grantedBy: BOB, at: now.toISOString() });
    const fleet = async (user: string) => {
      const criteria = await criteriaOf(user);
      const page = await service().listFleet(criteria, { limit: 500 }, claimsOf(user));
      const stats = await service().fleetStatistics(criteria, RANGE, claimsOf(user));
      return {
        systems: [...new Set(page.items.map(r => r.systemId))].sort(),
        total: page.totalCount,
        names: page.systemNames,
        statsSystems: stats.systems.map(s => [s.name, s.calls]),
        calls: stats.totals.calls,
      };
    };

    // Anna owns A and C (C without calls): C is in the statistics' systems, with 0.
    expect(await fleet(ANNA)).toEqual({
      systems: [systemA],
      total: 7,
      names: { [systemA]: 'Zentrale' },
      statsSystems: [
        ['Archiv', 0],
        ['Zentrale', 6],
      ],
      calls: 6,
    });
    expect(await fleet(CARLA)).toEqual({
      systems: [systemB],
      total: 1,
      names: { [systemB]: 'Filiale' },
      statsSystems: [['Filiale', 1]],
      calls: 1,
    });
    expect(await fleet(NOBODY)).toEqual({ systems: [], total: 0, names: {}, statsSystems: [], calls: 0 });
    // Fleet administrators see every system but read call data only where they hold a role.
    expect((await fleet(FIONA)).total).toBe(0);

    // Every system (criteria undefined, as for a policy that allows all).
    const all = await service().fleetStatistics(undefined, RANGE, [ANNA]);
    expect(all.totals).toMatchObject({ calls: 7, answered: 5, medianDurationSeconds: 100 });
    expect(all.systems.map(s => s.name)).toEqual(['Archiv', 'Filiale', 'Zentrale']);
    expect(all.topExtensions.slice(0, 2).map(e => [e.systemId, e.extension, e.calls])).toEqual([
      [systemA, '210', 3],
      [systemA, '211', 2],
    ]);
    expect(all.perDay.map(d => d.calls)).toEqual([4, 2, 1]);
    expect(all.peakConcurrent.calls).toBe(2);

    // Fleet pages by keyset across systems, newest first, each record once.
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await service().listFleet(undefined, { limit: 3, ...(cursor ? { cursor } : {}) }, [ANNA]);
      seen.push(...page.items.map(r => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
  });

  it('exports the fleet with a system column and audits it without a system', async () => {
    await db.access.setGrant({ systemId: systemB, subjectRef: CARLA, roles: ['callData'], grantedBy: BOB, at: now.toISOString() });
    const writes: string[] = [];
    const sink = { begin: jest.fn(), write: async (text: string) => void writes.push(text), closed: () => false };
    const criteria = await criteriaOf(CARLA, cccCallDataExportPermission);
    await expect(service().exportFleetCsv(criteria, {}, { actorRef: CARLA, claims: [CARLA] }, sink)).rejects.toThrow(
      /Acknowledge the legal notice/,
    );
    expect(await service().exportFleetCsv(criteria, { acknowledge: 'true' }, { actorRef: CARLA, claims: [CARLA] }, sink)).toBe(1);
    const lines = writes.join('').slice(1).split('\r\n');
    expect(lines[0]).toMatch(/^Anlage;Datum\/Uhrzeit;Dauer;Externer Partner;/);
    expect(lines[1]).toMatch(/^Filiale;03\.11\.2026 11:00:00;00:01:40;0891234567;/);
    expect(lines).toHaveLength(3);
    const [event] = await db.audit.list({ limit: 1 });
    expect(event).toMatchObject({
      action: 'calldata.export',
      actorRef: CARLA,
      systemId: null,
      details: { fleet: true, systems: 1, rows: 1, complete: true, masked: false },
    });
  });

  it('masks external numbers in the statistics as in the list, grouping by what the user sees', async () => {
    await db.access.setGrant({ systemId: systemB, subjectRef: CARLA, roles: ['callData'], grantedBy: BOB, at: now.toISOString() });
    await db.access.setGrant({ systemId: systemA, subjectRef: CARLA, roles: ['monitoring'], grantedBy: ANNA, at: now.toISOString() });
    const masked = await service('all').statistics(systemA, RANGE, [ANNA]);
    expect(masked.masked).toBe(true);
    // 0891234567 and 0891234999 differ only in the hidden digits: one row, as the list would show them.
    expect(masked.topExternalNumbers).toEqual([
      { externalNumber: '0891234***', calls: 4, answered: 3, talkSeconds: 270 },
      { externalNumber: '0301111***', calls: 1, answered: 1, talkSeconds: 300 },
    ]);
    // The hidden digits cannot be searched for.
    expect((await service('all').statistics(systemA, { ...RANGE, q: '4999' }, [ANNA])).totals.calls).toBe(0);
    // Everything else is the same as unmasked.
    expect(masked.totals).toEqual((await service('off').statistics(systemA, RANGE, [ANNA])).totals);

    // allButCallDataRole over the fleet: numbers of B (Carla holds Call data there) in clear, of A masked.
    const all = await service('allButCallDataRole').fleetStatistics(undefined, RANGE, [CARLA]);
    expect(all.masked).toBe(true);
    expect(all.topExternalNumbers.map(n => [n.externalNumber, n.calls])).toEqual([
      ['0891234***', 4],
      ['0301111***', 1],
      ['0891234567', 1],
    ]);
    const own = await service('allButCallDataRole').fleetStatistics(await criteriaOf(CARLA), RANGE, [CARLA]);
    expect(own).toMatchObject({ masked: false, topExternalNumbers: [{ externalNumber: '0891234567', calls: 1 }] });
    const page = await service('allButCallDataRole').listFleet(undefined, { sort: 'externalNumber' }, [CARLA]);
    expect(page.masked).toBe(true);
    expect(page.items.filter(r => r.systemId === systemB).map(r => r.externalNumber)).toEqual(['0891234567']);
    expect(page.items.filter(r => r.systemId === systemA).map(r => r.externalNumber).sort()).toEqual(
      ['', '0***', '0301111***', '0891234***', '0891234***', '0891234***', '0891234***'].sort(),
    );
    expect((await service('allButCallDataRole').statistics(systemB, RANGE, [CARLA])).masked).toBe(false);
  });
});
