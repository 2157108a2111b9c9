import { mockServices } from '@backstage/backend-test-utils';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { RunningSimulator, startSimulator } from '@internal/comtrexx-simulator';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { CccDatabase, createCccDatabase } from '../database/CccDatabase';
import { migrateDatabase } from '../database/migrateDatabase';
import { HttpDeviceClient } from '../device/HttpDeviceClient';
import { SecretBox } from '../secrets/SecretBox';
import { SystemsService } from '../systems/SystemsService';
import { RemoteConfigService, RemoteLinkGoneError } from './RemoteConfigService';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const secrets = new SecretBox('remote-config-test-key-0123456789abcdefgh');
const ADMIN = 'user:default/anna';
const OTHER = 'user:default/ben';
const BASE = 'http://portal.test/api/ccc/remote';

describe.each(databases.eachSupportedId())('remote configuration links (%s)', databaseId => {
  let clock: Date;
  let simulator: RunningSimulator;
  let db: CccDatabase;
  let systems: SystemsService;
  let remote: RemoteConfigService;
  let systemId: string;

  beforeEach(async () => {
    clock = new Date('2026-11-20T10:00:00.000Z');
    simulator = await startSimulator({ seed: 4711, size: 1, now: () => clock });
    const knex = await databases.init(databaseId);
    await migrateDatabase(mockServices.database({ knex }));
    db = createCccDatabase(knex);
    const devices = new HttpDeviceClient({ timeoutMs: 3000 });
    systems = new SystemsService({
      db,
      secrets,
      devices,
      logger: mockServices.logger.mock(),
      deviceUrlTemplate: simulator.deviceUrlTemplate,
      now: () => clock,
    });
    remote = new RemoteConfigService({ db, systems, devices, secrets, now: () => clock });
    const device = simulator.fleet[0];
    const credentials = { username: 'ccc-api', password: 'remote-device-pw' };
    device.ccc = { ...device.ccc, state: 'confirmed', apiUser: credentials, remoteConfigEnabled: true };
    device.maintenance = { ...device.maintenance, active: true };
    const { system, token } = await systems.register({ name: 'Zentrale', serialNumber: device.serialNumber }, ADMIN);
    await systems.pair({ serialNumber: device.serialNumber, token: token.code, credentials });
    const refreshed = await systems.refresh(system.id);
    if (refreshed.state !== 'paired_ok') throw new Error(`Set-up failed: ${refreshed.state}`);
    systemId = system.id;
  });

  afterEach(async () => {
    await simulator?.close();
  });

  const tokenOf = (url: string) => url.slice(BASE.length + 1, -1);

  it('opens the device web interface once, for its user, in the first browser only', async () => {
    const link = await remote.open(systemId, ADMIN, BASE);
    expect(link.url).toMatch(/^http:\/\/portal\.test\/api\/ccc\/remote\/[\w-]{40,}\/$/);
    // Nothing of the device's session or credentials is in the link.
    expect(link.url).not.toContain(simulator.url);
    const token = tokenOf(link.url);

    await expect(remote.view(token, '', OTHER, undefined)).rejects.toThrow(NotAllowedError);
    const first = await remote.view(token, '', ADMIN, undefined);
    expect(first.status).toBe(200);
    expect(first.body.toString()).toContain(simulator.fleet[0].serialNumber);
    expect(first.setViewCookie?.name).toBe(RemoteConfigService.viewCookieName(token));

    // The same browser (with its cookie) goes on; any other is refused.
    const again = await remote.view(token, '', ADMIN, first.setViewCookie!.value);
    expect(again.status).toBe(200);
    await expect(remote.view(token, '', ADMIN, undefined)).rejects.toThrow(RemoteLinkGoneError);
    await expect(remote.view(token, '', ADMIN, 'guessed')).rejects.toThrow(/opened already/);
    await expect(remote.view(token, '../../api/v1/system/info', ADMIN, first.setViewCookie!.value)).rejects.toThrow(
      /outside the device web interface/,
    );
    await expect(remote.view('no-such-token', '', ADMIN, undefined)).rejects.toThrow(NotFoundError);
    expect((await remote.status(systemId)).active).toBe(true);
  });

  it('expires: a link not opened within two minutes, and every link when the session ends', async () => {
    const late = await remote.open(systemId, ADMIN, BASE);
    clock = new Date(clock.getTime() + 3 * 60_000);
    await expect(remote.view(tokenOf(late.url), '', ADMIN, undefined)).rejects.toThrow(/not opened in time/);

    const used = await remote.open(systemId, ADMIN, BASE);
    const first = await remote.view(tokenOf(used.url), '', ADMIN, undefined);
    clock = new Date(Date.parse(used.expiresAt) + 1000);
    await expect(remote.view(tokenOf(used.url), '', ADMIN, first.setViewCookie!.value)).rejects.toThrow(/session has ended/);
  });

  it('explains why remote configuration is not possible', async () => {
    simulator.fleet[0].ccc.remoteConfigEnabled = false;
    await systems.refresh(systemId);
    await expect(remote.open(systemId, ADMIN, BASE)).rejects.toThrow(/Externer Zugriff/);

    simulator.fleet[0].ccc.remoteConfigEnabled = true;
    simulator.fleet[0].firmwareVersion = '2.4.2';
    await systems.refresh(systemId);
    await expect(remote.open(systemId, ADMIN, BASE)).rejects.toThrow(/firmware older than 2.4.4; update it locally/);
  });

  it('closes the session on the device and audits opening and closing', async () => {
    await remote.open(systemId, ADMIN, BASE);
    // The status poll carries the "active connection" indicator of the systems overview.
    expect((await systems.refresh(systemId)).device?.remoteSessionActive).toBe(true);
    await remote.close(systemId, ADMIN);
    expect((await remote.status(systemId)).active).toBe(false);
    expect((await systems.refresh(systemId)).device?.remoteSessionActive).toBe(false);
    expect((await db.audit.list({ limit: 5, systemId })).map(e => e.action).slice(0, 2)).toEqual(['remote.close', 'remote.open']);
  });
});
