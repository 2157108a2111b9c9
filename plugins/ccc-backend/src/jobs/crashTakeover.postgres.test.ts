import { mockServices } from '@backstage/backend-test-utils';
import { createFleet, createSimulatorApp } from '@internal/comtrexx-simulator';
import knexFactory, { Knex } from 'knex';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCccDatabase } from '../database/CccDatabase';
import { migrateDatabase } from '../database/migrateDatabase';
import { HttpDeviceClient } from '../device/HttpDeviceClient';
import { SecretBox } from '../secrets/SecretBox';
import { SystemsService } from '../systems/SystemsService';
import { shardOf } from './shards';

jest.setTimeout(240_000);

/*
 * A replica dies in the middle of a status-poll slice (SIGKILL: no shutdown
 * hooks, its lock stays in the database). The other replica, a real process
 * with Backstage's standard scheduler, must run that slice again once the
 * lock's timeout has passed — Backstage's scheduler janitor releases it,
 * which only runs outside NODE_ENV=test, hence real processes — and poll
 * every device of it, without two polls of one device ever overlapping.
 *
 * PostgreSQL only (the PostgreSQL step of .ci/run sets the variable).
 */
const PG = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
const describeOnPostgres = PG ? describe : describe.skip;

const SHARDS = 4;
const DEVICES = 8;
const KEY = 'crash-takeover-key-0123456789abcdefghijklm';
const TIMEOUT_SECONDS = 8;
// Backstage's janitor looks for expired locks once a minute.
const JANITOR_SECONDS = 60;
const STATUS_PATH = /^\/(A|B)\/devices\/([^/]+)(\/api\/v1\/system\/info(?:\?.*)?)$/;
const DEVICE_PATH = /^\/(A|B)(\/devices\/.*)$/;
const SLOW = { frequency: { hours: 1 }, timeout: { minutes: 10 }, initialDelay: { hours: 1 } };

type Replica = 'A' | 'B';
interface Poll {
  replica: Replica;
  serial: string;
  start: number;
  end?: number;
}

async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>(resolve => server.close(() => resolve()));
  return port;
}

async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

