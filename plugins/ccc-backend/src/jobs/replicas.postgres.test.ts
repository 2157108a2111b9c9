import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { metricsServiceMock } from '@backstage/backend-test-utils/alpha';
import { mockCredentials, mockServices, startTestBackend, TestBackend } from '@backstage/backend-test-utils';
import { createFleet, createSimulatorApp } from '@internal/comtrexx-simulator';
import knexFactory, { Knex } from 'knex';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { cccPlugin } from '../plugin';
import { shardOf } from './shards';
import { confirmOnDevice } from '../__testUtils__/confirmOnDevice';

jest.setTimeout(120_000);

/*
 * Two CCC backends ("replicas") on ONE PostgreSQL database, with Backstage's
 * real scheduler: it keeps its task table (backstage_backend_tasks__tasks) in
 * the plugin database, so both replicas see the same global tasks and each
 * `ccc-status-poll-<i>-of-4` slice runs on one replica at a time.
 *
 * Only on PostgreSQL: the point is two processes' worth of connection pools
 * on one shared database, which SQLite in memory cannot give. `.ci/run` sets
 * BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING in its PostgreSQL
 * step; without it (plain `yarn test`) the suite is skipped.
 */
const describeOnPostgres = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ? describe : describe.skip;

const SHARDS = 4;
const DEVICES = 8;
const ENCRYPTION_KEY = 'replicas-integration-key-0123456789abcdefgh';
// Everything except the status poll waits an hour, so only the status poll touches the devices.
const SLOW = { frequency: { hours: 1 }, timeout: { minutes: 10 }, initialDelay: { hours: 1 } };
const STATUS_PATH = /^\/devices\/([^/]+)\/api\/v1\/system\/info(?:\?|$)/;

type Replica = 'A' | 'B';
/** One status request a device answered: the first call of every status poll. */
interface Poll {
  serial: string;
  at: number;
}
/** One finished round of one slice, as the replica's metrics saw it. */
interface Round {
  replica: Replica;
  shard: string;
  start: number;
  end: number;
}

