import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import { metricsServiceMock } from '@backstage/backend-test-utils/alpha';
import { mockCredentials, mockServices, startTestBackend, TestBackend } from '@backstage/backend-test-utils';
import { callDataWindow, RunningSimulator, startSimulator } from '@internal/comtrexx-simulator';
import knexFactory, { Knex } from 'knex';
import { execFile } from 'node:child_process';
import { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import request from 'supertest';
import { pluginServicesProbe } from '../__testUtils__/pluginServicesProbe';
import { cccPlugin } from '../plugin';
import { confirmOnDevice } from '../__testUtils__/confirmOnDevice';

jest.setTimeout(240_000);

/*
 * Database faults: the backend's PostgreSQL is restarted while the status
 * poll writes and while call data are ingested. The backend must come back by
 * itself (no restart of the backend, no manual step), and what it wrote must
 * be whole: every ingested batch is either stored with its cursor or not at
 * all, so the next collection ends with exactly the device's records.
 *
 * Runs only against a PostgreSQL cluster of its own, because it is restarted:
 * `.ci/run` sets it up with scripts/pg-faults-cluster.sh and passes
 * CCC_FAULTS_PG_CONNECTION_STRING and CCC_FAULTS_PG_CLUSTER.
 */
const CONNECTION = process.env.CCC_FAULTS_PG_CONNECTION_STRING;
const CLUSTER = process.env.CCC_FAULTS_PG_CLUSTER;
const describeWithCluster = CONNECTION && CLUSTER ? describe : describe.skip;

const USER = mockCredentials.user.header('user:default/anna');
const DEVICES = 3;
// The simulator's clock stands still on a Wednesday afternoon: its ring buffers are full and do not move.
const DEVICE_NOW = new Date('2026-11-25T15:00:00.000Z');
const PREFIX = 'ccc_dbfaults_';

const run = promisify(execFile);

async function restartCluster() {
  await run('pg_ctlcluster', ['15', CLUSTER!, 'restart', '-m', 'fast']);
}

describeWithCluster('PostgreSQL restarts under the backend', () => {
  let simulator: RunningSimulator;
  let backend: TestBackend;
  /** A connection of the test's own, for counting; it is dropped by each restart too. */
  let admin: () => Knex;
  let adminKnex: Knex | undefined;
  const probe = pluginServicesProbe();
  const systemIds: string[] = [];

  const api = () => request(backend.server);
  const tasks = async (prefix: string) =>
    (await probe.scheduler().getScheduledTasks()).map(t => t.id).filter(id => id.startsWith(prefix));
  const runTasks = async (prefix: string) => {
    await Promise.all((await tasks(prefix)).map(id => probe.scheduler().triggerTask(id)));
  };
  const callDataRows = async () => Number((await admin()('call_data').count({ n: '*' }))[0].n);

  /** Until the API answers again from the database: the backend must heal on its own. */
  async function untilHealed() {
    const started = Date.now();
    for (;;) {
      const res = await api().get('/api/ccc/systems').set('Authorization', USER);
      if (res.status === 200 && res.body.items.length === DEVICES) return Date.now() - started;
      if (Date.now() - started > 60_000) throw new Error(`The backend did not recover: ${res.status} ${res.text}`);
      await new Promise(resolve => setTimeout(resolve, 250));
    }
  }

  beforeAll(async () => {
    // A fresh plugin database on the faults cluster.
    const root = knexFactory({ client: 'pg', connection: `${CONNECTION}/postgres` });
    await root.raw(`DROP DATABASE IF EXISTS ${PREFIX}ccc WITH (FORCE)`);
    await root.destroy();
    admin = () => {
      adminKnex ??= knexFactory({ client: 'pg', connection: `${CONNECTION}/${PREFIX}ccc`, pool: { min: 0, max: 2 } });
      return adminKnex;
    };

    simulator = await startSimulator({ seed: 515, size: DEVICES, now: () => DEVICE_NOW });
    backend = await startTestBackend({
      features: [
        cccPlugin,
        probe.module,
        metricsServiceMock.factory(),
        mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
        databaseServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            backend: { database: { client: 'pg', connection: CONNECTION, prefix: PREFIX } },
            ccc: {
              encryptionKey: 'database-faults-key-0123456789abcdefghijk',
              devices: { urlTemplate: simulator.deviceUrlTemplate, timeoutMs: 5000 },
            },
          },
        }),
      ],
    });
    simulator.setCccPairingUrl(`http://127.0.0.1:${(backend.server.address() as AddressInfo).port}/api/ccc/pairing`);
    for (const [i, device] of simulator.fleet.entries()) {
      Object.assign(device, { firmwareVersion: '2.6.0', maintenance: { active: true, validUntil: '2030-01-01' } });
      const { body } = await api()
        .post('/api/ccc/systems')
        .set('Authorization', USER)
        .send({ name: `PBX ${i}`, serialNumber: device.serialNumber })
        .expect(201);
      systemIds.push(body.system.id);
      const confirmed = await confirmOnDevice(simulator.url, device.serialNumber, body.token.code);
      if (confirmed.status !== 204) throw new Error(`Set-up failed: device ${i} did not pair (${confirmed.status})`);
      await api().post(`/api/ccc/systems/${body.system.id}/refresh`).set('Authorization', USER).expect(200);
    }
  });

  afterAll(async () => {
    await adminKnex?.destroy();
    await backend?.stop();
    await simulator?.close();
  });

  it('is restarted during a call-data ingest: the backend heals, the next collection completes without gaps or doubles', async () => {
    const expected = simulator.fleet.reduce((sum, device) => {
      const { oldest, newest } = callDataWindow(device, DEVICE_NOW);
      return sum + Math.max(0, newest - oldest + 1);
    }, 0);
    expect(expected).toBeGreaterThan(10_000);

    // A collection reads a device's new records, then stores them with the cursor in one transaction.
    // Devices answering at different speeds spread those transactions out; the restart comes right
    // after the first one, while the others are still being read or written.
    simulator.fleet.forEach((device, i) => {
      device.faults.slowMs = 100 + 400 * i;
    });
    const ingest = runTasks('ccc-calldata-poll');
    let before = await callDataRows();
    for (let n = 0; before === 0; n++) {
      if (n > 1200) throw new Error('The ingest did not store anything');
      await new Promise(resolve => setTimeout(resolve, 50));
      before = await callDataRows();
    }
    await restartCluster();
    await adminKnex?.destroy();
    adminKnex = undefined;
    // Whether the collection then failed or carried on over new connections depends on timing;
    // either way the result below must be whole.
    expect(before).toBeLessThan(expected);
    await ingest;
    for (const device of simulator.fleet) device.faults.slowMs = 0;

    await untilHealed();
    await runTasks('ccc-calldata-poll');
    expect(await callDataRows()).toBe(expected);
    // Each system's cursor matches what it stored.
    const perSystem = await admin()('call_data').groupBy('system_id').select('system_id').count({ n: '*' });
    expect(perSystem).toHaveLength(DEVICES);
    const cursors = await admin()('device_cursors').where({ kind: 'calldata' }).select('system_id');
    expect(cursors.map(c => c.system_id).sort()).toEqual([...systemIds].sort());
  });

  it('is restarted during a status poll: the backend heals and the next poll finds every system paired OK', async () => {
    // Slow devices keep the poll going while the database goes down and comes back.
    for (const device of simulator.fleet) device.faults.slowMs = 1500;
    const load = (async () => {
      const statuses: number[] = [];
      for (let n = 0; n < 30; n++) {
        statuses.push((await api().get('/api/ccc/systems').set('Authorization', USER)).status);
        await new Promise(resolve => setTimeout(resolve, 100));
      }
      return statuses;
    })();
    const poll = runTasks('ccc-status-poll');
    await new Promise(resolve => setTimeout(resolve, 500));
    await restartCluster();
    await adminKnex?.destroy();
    adminKnex = undefined;
    await poll;
    // While it was down the API said so (no crash); afterwards it answers again.
    expect((await load).every(status => status === 200 || status === 500 || status === 503)).toBe(true);
    await untilHealed();

    for (const device of simulator.fleet) device.faults.slowMs = 0;
    await runTasks('ccc-status-poll');
    const { body } = await api().get('/api/ccc/systems').set('Authorization', USER).expect(200);
    expect(body.items.map((s: { state: string; paired: boolean }) => [s.state, s.paired])).toEqual(
      Array.from({ length: DEVICES }, () => ['paired_ok', true]),
    );
    // The systems table is whole: every system still has its credentials and facts.
    const rows = await admin()('systems').select('credentials_sealed', 'device_facts');
    expect(rows.every(r => r.credentials_sealed && r.device_facts)).toBe(true);
  });
});
