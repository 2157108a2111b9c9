/*
 * Fleet benchmark (issue #13): status-poll rounds by one and by two replicas,
 * the systems list and a call-data page under load, and the catalog refresh,
 * each against a baseline measured in the same run. The parts live in
 * bench/fleet/; every table says what shares the machine.
 *
 * Run: npm run bench:fleet   (or: npx tsx bench/fleet.bench.ts 100 1000 10000)
 * Settings (environment):
 *   CCC_BENCH_POSTGRES      PostgreSQL server; default the local CI cluster
 *                           (postgresql://ccc_ci:…@127.0.0.1:5432), "off" to
 *                           leave PostgreSQL out. The benchmark creates and
 *                           drops a database of its own there (an interrupted
 *                           run leaves ccc_fleet_bench_<pid> behind).
 *   CCC_BENCH_PARTS         any of status,list,calldata,catalog (default all)
 *   CCC_BENCH_CALL_DATA_RECORDS  records of the call-data system (default 100000)
 */
import { createCccDatabase } from '@internal/plugin-ccc-backend/src/database/CccDatabase';
import os from 'node:os';
import { benchCallDataPage, ingestCallData } from './fleet/callDataPage';
import { benchCatalogRefresh, CatalogRow } from './fleet/catalogRefresh';
import { startCccBackend } from './fleet/cccBackend';
import { ChildWorker } from './fleet/childWorker';
import {
  BenchDatabase,
  copySystems,
  createPostgresDatabase,
  createSqliteDatabase,
  DEFAULT_POSTGRES_URL,
} from './fleet/databases';
import { LOAD_LEVELS, LoadRow } from './fleet/httpLoad';
import { CountingSimulator, registerFleet, startCountingSimulator } from './fleet/simulatedFleet';
import {
  NEXT_ROUNDS,
  plainRequestBaseline,
  replicaRounds,
  SHARD_COUNT,
  SLICE_CONCURRENCY,
  StatusRow,
} from './fleet/statusRounds';
import { benchSystemsList, grantFewSystems } from './fleet/systemsList';
import { ms, printTable, seconds } from './fleet/table';

const PARTS = ['status', 'list', 'calldata', 'catalog'] as const;
type Part = (typeof PARTS)[number];

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter(n => Number.isInteger(n) && n > 0);
const postgresUrl = process.env.CCC_BENCH_POSTGRES ?? DEFAULT_POSTGRES_URL;
const parts = new Set(
  (process.env.CCC_BENCH_PARTS ?? PARTS.join(','))
    .split(',')
    .map(p => p.trim())
    .filter((p): p is Part => (PARTS as readonly string[]).includes(p)),
);
const callDataRecords = Number(process.env.CCC_BENCH_CALL_DATA_RECORDS ?? 100_000);