describeOnPostgres('a replica killed mid-slice (POSTGRES_15)', () => {
  const prefix = `ccc_crash_${process.pid}_`;
  const polls: Poll[] = [];
  const fleet = createFleet({ seed: 77, size: DEVICES, now: new Date() });
  const processes: Partial<Record<Replica, ChildProcess>> = {};
  const output: Record<Replica, string[]> = { A: [], B: [] };
  let proxy: http.Server;
  let proxyUrl: string;
  let dir: string;
  let knex: Knex;
  const systemIds = new Map<string, string>();

  async function startReplica(replica: Replica): Promise<ChildProcess> {
    const port = await freePort();
    const config = {
      backend: {
        baseUrl: `http://127.0.0.1:${port}`,
        listen: { port, host: '127.0.0.1' },
        database: { client: 'pg', connection: PG, prefix },
      },
      ccc: {
        encryptionKey: KEY,
        devices: { urlTemplate: `${proxyUrl}/${replica}/devices/{serial}`, timeoutMs: 6000 },
        jobs: { shards: SHARDS },
        schedule: {
          statusPoll: { frequency: { seconds: 2 }, timeout: { seconds: TIMEOUT_SECONDS } },
          jobsFollow: { frequency: { milliseconds: 500 }, timeout: { minutes: 1 } },
          warningsPoll: SLOW,
          backupStatus: SLOW,
          monitoringPoll: SLOW,
          registrationPoll: SLOW,
          callDataPoll: SLOW,
          alertMail: SLOW,
        },
      },
    };
    const configPath = join(dir, `replica-${replica}.yaml`);
    // JSON is YAML.
    writeFileSync(configPath, JSON.stringify(config));
    const child = spawn(
      process.execPath,
      [require.resolve('tsx/cli'), join(__dirname, '..', '__testUtils__', 'replicaBackend.ts'), '--config', configPath],
      // Not "test": Backstage's scheduler janitor only runs outside tests.
      { env: { ...process.env, NODE_ENV: 'development' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    );
    child.stdout!.on('data', chunk => output[replica].push(String(chunk)));
    child.stderr!.on('data', chunk => output[replica].push(String(chunk)));
    processes[replica] = child;
    await waitFor(
      `replica ${replica} to answer`,
      async () => {
        if (child.exitCode !== null) throw new Error(`Replica ${replica} exited:\n${output[replica].join('')}`);
        return fetch(`http://127.0.0.1:${port}/api/ccc/health`).then(
          res => res.status === 200,
          () => false,
        );
      },
      90_000,
    );
    return child;
  }

  const kill = (replica: Replica) => {
    const child = processes[replica];
    if (child?.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ccc-crash-'));
    // The simulator behind a proxy that notes which replica polls which device, from when to when.
    const app = createSimulatorApp(fleet, { cccPairingUrl: () => 'http://127.0.0.1:9/api/ccc/pairing' });
    proxy = http.createServer((req, res) => {
      const status = req.method === 'GET' ? STATUS_PATH.exec(req.url ?? '') : null;
      if (status) {
        const poll: Poll = { replica: status[1] as Replica, serial: decodeURIComponent(status[2]), start: Date.now() };
        polls.push(poll);
        res.on('close', () => {
          poll.end = Date.now();
        });
      }
      const device = DEVICE_PATH.exec(req.url ?? '');
      if (device) req.url = device[2];
      app(req, res);
    });
    await new Promise<void>(resolve => proxy.listen(0, '127.0.0.1', () => resolve()));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;

    // The plugin database the replicas will share, with a paired fleet in it.
    const root = knexFactory({ client: 'pg', connection: `${PG}/postgres` });
    await root.raw(`DROP DATABASE IF EXISTS ${prefix}ccc WITH (FORCE)`);
    await root.raw(`CREATE DATABASE ${prefix}ccc`);
    await root.destroy();
    knex = knexFactory({ client: 'pg', connection: `${PG}/${prefix}ccc` });
    await migrateDatabase(mockServices.database({ knex }));
    const systems = new SystemsService({
      db: createCccDatabase(knex),
      secrets: new SecretBox(KEY),
      devices: new HttpDeviceClient({ timeoutMs: 5000 }),
      logger: mockServices.logger.mock(),
      deviceUrlTemplate: `${proxyUrl}/A/devices/{serial}`,
    });
    for (const [i, device] of fleet.entries()) {
      const credentials = { username: 'ccc-api', password: `crash-${i}-pw` };
      device.ccc = { ...device.ccc, state: 'confirmed', apiUser: credentials };
      device.maintenance = { active: true, validUntil: '2030-01-01' };
      device.firmwareVersion = '2.6.0';
      const { system, token } = await systems.register({ name: `PBX ${i}`, serialNumber: device.serialNumber }, 'user:default/anna');
      await systems.pair({ serialNumber: device.serialNumber, token: token.code, credentials });
      systemIds.set(device.serialNumber, system.id);
    }
  });

  afterAll(async () => {
    kill('A');
    kill('B');
    await knex?.destroy();
    await new Promise<void>(resolve => proxy?.close(() => resolve()));
    if (dir) rmSync(dir, { recursive: true, force: true });
    const root = knexFactory({ client: 'pg', connection: `${PG}/postgres` });
    await root.raw(`DROP DATABASE IF EXISTS ${prefix}ccc WITH (FORCE)`).catch(() => undefined);
    await root.destroy();
  });

  it('lets the survivor run the dead replica’s slice after its timeout, polling every device once at a time', async () => {
    // Slow answers keep each slice busy for a while, so A surely dies in the middle of one.
    for (const device of fleet) device.faults.slowMs = 1500;
    await startReplica('A');
    await startReplica('B');
    await waitFor('A to poll', () => polls.some(p => p.replica === 'A' && p.end === undefined), 60_000);
    const inFlight = polls.find(p => p.replica === 'A' && p.end === undefined)!;
    const killedShard = shardOf(systemIds.get(inFlight.serial)!, SHARDS);
    kill('A');
    const killedAt = Date.now();

    // The slice stays locked by the dead replica until its timeout, then the janitor frees it and B runs it.
    const slice = [...systemIds].filter(([, id]) => shardOf(id, SHARDS) === killedShard).map(([serial]) => serial);
    await waitFor(
      'B to poll every device of the dead replica’s slice',
      () => slice.every(serial => polls.some(p => p.replica === 'B' && p.serial === serial && p.start > killedAt && p.end)),
      (TIMEOUT_SECONDS + JANITOR_SECONDS + 30) * 1000,
    );
    // And the rest of the fleet is not forgotten either.
    await waitFor(
      'B to poll the whole fleet',
      () => fleet.every(d => polls.some(p => p.replica === 'B' && p.serial === d.serialNumber && p.start > killedAt && p.end)),
      30_000,
    );
    // Not before the dead replica's lock ran out: a slice never runs twice at once. (Its devices are
    // polled side by side, so the dead round began when its in-flight poll did.)
    const takeover = Math.min(
      ...polls.filter(p => p.replica === 'B' && p.start > killedAt && slice.includes(p.serial)).map(p => p.start),
    );
    expect(takeover - inFlight.start).toBeGreaterThanOrEqual(TIMEOUT_SECONDS * 1000 - 1000);

    // Nothing polled twice at once: per device, each poll begins after the previous one ended.
    for (const device of fleet) {
      const own = polls.filter(p => p.serial === device.serialNumber && p.start > killedAt).sort((a, b) => a.start - b.start);
      for (let i = 1; i < own.length; i++) {
        expect({ serial: device.serialNumber, overlaps: own[i].start < (own[i - 1].end ?? Infinity) - 5 }).toEqual({
          serial: device.serialNumber,
          overlaps: false,
        });
      }
    }
    // Every system was seen again after the crash: nothing lost. (A poll's answer is written just after it ends.)
    const seenAfterCrash = async () =>
      (await knex('systems').select('last_seen_at')).every(row => Date.parse(row.last_seen_at) > killedAt);
    await waitFor('every system to be seen after the crash', seenAfterCrash, 15_000).catch(() => undefined);
    const rows = await knex('systems').select('serial_number', 'last_seen_at', 'state');
    for (const row of rows) {
      expect({ serial: row.serial_number, state: row.state, seenAfterCrash: Date.parse(row.last_seen_at) > killedAt }).toEqual({
        serial: row.serial_number,
        state: 'paired_ok',
        seenAfterCrash: true,
      });
    }
  });
});
