import {
  BackendFeature,
  coreServices,
  createBackendModule,
  createServiceFactory,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// The real notifications backend, as the demo portal installs it.
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import { Notification } from '@backstage/plugin-notifications-common';
import { DefaultNotificationService } from '@backstage/plugin-notifications-node';
import { JsonObject } from '@backstage/types';
import { Knex } from 'knex';
import request from 'supertest';
import { pairedSystem } from '../__testUtils__/alertFixtures';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { CccDatabase, createCccDatabase } from '../database/CccDatabase';
import { cccPlugin } from '../plugin';

jest.setTimeout(90_000);

const databases = createTestDatabases();
const S1 = '11111111-1111-4111-8111-111111111111';
const S2 = '22222222-2222-4222-8222-222222222222';
const ANNA = 'user:default/anna';
const BEN = 'user:default/ben';
const CARLA = 'user:default/carla';

// The catalog as the CCC entity provider fills it: each system a Resource owned by its catalog owner.
function systemEntity(serial: string, owner: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: `ccc-${serial.toLowerCase()}`, namespace: 'default' },
    spec: { type: 'comtrexx', owner },
    relations: [{ type: 'ownedBy', targetRef: owner }],
  };
}
function group(name: string, members: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [] },
    relations: members.map(targetRef => ({ type: 'hasMember', targetRef })),
  };
}
const entities = [
  systemEntity('CTX000000001', 'group:default/telephony'),
  systemEntity('CTX000000002', 'group:default/noc'),
  group('telephony', [ANNA, BEN]),
  group('noc', [CARLA]),
];

/**
 * Alert conditions as Backstage notifications, end to end: the CCC plugin
 * and the real notifications backend in one test backend, each on its own
 * database (SQLite, and PostgreSQL when configured), with the catalog
 * holding the system entities. What the users got is read from the
 * notifications backend's own API.
 */
