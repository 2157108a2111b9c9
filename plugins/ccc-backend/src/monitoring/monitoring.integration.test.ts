import { mockServices } from '@backstage/backend-test-utils';
import { RunningSimulator, startSimulator } from '@internal/comtrexx-simulator';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { CccDatabase, createCccDatabase } from '../database/CccDatabase';
import { migrateDatabase } from '../database/migrateDatabase';
import { HttpDeviceClient } from '../device/HttpDeviceClient';
import { SecretBox } from '../secrets/SecretBox';
import { SystemsService } from '../systems/SystemsService';
import { InventoryService } from './InventoryService';
import { MonitoringService } from './MonitoringService';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const secrets = new SecretBox('monitoring-test-key-0123456789abcdefghijk');
const ANNA = 'user:default/anna';
const BEN = 'user:default/ben';

describe.each(databases.eachSupportedId())('monitoring and registration status (%s)', databaseId => {
  let clock: Date;
  let simulator: RunningSimulator;
  let db: CccDatabase;
  let systems: SystemsService;
  let monitoring: MonitoringService;
  let inventory: InventoryService;
  const ids: string[] = [];

  beforeEach(async () => {
    clock = new Date('2026-11-20T10:00:30.000Z');
    simulator = await startSimulator({ seed: 4711, size: 2, now: () => clock });
    const knex = await databases.init(databaseId);
    await migrateDatabase(mockServices.database({ knex }));
    db = createCccDatabase(knex);
    const devices = new HttpDeviceClient({ timeoutMs: 5000 });
    const logger = mockServices.logger.mock();
    systems = new SystemsService({ db, secrets, devices, logger, deviceUrlTemplate: simulator.deviceUrlTemplate, now: () => clock });
    monitoring = new MonitoringService({ db, systems, devices, logger, now: () => clock });
    inventory = new InventoryService({ db, systems, devices, logger, now: () => clock });
    ids.length = 0;
    for (const [index, device] of simulator.fleet.entries()) {
      const credentials = { username: 'ccc-api', password: `monitoring-pw-${index}` };
      device.ccc = { ...device.ccc, state: 'confirmed', apiUser: credentials, monitoringEnabled: true };
      device.maintenance = { ...device.maintenance, active: true };
      device.firmwareVersion = '2.6.0';
      const owner = index === 0 ? ANNA : BEN;
      const { system, token } = await systems.register({ name: `PBX ${index}`, serialNumber: device.serialNumber }, owner);
      await systems.pair({ serialNumber: device.serialNumber, token: token.code, credentials });
      const refreshed = await systems.refresh(system.id);
      if (refreshed.state !== 'paired_ok') throw new Error(`Set-up failed: ${refreshed.state}`);
      ids.push(system.id);
    }
  });

  afterEach(async () => {
    await simulator?.close();
  });

  it('fills every chart range on the first collection and adds only new minutes afterwards', async () => {
    await monitoring.collect(ids[0]);
    const hour = await monitoring.series(ids[0], { range: 'hour' });
    const day = await monitoring.series(ids[0], { range: 'day' });
    const week = await monitoring.series(ids[0], { range: 'week' });
    const month = await monitoring.series(ids[0], { range: 'month' });
    expect(hour).toMatchObject({ resolutionSeconds: 60, recordingEnabled: true });
    expect(hour.points.length).toBeGreaterThanOrEqual(59);
    expect(day.points.length).toBeGreaterThanOrEqual(287);
    expect(week.points.length).toBeGreaterThanOrEqual(335);
    expect(month.points.length).toBeGreaterThanOrEqual(230);
    for (const p of day.points) {
      expect(p.cpuMin).toBeLessThanOrEqual(p.cpuAvg);
      expect(p.cpuAvg).toBeLessThanOrEqual(p.cpuMax);
      expect(p.memUsedMax).toBeLessThanOrEqual(p.memTotal);
    }

    clock = new Date(clock.getTime() + 10 * 60_000);
    expect(await monitoring.collect(ids[0])).toBe(10);
    // Repeating without time passing reads nothing and counts nothing twice.
    expect(await monitoring.collect(ids[0])).toBe(0);
    const later = await monitoring.series(ids[0], { range: 'hour' });
    expect(later.points.at(-1)!.ts > hour.points.at(-1)!.ts).toBe(true);
    const last5 = (await monitoring.series(ids[0], { range: 'day' })).points.at(-1)!;
    expect(last5.ts.endsWith(':05:00.000Z') || last5.ts.endsWith(':00:00.000Z')).toBe(true);
  });

  it('records nothing when recording is off on the device, and says so', async () => {
    simulator.fleet[0].ccc.monitoringEnabled = false;
    await systems.refresh(ids[0]);
    expect(await monitoring.collect(ids[0])).toBe(0);
    expect(await monitoring.series(ids[0], { range: 'day' })).toMatchObject({ recordingEnabled: false, points: [] });
    await expect(monitoring.series(ids[0], { range: 'year' })).rejects.toThrow(/range is one of hour, day, week, month/);
  });

  it('reads phones and trunks live and keeps them for fleet views filtered by permission', async () => {
    const live = await inventory.refresh(ids[0]);
    expect(live.phones.length).toBeGreaterThan(0);
    expect(live.trunks.length).toBeGreaterThan(0);
    await inventory.refreshAll();
    const all = await inventory.fleetPhones(undefined, {});
    expect(new Set(all.items.map(p => p.systemId))).toEqual(new Set(ids));
    const annas = await inventory.fleetPhones({ key: 'hasRole', roles: ['owner'], claims: [ANNA] }, {});
    expect(new Set(annas.items.map(p => p.systemId))).toEqual(new Set([ids[0]]));
    expect(annas.totalCount).toBe(live.phones.length);
    const state = live.phones[0].status;
    const filtered = await inventory.fleetPhones(undefined, { state, systemId: ids[0] });
    expect(filtered.items.every(p => p.status === state && p.systemId === ids[0])).toBe(true);
    const trunks = await inventory.fleetTrunks({ key: 'hasRole', roles: ['owner'], claims: [BEN] }, { limit: '5' });
    expect(trunks.items.every(t => t.systemId === ids[1])).toBe(true);
    await expect(inventory.fleetTrunks(undefined, { limit: '5000' })).rejects.toThrow(/limit/);
  });
});
