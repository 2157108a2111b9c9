import { mockErrorHandler, mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { RunningSimulator, startSimulator } from '@internal/comtrexx-simulator';
import express from 'express';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { CccDatabase, createCccDatabase } from '../database/CccDatabase';
import { SystemStore } from '../database/SystemStore';
import { migrateDatabase } from '../database/migrateDatabase';
import { HttpDeviceClient } from '../device/HttpDeviceClient';
import { SecretBox } from '../secrets/SecretBox';
import { cccErrorHandler } from '../service/errors';
import { SystemsService } from '../systems/SystemsService';
import { seedDemoFleet } from './seedDemoFleet';

jest.setTimeout(30_000);

/**
 * Seeding as the demo portal does it: register through the service, confirm
 * on the simulated device, which calls the CCC's pairing endpoint back.
 */
describe('seedDemoFleet', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let simulator: RunningSimulator;
  let server: http.Server;
  let store: SystemStore;
  let db: CccDatabase;
  let systems: SystemsService;
  const logger = mockServices.logger.mock();

  beforeEach(async () => {
    simulator = await startSimulator({ seed: 21, size: 4 });
    const knex = await databases.init('SQLITE_3');
    await migrateDatabase(mockServices.database({ knex }));
    db = createCccDatabase(knex);
    store = db.systems;
    systems = new SystemsService({
      db,
      secrets: new SecretBox('demo-seed-test-key-0123456789abcdefghijkl'),
      devices: new HttpDeviceClient(),
      logger,
      deviceUrlTemplate: simulator.deviceUrlTemplate,
    });
    // Only the device's call back matters here; the full router is tested elsewhere.
    const app = express().use(express.json());
    app.post('/pairing', async (req, res, next) => {
      try {
        await systems.pair(req.body);
        res.json({ paired: true });
      } catch (error) {
        next(error);
      }
    });
    app.use(cccErrorHandler, mockErrorHandler());
    server = http.createServer(app);
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    simulator.setCccPairingUrl(`http://127.0.0.1:${(server.address() as AddressInfo).port}/pairing`);
  });

  afterEach(async () => {
    server.closeAllConnections();
    await new Promise(resolve => server.close(resolve));
    await simulator.close();
  });

  const seed = () =>
    seedDemoFleet({
      store,
      systems,
      logger,
      simulatorUrl: simulator.url,
      ownerRef: 'user:default/guest',
      catalogOwnerRef: 'group:default/telephony',
    });

  it('registers and pairs all but the last simulated device', async () => {
    expect(await seed()).toBe(3);
    const list = await systems.list();
    expect(list.map(s => s.serialNumber).sort()).toEqual(simulator.fleet.slice(0, 3).map(d => d.serialNumber).sort());
    for (const system of list) {
      expect(system).toMatchObject({ paired: true, ownerRef: 'user:default/guest', catalogOwnerRef: 'group:default/telephony' });
    }
    expect(simulator.fleet[3].ccc.state).toBe('none');
    // After the first status read the demo systems show their real state.
    await systems.refreshAll();
    expect((await systems.list()).map(s => s.state)).not.toContain('token_pending');
  });

  it('gives out the configured grants on the first systems', async () => {
    expect(
      await seedDemoFleet({
        store,
        systems,
        logger,
        simulatorUrl: simulator.url,
        ownerRef: 'user:default/guest',
        access: db.access,
        grants: [
          { subjectRef: 'user:default/ben', roles: ['administrator'], systems: 2 },
          { subjectRef: 'group:default/noc', roles: ['monitoring'] },
        ],
      }),
    ).toBe(3);
    const bens = await systems.list({ key: 'hasRole', roles: ['administrator'], claims: ['user:default/ben'] });
    expect(bens).toHaveLength(2);
    const nocs = await systems.list({ key: 'hasRole', roles: ['monitoring'], claims: ['group:default/noc'] });
    expect(nocs).toHaveLength(3);
  });

  it('runs once: deleted demo systems do not come back', async () => {
    await seed();
    const [first] = await systems.list();
    await systems.delete(first.id, 'user:default/guest');
    expect(await seed()).toBeUndefined();
    expect(await systems.list()).toHaveLength(2);
  });

  it('fails clearly when the simulator is not there, and tries again next time', async () => {
    const url = simulator.url;
    await simulator.close();
    await expect(
      seedDemoFleet({ store, systems, logger, simulatorUrl: url, ownerRef: 'user:default/guest' }),
    ).rejects.toThrow();
    expect(await store.getState('demo-fleet-seeded')).toBeUndefined();
    simulator = await startSimulator({ seed: 21, size: 4, port: Number(new URL(url).port) });
    simulator.setCccPairingUrl(`http://127.0.0.1:${(server.address() as AddressInfo).port}/pairing`);
    expect(await seed()).toBe(3);
  });
});