describe.each(databases.eachSupportedId())('alert notifications (%s)', databaseId => {
  let db: CccDatabase;
  let scheduler: SchedulerService;
  let backend: Awaited<ReturnType<typeof startTestBackend>> | undefined;

  // Each plugin gets its own fresh database, as in a real deployment.
  const perPluginDatabase = () => {
    const clients = new Map<string, Promise<Knex>>();
    return createServiceFactory({
      service: coreServices.database,
      deps: { plugin: coreServices.pluginMetadata },
      factory: ({ plugin }) => ({
        getClient: () => {
          const id = plugin.getId();
          if (!clients.has(id)) clients.set(id, databases.init(databaseId));
          return clients.get(id)!;
        },
      }),
    });
  };

  // Reaches into the CCC plugin's database and scheduler, to craft conditions and run the alert task.
  const probe = createBackendModule({
    pluginId: 'ccc',
    moduleId: 'test-probe',
    register(env) {
      env.registerInit({
        deps: { database: coreServices.database, scheduler: coreServices.scheduler },
        async init(deps) {
          db = createCccDatabase(await deps.database.getClient());
          scheduler = deps.scheduler;
        },
      });
    },
  });

  async function start(ccc: JsonObject, withNotifications = true) {
    const features: BackendFeature[] = [
      cccPlugin,
      probe,
      perPluginDatabase(),
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: { app: { baseUrl: 'http://localhost:3000' }, ccc: { encryptionKey: 'notifications-test-key-0123456789abcdef', ...ccc } },
      }),
    ];
    if (withNotifications) features.push(notificationsPlugin);
    backend = await startTestBackend({ features });
    const now = new Date();
    const hourAgo = new Date(now.getTime() - 3_600_000).toISOString();
    await db.systems.insert(pairedSystem(S1, 'CTX000000001', 'Zentrale', hourAgo));
    await db.systems.insert(pairedSystem(S2, 'CTX000000002', 'Filiale', hourAgo));
  }

  afterEach(async () => {
    await backend?.stop();
    backend = undefined;
  });

  const alertRun = () => scheduler.triggerTask('ccc-alert-mail');
  const iso = () => new Date().toISOString();
  const notificationsOf = async (user: string): Promise<Notification[]> => {
    const res = await request(backend!.server)
      .get('/api/notifications/notifications')
      .set('Authorization', mockCredentials.user.header(user));
    expect(res.status).toBe(200);
    expect(res.body.totalCount).toBe(res.body.notifications.length);
    return res.body.notifications;
  };
  const byTitle = (list: Notification[], pattern: RegExp) => {
    const found = list.filter(n => pattern.test(n.payload.title));
    expect(found).toHaveLength(1);
    return found[0];
  };
  const unreachable = () =>
    db.systems.update(S1, { state: 'error', stateReason: 'unreachable', stateMessage: 'timed out', updatedAt: iso() });

  it('sends one notification per condition to the owners, updates it instead of repeating it, and resolves it', async () => {
    await start({ notifications: { enabled: true } });
    await db.backups.upsertStatus({
      systemId: S1,
      configured: true,
      lastSuccessAt: '2026-11-01T02:00:00.000Z',
      lastFailureAt: iso(),
      lastFailureMessage: 'Backup server refused the login',
      checkedAt: iso(),
    });
    await unreachable();
    await db.warnings.addWarnings(
      S1,
      [{ deviceMessageId: 1, ts: iso(), severity: 'serious', category: 'Temperatur', text: 'Alarmtemperatur überschritten' }],
      '1',
      iso(),
    );

    await alertRun();
    const first = await notificationsOf(ANNA);
    expect(first).toHaveLength(3);
    const backup = byTitle(first, /^Backup failed on Zentrale$/);
    expect(backup).toMatchObject({
      origin: 'plugin:ccc',
      read: null,
      payload: {
        severity: 'high',
        topic: 'COMtrexx alerts',
        link: '/catalog/default/resource/ccc-ctx000000001/ccc-backup',
        scope: `ccc-alert:${S1}:backup_failed`,
        description: expect.stringContaining('Backup server refused the login'),
      },
    });
    expect(byTitle(first, /^Device unreachable on Zentrale$/).payload).toMatchObject({
      severity: 'high',
      link: '/catalog/default/resource/ccc-ctx000000001/ccc',
    });
    expect(byTitle(first, /^Warning: Temperatur on Zentrale$/).payload).toMatchObject({
      severity: 'high',
      link: '/catalog/default/resource/ccc-ctx000000001/ccc-warnings',
      description: expect.stringContaining('Alarmtemperatur überschritten'),
    });
    // Both members of the owning group get them; the owner of the other system does not.
    expect(await notificationsOf(BEN)).toHaveLength(3);
    expect(await notificationsOf(CARLA)).toHaveLength(0);

    // Anna reads the backup notification. A run without changes sends nothing.
    const read = await request(backend!.server)
      .post('/api/notifications/notifications/update')
      .set('Authorization', mockCredentials.user.header(ANNA))
      .send({ ids: [backup.id], read: true });
    expect(read.status).toBe(200);
    await alertRun();
    const unchanged = await notificationsOf(ANNA);
    expect(unchanged).toHaveLength(3);
    expect(byTitle(unchanged, /^Backup failed/).read).not.toBeNull();

    // The backup fails again for another reason: the same notification, updated and unread again.
    await db.backups.upsertStatus({ systemId: S1, lastFailureAt: iso(), lastFailureMessage: 'Disk full', checkedAt: iso() });
    await alertRun();
    const updated = await notificationsOf(ANNA);
    expect(updated).toHaveLength(3);
    const backupAgain = byTitle(updated, /^Backup failed/);
    expect(backupAgain.id).toBe(backup.id);
    expect(backupAgain.read).toBeNull();
    expect(backupAgain.updated).toBeTruthy();
    expect(backupAgain.payload.description).toContain('Disk full');

    // The device answers again: its notification turns into a resolution.
    await db.systems.update(S1, { state: 'paired_ok', stateReason: null, stateMessage: null, lastSeenAt: iso(), updatedAt: iso() });
    await alertRun();
    const resolved = await notificationsOf(ANNA);
    expect(resolved).toHaveLength(3);
    const device = byTitle(resolved, /Device unreachable/);
    expect(device.payload).toMatchObject({
      title: 'Resolved: Device unreachable on Zentrale',
      severity: 'low',
      scope: `ccc-alert:${S1}:device_unreachable`,
    });
    expect(await notificationsOf(BEN)).toHaveLength(3);

    // Unreachable again later (last seen long enough ago): still the one notification, raised again.
    await db.systems.update(S1, { lastSeenAt: new Date(Date.now() - 600_000).toISOString() });
    await unreachable();
    await alertRun();
    const again = await notificationsOf(ANNA);
    expect(again).toHaveLength(3);
    expect(byTitle(again, /Device unreachable/)).toMatchObject({ id: device.id, payload: { title: 'Device unreachable on Zentrale', severity: 'high' } });
  });

  it('sends nothing while the switch is off, and still tracks the conditions for the mails', async () => {
    await start({});
    await db.backups.upsertStatus({ systemId: S1, configured: true, lastFailureAt: iso(), checkedAt: iso() });
    await alertRun();
    expect(await notificationsOf(ANNA)).toEqual([]);
    const [condition] = await db.alertConditions.list([S1]);
    expect(condition).toMatchObject({ key: 'backup_failed', clearedAt: null, notifiedRevision: null });
    // The mail path handled it (no mail server here, which it records).
    expect(condition.mailState).toBe('raised');
    expect((await db.warnings.listDeliveries(S1, 5)).map(d => d.status)).toEqual(['no_server']);
  });

  it('keeps running, and tries again, when the notifications backend is not there', async () => {
    await start({ notifications: { enabled: true } }, false);
    // Watched, not replaced: the real service posts to a plugin that is not there.
    const send = jest.spyOn(DefaultNotificationService.prototype, 'send');
    await db.backups.upsertStatus({ systemId: S1, configured: true, lastFailureAt: iso(), checkedAt: iso() });
    await alertRun();
    expect(send).toHaveBeenCalledTimes(1);
    await expect(send.mock.results[0].value).rejects.toThrow(/Failed to send notifications/);
    const [condition] = await db.alertConditions.list([S1]);
    // Raised and mailed (recorded), but not marked as notified: the next run tries again.
    expect(condition).toMatchObject({ key: 'backup_failed', mailState: 'raised', notifiedRevision: null, notifiedState: null });
    expect((await db.warnings.listDeliveries(S1, 5)).map(d => d.status)).toEqual(['no_server']);
    await alertRun();
    expect(send).toHaveBeenCalledTimes(2);
    send.mockRestore();
    const health = await request(backend!.server).get('/api/ccc/health');
    expect(health.status).toBe(200);
  });
});