function machine(): string {
  const cpus = os.cpus();
  return (
    `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
    `Node ${process.versions.node}, ${os.type()} ${os.release()}`
  );
}

function loadAverage(): string {
  return os
    .loadavg()
    .map(l => l.toFixed(2))
    .join(' ');
}

/** Progress goes to stderr, so that stdout is the report alone. */
function progress(message: string) {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

async function benchSize(size: number, withCallData: boolean) {
  console.log(`\n## ${size.toLocaleString('en-US')} systems\n`);
  const simulator = await startCountingSimulator(size);
  const databases: BenchDatabase[] = [];
  try {
    const sqlite = await createSqliteDatabase();
    databases.push(sqlite);
    progress(`${size}: registering and pairing the fleet`);
    let started = performance.now();
    const systemIds = await registerFleet(createCccDatabase(sqlite.knex), simulator);
    console.log(
      `Set-up: ${size} systems registered and paired through SystemsService in ` +
        `${seconds((performance.now() - started) / 1000)} s (SQLite).`,
    );
    const postgres =
      postgresUrl === 'off'
        ? 'PostgreSQL switched off (CCC_BENCH_POSTGRES=off)'
        : await createPostgresDatabase(postgresUrl, `ccc_fleet_bench_${process.pid}`);
    if (typeof postgres === 'string') {
      console.log(`${postgres}: the PostgreSQL rows and the two-replica rounds are left out.`);
    } else {
      databases.push(postgres);
      started = performance.now();
      await copySystems(sqlite.knex, postgres.knex);
      console.log(`Set-up: systems copied to PostgreSQL in ${seconds((performance.now() - started) / 1000)} s.`);
    }
    if (parts.has('status')) await benchStatus(size, simulator, databases);
    if (parts.has('list') || parts.has('catalog') || (withCallData && parts.has('calldata'))) {
      await benchHttpParts(size, systemIds, databases, simulator.deviceUrlTemplate, withCallData && parts.has('calldata'));
    }
  } finally {
    for (const db of databases) await db.remove();
    await simulator.close();
  }
}

async function benchStatus(size: number, simulator: CountingSimulator, databases: BenchDatabase[]) {
  const all = Array.from({ length: SHARD_COUNT }, (_, i) => i);
  progress(`${size}: plain requests`);
  const rows: StatusRow[] = [await plainRequestBaseline(simulator)];
  for (const db of databases) {
    progress(`${size}: one replica on ${db.label}`);
    rows.push(...(await replicaRounds(`1 replica, ${db.label}`, db, simulator, [all])));
  }
  const pg = databases.find(db => db.label === 'PostgreSQL');
  if (pg) {
    progress(`${size}: two replicas on PostgreSQL`);
    const half = SHARD_COUNT / 2;
    rows.push(
      ...(await replicaRounds('2 replicas, PostgreSQL', pg, simulator, [all.slice(0, half), all.slice(half)])),
    );
  }
  console.log(
    `\n### Status poll round\n\n` +
      `SystemsService.refreshAll per slice: ${SHARD_COUNT} slices (ccc.jobs.shards default), ${SLICE_CONCURRENCY} ` +
      `devices at a time per slice, a replica's slices started together (${SHARD_COUNT * SLICE_CONCURRENCY} in flight ` +
      `in all); two replicas run ${SHARD_COUNT / 2} slices each. Each replica is a child process with its own ` +
      `database pool; "CCC CPU" is theirs (on SQLite including the database engine, which runs inside them). ` +
      `"PostgreSQL CPU": the server processes of the replicas' connections, read from /proc. The simulator runs ` +
      `in the benchmark's process ("simulator CPU"): replicas, database and simulator share this machine's cores. ` +
      `A system is polled with system/info, ccc/access, maintenance, and the remote session where remote ` +
      `configuration is allowed (a third of the seed's fleet); the first round of a fresh replica also logs in to ` +
      `every device; then ${NEXT_ROUNDS} more rounds, of which the median is shown. Baseline: one plain GET of ` +
      `system/info per device from a child process, as many in flight.\n`,
  );
  printTable(
    [
      'setup',
      'round',
      'wall s',
      'wall s, fastest–slowest',
      'CCC CPU s',
      'cores used',
      'simulator CPU s',
      'PostgreSQL CPU s',
      'device requests',
      'systems in error',
      'wall s per replica',
      'note',
    ],
    rows.map(r => [
      r.setup,
      r.round,
      seconds(r.seconds),
      r.range ? r.range.map(seconds).join('–') : '',
      seconds(r.cpuSeconds),
      (r.cpuSeconds / r.seconds).toFixed(2),
      seconds(r.simulatorCpuSeconds),
      r.databaseCpuSeconds === undefined ? '' : seconds(r.databaseCpuSeconds),
      String(r.requests),
      String(r.errors),
      r.perReplica?.map(seconds).join(' / ') ?? '',
      r.note ?? '',
    ]),
  );
  const next = (setup: string) => rows.find(r => r.setup === setup && r.range);
  const one = next('1 replica, PostgreSQL');
  const two = next('2 replicas, PostgreSQL');
  if (one && two) {
    console.log(
      `\nTwo replicas against one (PostgreSQL, median of the next rounds): ×${(one.seconds / two.seconds).toFixed(2)} in wall ` +
        `time. Reported, not a target: both replicas and the simulator share this machine's ${os.cpus().length} cores.`,
    );
  }
}

/** Systems list, call-data page and catalog refresh; each database gets a backend of its own. */
async function benchHttpParts(
  size: number,
  systemIds: string[],
  databases: BenchDatabase[],
  deviceUrlTemplate: string,
  withCallData: boolean,
) {
  const listRows: LoadRow[] = [];
  const callDataRows: LoadRow[] = [];
  const catalogRows: CatalogRow[] = [];
  const notes: string[] = [];
  const client = await ChildWorker.start();
  try {
    for (const db of databases) {
      if (withCallData) {
        progress(`${size}: storing call data on ${db.label}`);
        const took = await ingestCallData(db, systemIds[0], callDataRecords);
        notes.push(`${callDataRecords} call-data records of one system stored through the call-data store in ${seconds(took)} s (${db.label})`);
      }
      await db.settle();
      const backend = await startCccBackend(db.knex, deviceUrlTemplate);
      try {
        await grantFewSystems(backend, systemIds);
        if (parts.has('list')) {
          progress(`${size}: systems list on ${db.label}`);
          listRows.push(...(await benchSystemsList(db, backend, client, size)));
        }
        if (withCallData) {
          progress(`${size}: call-data page on ${db.label}`);
          callDataRows.push(...(await benchCallDataPage(db, backend, client, systemIds[0], callDataRecords)));
        }
        if (parts.has('catalog')) {
          progress(`${size}: catalog refresh on ${db.label}`);
          catalogRows.push(...(await benchCatalogRefresh(db, backend, size)));
        }
      } finally {
        await backend.stop();
      }
    }
  } finally {
    await client.stop();
  }

  const bounds = LOAD_LEVELS.map(b => `${b.concurrency} in flight: at most ${b.maxRequests} requests or ${b.maxSeconds} s`);
  const loadTable = (rows: LoadRow[]) =>
    printTable(
      ['database', 'scenario', 'via', 'in flight', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'caller CPU s', 'failed'],
      rows.map(r => [
        r.database,
        r.scenario,
        r.via,
        String(r.concurrency),
        String(r.summary.requests),
        r.summary.perSecond.toFixed(1),
        ms(r.summary.p50Ms),
        ms(r.summary.p95Ms),
        ms(r.summary.p99Ms),
        seconds(r.summary.cpuSeconds),
        r.summary.failures > 0 ? `${r.summary.failures}: ${r.summary.firstError}` : '0',
      ]),
    );
  const setup =
    `The CCC backend (Backstage test backend: the ccc plugin, the real permission backend with the CCC policy, ` +
    `real HTTP auth with mock tokens) runs in the benchmark's process; the load comes from one child process over ` +
    `loopback, a closed loop with a fixed number in flight (${bounds.join('; ')}). "plain SQL" runs the equivalent ` +
    `query by hand through knex in the benchmark's process, same bounds. Caller CPU: the load generator's process ` +
    `for HTTP, the benchmark's process for SQL (with SQLite that includes the database engine, which runs inside ` +
    `its caller). PostgreSQL was VACUUM ANALYZEd after loading, as autovacuum would have done on a server in use.`;
  if (listRows.length > 0) {
    console.log(
      `\n### Systems list under load\n\nGET /systems as the systems page asks for it (one page of 25, sorted and ` +
        `filtered by the backend), and the whole list as pickers and the catalog provider read it, as a fleet ` +
        `administrator (allowed without conditions) and as a user with the Monitoring role on 5 systems (the ` +
        `policy's conditions become SQL). ${setup}\n`,
    );
    loadTable(listRows);
  }
  if (callDataRows.length > 0) {
    console.log(
      `\n### Call-data page under load\n\n${notes.join('; ')}. GET /systems/:id/calldata as the Call data tab asks ` +
        `(50 rows, newest first, with the total count) as the system's owner. ${setup}\n`,
    );
    loadTable(callDataRows);
  }
  if (catalogRows.length > 0) {
    console.log(
      `\n### Catalog refresh\n\nThe entity provider's own refresh (service token, GET /systems from the running ` +
        `backend, one entity per system, one full mutation), median of 3 runs; its CPU is the benchmark's process, ` +
        `which serves the request too. The connection keeps the mutation: what a catalog then does with the entities ` +
        `is not measured. Baseline: reading the rows with a plain SELECT.\n`,
    );
    printTable(
      ['database', 'what', 'wall ms', 'CPU ms', 'entities / rows', 'mutation MB'],
      catalogRows.map(r => [
        r.database,
        r.what,
        ms(r.seconds * 1000),
        ms(r.cpuSeconds * 1000),
        String(r.entities),
        r.megabytes?.toFixed(1) ?? '',
      ]),
    );
  }
}

async function main() {
  const list = sizes.length > 0 ? sizes : [100, 1000, 10000];
  console.log(`# Fleet benchmark\n`);
  console.log(`Machine: ${machine()}`);
  console.log(`Started ${new Date().toISOString()}, load average ${loadAverage()} (other work on the machine shows here).`);
  console.log(`Parts: ${[...parts].join(', ')}; sizes: ${list.join(', ')}.`);
  const largest = Math.max(...list);
  for (const [i, size] of list.entries()) {
    // A call-data page depends on one system's records, not on the fleet: measured once, with the largest fleet.
    await benchSize(size, i === list.indexOf(largest));
  }
  console.log(`\nFinished ${new Date().toISOString()}, load average ${loadAverage()}.`);
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