async function waitFor(what: string, condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

describeOnPostgres('two replicas on one PostgreSQL (POSTGRES_15)', () => {
  const databases = createTestDatabases();
  const polls: Poll[] = [];
  const rounds: Round[] = [];
  const user = mockCredentials.user.header('user:default/anna');
  let server: http.Server;
  let simulatorUrl: string;
  let pairingUrl = 'http://127.0.0.1:9/api/ccc/pairing';
  let knexB: Knex | undefined;
  const backends: Partial<Record<Replica, TestBackend>> = {};
  const fleet = createFleet({ seed: 13, size: DEVICES, now: new Date() });

  /** A metrics service that notes which replica finished which status-poll slice, and when. */
  function recordingMetrics(replica: Replica) {
    return metricsServiceMock.mock({
      createHistogram: ((name: string) => ({
        record: (seconds: number, attributes?: Record<string, unknown>) => {
          if (name !== 'ccc.jobs.duration' || attributes?.job !== 'ccc-status-poll') return;
          const end = Date.now();
          rounds.push({ replica, shard: String(attributes.shard), start: end - seconds * 1000, end });
        },
      })) as any,
    });
  }

  async function startReplica(replica: Replica, knex: Knex): Promise<TestBackend> {
    return startTestBackend({
      features: [
        cccPlugin,
        recordingMetrics(replica).factory,
        // The real scheduler: its task table lives in the database both replicas share.
        schedulerServiceFactory,
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({
          data: {
            ccc: {
              encryptionKey: ENCRYPTION_KEY,
              demo: { enabled: false },
              devices: { urlTemplate: `${simulatorUrl}/devices/{serial}`, timeoutMs: 2000 },
              jobs: { shards: SHARDS },
              schedule: {
                statusPoll: { frequency: { seconds: 2 }, timeout: { seconds: 10 } },
                warningsPoll: SLOW,
                // Backstage's task pollers poll as often as the most frequent task of the plugin asks. A
                // frequent, cheap task (following device jobs; there are none) makes both replicas look for
                // due slices every 250 ms, so which one claims a slice changes often; at the status poll's
                // 2 s the replica that happens to poll just after the slices fall due keeps them for minutes.
                jobsFollow: { frequency: { milliseconds: 250 }, timeout: { minutes: 1 } },
                backupStatus: SLOW,
                monitoringPoll: SLOW,
                registrationPoll: SLOW,
                callDataPoll: SLOW,
                alertMail: SLOW,
              },
            },
          },
        }),
      ],
    });
  }

  beforeAll(async () => {
    // The simulator, with a counter in front: every status request per device serial.
    const app = createSimulatorApp(fleet, { cccPairingUrl: () => pairingUrl });
    server = http.createServer((req, res) => {
      const match = req.method === 'GET' ? STATUS_PATH.exec(req.url ?? '') : null;
      if (!match) {
        app(req, res);
        return;
      }
      polls.push({ serial: decodeURIComponent(match[1]), at: Date.now() });
      app(req, res);
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', () => resolve()));
    simulatorUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await backends.A?.stop();
    await backends.B?.stop();
    await knexB?.destroy();
    await new Promise<void>(resolve => server.close(() => resolve()));
  });

  /**
   * Every poll of a device belongs to exactly one finished round of its slice,
   * and every such round polled each device of the slice exactly once: no
   * device is polled twice per round, none is left out, no replica polls a
   * slice another is polling.
   */
  function expectOncePerRound(since: number, systemIds: Map<string, string>) {
    for (let index = 0; index < SHARDS; index++) {
      const shard = `${index + 1}/${SHARDS}`;
      const shardRounds = rounds.filter(r => r.shard === shard && r.start >= since).sort((a, b) => a.start - b.start);
      expect(shardRounds.length).toBeGreaterThanOrEqual(2);
      // Rounds of one slice never overlap, whichever replica ran them.
      for (let i = 1; i < shardRounds.length; i++) {
        expect(shardRounds[i].start).toBeGreaterThanOrEqual(shardRounds[i - 1].end - 5);
      }
      const from = shardRounds[0].start - 5;
      const to = shardRounds[shardRounds.length - 1].end + 5;
      const serials = [...systemIds].filter(([, id]) => shardOf(id, SHARDS) === index).map(([serial]) => serial);
      for (const serial of serials) {
        const times = polls.filter(p => p.serial === serial && p.at >= from && p.at <= to).map(p => p.at);
        // As many polls as rounds, one in each.
        expect({ serial, shard, polls: times.length }).toEqual({ serial, shard, polls: shardRounds.length });
        for (const round of shardRounds) {
          expect(times.filter(t => t >= round.start - 5 && t <= round.end + 5)).toHaveLength(1);
        }
      }
    }
  }

  it('shares the status poll slice by slice, and the survivor takes over a stopped replica’s slices', async () => {
    const knexA = await databases.init('POSTGRES_15');
    // The second replica gets its own connection pool to the same database, as a second process would.
    knexB = knexFactory(knexA.client.config);

    const started = Date.now();
    // A first start migrates the database (a previous deployment, say); then both replicas start
    // together, as a rolling deployment would, so neither has a head start in claiming the slices.
    // Backstage's scheduler does not balance: whichever replica's task poller sees a slice due first
    // claims it, so a replica started well before the other tends to keep every slice for a long time.
    await (await startReplica('A', knexA)).stop();
    [backends.A, backends.B] = await Promise.all([startReplica('A', knexA), startReplica('B', knexB)]);
    // Both replicas see the same task table, with one row per slice.
    const tasks = await knexB('backstage_backend_tasks__tasks').where('id', 'like', 'ccc-status-poll-%').select('id');
    expect(tasks.map(t => t.id).sort()).toEqual(
      Array.from({ length: SHARDS }, (_, i) => `ccc-status-poll-${i + 1}-of-${SHARDS}`),
    );

    // Register and pair the fleet through replica A; the simulator confirms by calling A's /pairing.
    const { port } = backends.A.server.address() as AddressInfo;
    pairingUrl = `http://127.0.0.1:${port}/api/ccc/pairing`;
    const systemIds = new Map<string, string>();
    for (const [i, device] of fleet.entries()) {
      const { body } = await request(backends.A.server)
        .post('/api/ccc/systems')
        .set('Authorization', user)
        .send({ name: `PBX ${i + 1}`, serialNumber: device.serialNumber })
        .expect(201);
      const confirmed = await confirmOnDevice(simulatorUrl, device.serialNumber, body.token.code);
      expect(confirmed.status).toBe(204);
      systemIds.set(device.serialNumber, body.system.id);
    }
    // The pairing route reads the device's status once, 500 ms after answering it (router.ts): let those
    // reads pass, so that from here on every status request comes from a status-poll round.
    await new Promise(resolve => setTimeout(resolve, 1500));
    const paired = Date.now();

    // Phase 1: both replicas run. Every device is polled a few times, and both replicas ran slices.
    const pollsSince = (since: number, serial: string) => polls.filter(p => p.serial === serial && p.at >= since).length;
    const shardLabels = Array.from({ length: SHARDS }, (_, i) => `${i + 1}/${SHARDS}`);
    const roundsSince = (since: number, shard: string, replica?: Replica) =>
      rounds.filter(r => r.shard === shard && r.start >= since && (!replica || r.replica === replica)).length;
    await waitFor(
      'three rounds of every slice, every device polled 3 times and slices run on both replicas',
      () =>
        shardLabels.every(shard => roundsSince(paired, shard) >= 3) &&
        fleet.every(d => pollsSince(paired, d.serialNumber) >= 3) &&
        rounds.some(r => r.replica === 'A' && r.start >= paired) &&
        rounds.some(r => r.replica === 'B' && r.start >= paired),
      60_000,
    );
    expectOncePerRound(paired, systemIds);
    const phase1 = rounds.filter(r => r.start >= paired);
    const slicesBy = (replica: Replica, list: Round[]) => [...new Set(list.filter(r => r.replica === replica).map(r => r.shard))].sort();
    // eslint-disable-next-line no-console
    console.log(
      `replicas: ${Date.now() - started} ms to phase 1; rounds A ${phase1.filter(r => r.replica === 'A').length} (${slicesBy('A', phase1)}),` +
        ` B ${phase1.filter(r => r.replica === 'B').length} (${slicesBy('B', phase1)});` +
        ` devices per slice ${shardLabels.map((_, i) => [...systemIds.values()].filter(id => shardOf(id, SHARDS) === i).length)}`,
    );

    // Phase 2: replica A stops; B runs every slice, and every device is still polled.
    await backends.A.stop();
    delete backends.A;
    const stopped = Date.now();
    await waitFor(
      'replica B running every slice twice and every device polled twice after A stopped',
      () =>
        shardLabels.every(shard => roundsSince(stopped, shard, 'B') >= 2) &&
        fleet.every(d => pollsSince(stopped, d.serialNumber) >= 2),
      30_000,
    );
    // A stopped: it starts no more rounds.
    expect(rounds.filter(r => r.replica === 'A' && r.start >= stopped)).toEqual([]);
    expectOncePerRound(stopped, systemIds);
    // eslint-disable-next-line no-console
    console.log(`replicas: done after ${Date.now() - started} ms`);
  });
});
