/*
 * Benchmark of the call data at scale (issue #9), on SQLite and PostgreSQL, each figure beside a baseline
 * measured in the same run on the same data:
 *  - ingest: the collection's write path (fingerprint, insert-or-ignore in chunks, cursor, one transaction per
 *    device page of 500 records) against a plain batched insert of the same rows into a table with the same
 *    columns and only a primary key;
 *  - pages as the API serves them (CallDataService: the page, one more row to know of a next page, and the total
 *    count) against the page's plain SQL query alone, p50/p95: a system's week and the fleet's day in the default
 *    order (newest first), the same sorted by duration, and (no target) free text and extension filters;
 *  - CSV export (gespr_dat.csv of the fleet) in rows/s against a plain streamed SELECT written as naive CSV, and
 *    the export's peak heap at 100 k and 1 M rows (flat means memory does not grow with the rows);
 *  - statistics of one month of a 500-extension PBX, and of the same month over the fleet, against one plain
 *    count over the same records and against loading the records into memory.
 *
 * Run: npm run bench:calldata   (or: npx tsx bench/callData.bench.ts 100000 1000000 --db=sqlite,postgres)
 * PostgreSQL: CCC_BENCH_POSTGRES (default postgresql://ccc_ci:ci_Pg15_k9Tz@127.0.0.1:5432); the benchmark creates
 * its own database there and drops it at the end.
 */
import { CallDataService, CsvSink } from '@internal/plugin-ccc-backend/src/callData/CallDataService';
import { toNewCallData } from '@internal/plugin-ccc-backend/src/callData/fingerprint';
import { CccDatabase, createCccDatabase } from '@internal/plugin-ccc-backend/src/database/CccDatabase';
import { migrationsDir } from '@internal/plugin-ccc-backend/src/database/migrateDatabase';
import { DeviceCallData } from '@internal/plugin-ccc-backend/src/device/DeviceClient';
import { HttpDeviceClient } from '@internal/plugin-ccc-backend/src/device/HttpDeviceClient';
import { SecretBox } from '@internal/plugin-ccc-backend/src/secrets/SecretBox';
import { SystemsService } from '@internal/plugin-ccc-backend/src/systems/SystemsService';
import knexFactory, { Knex } from 'knex';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

const silent = { info() {}, warn() {}, error() {}, debug() {}, child: () => silent } as never;
const OWNER = 'user:default/bench';
/** Systems of the fleet the records are spread over. */
const SYSTEMS = 100;
/** The records cover one year. */
const YEAR_START = Date.parse('2025-01-01T00:00:00.000Z');
const YEAR_MS = 365 * 86_400_000;
const DAY_MS = 86_400_000;
/** Records of one device page: the collection writes them in one transaction. */
const DEVICE_PAGE = 500;
/** Records whose ingest is timed (both ways), at most. */
const INGEST_SAMPLE = 100_000;
const PAGE_RUNS = Number(process.env.PAGE_RUNS ?? 40);
const WARMUP = 3;
const STATS_RUNS = Number(process.env.STATS_RUNS ?? 5);
/** The 500-extension PBX: its month. */
const PBX_EXTENSIONS = 500;
const PBX_CALLS_PER_EXTENSION_DAY = 10;
const PBX_MONTH_FROM = '2025-06-01T00:00:00.000Z';
const PBX_MONTH_TO = '2025-07-01T00:00:00.000Z';

/** Same numbers every run: a small PRNG seeded per record. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Record `i` of `n`: spread over the year in time order (as collected), over the systems, business-like fields. */
function deviceRecord(i: number, n: number, options: { extensions?: number; startMs?: number } = {}): DeviceCallData {
  const r = random(i * 2654435761 + 17);
  const success = r() < 0.8;
  const extension = 200 + Math.floor(r() * (options.extensions ?? 60));
  const forwarded = r() < 0.1;
  return {
    CallDataId: i + 1,
    startDate: new Date(options.startMs ?? YEAR_START + Math.floor((i / n) * YEAR_MS + r() * 60_000)).toISOString(),
    length: success ? Math.min(7_200, Math.round(-Math.log(1 - r()) * 180)) : 5 + Math.floor(r() * 35),
    externalName: r() < 0.5 ? `Kunde ${Math.floor(r() * 5_000)}` : '',
    externalPhoneNumber: `0${Math.floor(1e9 + r() * 9e9)}`,
    msn: `030123456${Math.floor(r() * 10)}`,
    userNumber: String(extension),
    userName: `Nutzer ${extension}`,
    connectedUserNumber: forwarded ? String(extension + 1) : String(extension),
    connectedUserName: `Nutzer ${forwarded ? extension + 1 : extension}`,
    groupNumber: '',
    groupName: '',
    cost: null,
    costFactor: null,
    direction: r() < 0.5 ? 'Incoming' : 'Outgoing',
    callType: forwarded ? 'CfIntern' : 'Normal',
    success,
  };
}

/** The row a plain insert writes: the same columns the store writes. */
function plainRow(systemId: string, record: DeviceCallData, at: string) {
  const c = toNewCallData(record);
  return {
    system_id: systemId,
    fingerprint: c.fingerprint,
    device_id: c.deviceId,
    start_at: c.startAt,
    duration_seconds: c.durationSeconds,
    external_number: c.externalNumber,
    external_name: c.externalName,
    msn: c.line,
    user_number: c.billingNumber,
    user_name: c.billingName,
    connected_user_number: c.realNumber,
    connected_user_name: c.realName,
    group_number: c.groupNumber,
    group_name: c.groupName,
    cost: c.cost,
    cost_factor: c.costFactor,
    direction: c.direction,
    call_type: c.callType,
    success: c.success,
    collected_at: at,
  };
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function timeMs(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/** p50 and p95 in ms of `runs` calls (after warm-up), call `k` gets k so that each run asks for another window. */
async function latency(runs: number, fn: (k: number) => Promise<unknown>) {
  for (let k = 0; k < WARMUP; k++) await fn(runs + k);
  const samples: number[] = [];
  for (let k = 0; k < runs; k++) samples.push(await timeMs(() => fn(k)));
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

/** Peak heap above the start while `fn` runs, sampled every 10 ms. */
async function peakHeap<T>(fn: () => Promise<T>): Promise<{ result: T; peakMb: number; seconds: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.memoryUsage().heapUsed;
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 10);
  const started = performance.now();
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    return { result, peakMb: (peak - start) / 2 ** 20, seconds: (performance.now() - started) / 1000 };
  } finally {
    clearInterval(timer);
  }
}

/** A sink that takes everything at once, as a fast client would. */
function nullSink(): CsvSink & { bytes: number } {
  const sink = {
    bytes: 0,
    begin() {},
    async write(text: string) {
      sink.bytes += text.length;
    },
    closed: () => false,
  };
  return sink;
}

interface Target {
  name: string;
  open(): Promise<{ knex: Knex; close(): Promise<void> }>;
}

function sqliteTarget(): Target {
  return {
    name: 'SQLite',
    async open() {
      const dir = mkdtempSync(join(os.tmpdir(), 'ccc-bench-calldata-'));
      const knex = knexFactory({
        client: 'better-sqlite3',
        connection: { filename: join(dir, 'ccc.sqlite') },
        useNullAsDefault: true,
      });
      return {
        knex,
        async close() {
          await knex.destroy();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  };
}

function postgresTarget(connection: string): Target {
  return {
    name: 'PostgreSQL',
    async open() {
      const database = `ccc_bench_calldata_${process.pid}_${Date.now()}`;
      // Without a database in the string, the maintenance database postgres serves to create and drop ours.
      const adminUrl = new URL(connection);
      if (adminUrl.pathname.length <= 1) adminUrl.pathname = '/postgres';
      const admin = knexFactory({ client: 'pg', connection: adminUrl.toString() });
      await admin.raw(`create database ${database}`);
      const url = new URL(connection);
      url.pathname = `/${database}`;
      const knex = knexFactory({ client: 'pg', connection: url.toString(), pool: { min: 1, max: 4 } });
      return {
        knex,
        async close() {
          await knex.destroy();
          await admin.raw(`drop database if exists ${database}`);
          await admin.destroy();
        },
      };
    },
  };
}

async function registerFleet(db: CccDatabase, count: number, prefix: string): Promise<string[]> {
  const systems = new SystemsService({
    db,
    secrets: new SecretBox('benchmark-key-0123456789abcdefghijklmnopqr'),
    devices: new HttpDeviceClient(),
    logger: silent,
  });
  const ids: string[] = [];
  for (let s = 0; s < count; s++) {
    const { system } = await systems.register(
      { name: `PBX ${prefix}${s}`, serialNumber: `CTX${prefix}${String(s).padStart(8, '0')}` },
      OWNER,
    );
    ids.push(system.id);
  }
  return ids;
}

/** Records [from, to) of `n` as device pages per system, in time order. */
function* devicePages(from: number, to: number, n: number, systemIds: string[]) {
  for (let start = from; start < to; start += DEVICE_PAGE * systemIds.length) {
    const bySystem = new Map<string, DeviceCallData[]>();
    for (let i = start; i < Math.min(to, start + DEVICE_PAGE * systemIds.length); i++) {
      const id = systemIds[i % systemIds.length];
      const list = bySystem.get(id) ?? [];
      list.push(deviceRecord(i, n));
      bySystem.set(id, list);
    }
    yield* bySystem.entries();
  }
}

/** The collection's write path: one transaction per device page, records and cursor. */
async function ingest(db: CccDatabase, systemId: string, records: DeviceCallData[], at: string) {
  await db.transaction(async tx => {
    await tx.callData.addRecords(systemId, records.map(toNewCallData), at);
    await tx.callData.setCursor(systemId, JSON.stringify({ afterId: records[records.length - 1].CallDataId }), at);
  });
}

async function run(target: Target, n: number) {
  const { knex, close } = await target.open();
  const out: Array<[string, string, string, string]> = [];
  const row = (what: string, ours: string, baseline: string, ratio = '') => out.push([what, ours, baseline, ratio]);
  const ms = (v: number) => v.toFixed(1);
  try {
    await knex.migrate.latest({ directory: migrationsDir });
    const db = createCccDatabase(knex);
    const systemIds = await registerFleet(db, SYSTEMS, 'F');
    const at = new Date().toISOString();

    // Baseline table: the same columns, a primary key, nothing else.
    await knex.schema.createTable('call_data_plain', table => {
      table.bigIncrements('id').primary();
      for (const c of ['system_id', 'fingerprint', 'start_at', 'direction', 'collected_at']) table.string(c);
      for (const c of ['external_number', 'external_name', 'msn', 'user_number', 'user_name']) table.text(c);
      for (const c of ['connected_user_number', 'connected_user_name', 'group_number', 'group_name', 'call_type']) {
        table.text(c);
      }
      table.bigInteger('device_id');
      table.integer('duration_seconds');
      table.double('cost');
      table.double('cost_factor');
      table.boolean('success');
    });

    // Ingest: the first records into empty tables, both ways, in the same device pages.
    const sample = Math.min(n, INGEST_SAMPLE);
    const plainPages = [...devicePages(0, sample, n, systemIds)].map(
      ([id, records]) => records.map(r => plainRow(id, r, at)),
    );
    const plainMs = await timeMs(async () => {
      for (const rows of plainPages) {
        await knex.transaction(async trx => {
          for (let i = 0; i < rows.length; i += 200) await trx('call_data_plain').insert(rows.slice(i, i + 200));
        });
      }
    });
    const pages = [...devicePages(0, sample, n, systemIds)];
    const oursMs = await timeMs(async () => {
      for (const [id, records] of pages) await ingest(db, id, records, at);
    });
    await knex.schema.dropTable('call_data_plain');
    const plainRate = sample / (plainMs / 1000);
    const oursRate = sample / (oursMs / 1000);
    row(
      `ingest rows/s (${sample.toLocaleString('en-US')} rows)`,
      Math.round(oursRate).toLocaleString('en-US'),
      Math.round(plainRate).toLocaleString('en-US'),
      `${((oursRate / plainRate) * 100).toFixed(0)} % (target ≥ 50 %)`,
    );

    // The rest of the records, the same way (not compared; for the reader's sense of scale).
    const loadMs = await timeMs(async () => {
      for (const [id, records] of devicePages(sample, n, n, systemIds)) await ingest(db, id, records, at);
    });
    // PostgreSQL's autovacuum would have analysed a table that grew like this; SQLite has no such thing.
    if (knex.client.dialect === 'postgresql') await knex.raw('analyze call_data');
    row('load of the remaining records (collection path)', `${(loadMs / 1000).toFixed(0)} s`, '', '');

    const service = new CallDataService({
      db,
      systems: undefined as never,
      devices: new HttpDeviceClient(),
      logger: silent,
    });
    const windowOf = (k: number, length: number) => {
      // Windows spread over the year, another one each run, same sequence for ours and the baseline.
      const start = YEAR_START + Math.floor(random(k + 99)() * (YEAR_MS - length));
      return { from: new Date(start).toISOString(), to: new Date(start + length).toISOString() };
    };
    const systemOf = (k: number) => systemIds[k % systemIds.length];
    const plainPage = (k: number, scope: 'system' | 'fleet', length: number, order: string, extra = '') => {
      const { from, to } = windowOf(k, length);
      const where = scope === 'system' ? 'system_id = ? and ' : '';
      const bindings = scope === 'system' ? [systemOf(k), from, to] : [from, to];
      return knex.raw(
        `select * from call_data where ${where}start_at >= ? and start_at < ? ${extra} order by ${order} limit 51`,
        bindings,
      );
    };
    const cases: Array<{
      what: string;
      ours: (k: number) => Promise<unknown>;
      plain: (k: number) => Promise<unknown>;
      target?: boolean;
    }> = [
      {
        what: "page: a system's week, newest first",
        ours: k => service.list(systemOf(k), { ...windowOf(k, 7 * DAY_MS), limit: '50' }, [OWNER]),
        plain: k => plainPage(k, 'system', 7 * DAY_MS, 'start_at desc, id desc'),
        target: true,
      },
      {
        what: "page: a system's week, longest first",
        ours: k => service.list(systemOf(k), { ...windowOf(k, 7 * DAY_MS), sort: 'duration', limit: '50' }, [OWNER]),
        plain: k => plainPage(k, 'system', 7 * DAY_MS, 'duration_seconds desc, start_at desc, id desc'),
        target: true,
      },
      {
        what: "page: the fleet's day, newest first",
        ours: k => service.listFleet(undefined, { ...windowOf(k, DAY_MS), limit: '50' }, [OWNER]),
        plain: k => plainPage(k, 'fleet', DAY_MS, 'start_at desc, id desc'),
        target: true,
      },
      {
        what: "page: the fleet's day, longest first",
        ours: k => service.listFleet(undefined, { ...windowOf(k, DAY_MS), sort: 'duration', limit: '50' }, [OWNER]),
        plain: k => plainPage(k, 'fleet', DAY_MS, 'duration_seconds desc, start_at desc, id desc'),
        target: true,
      },
      {
        what: "page: a system's week, free text (no target)",
        ours: k => service.list(systemOf(k), { ...windowOf(k, 7 * DAY_MS), q: 'kunde 12', limit: '50' }, [OWNER]),
        plain: k =>
          plainPage(k, 'system', 7 * DAY_MS, 'start_at desc, id desc', "and lower(external_name) like '%kunde 12%'"),
      },
      {
        what: "page: the fleet's month, one extension (no target)",
        ours: k => service.listFleet(undefined, { ...windowOf(k, 30 * DAY_MS), extension: '233', limit: '50' }, [OWNER]),
        plain: k =>
          plainPage(
            k,
            'fleet',
            30 * DAY_MS,
            'start_at desc, id desc',
            "and (user_number = '233' or connected_user_number = '233')",
          ),
      },
    ];
    for (const c of cases) {
      const ours = await latency(PAGE_RUNS, c.ours);
      const plain = await latency(PAGE_RUNS, c.plain);
      const verdict = c.target && knex.client.dialect === 'postgresql' ? ` (target p95 < 50 ms)` : '';
      row(
        `${c.what}, p50 / p95 ms`,
        `${ms(ours.p50)} / ${ms(ours.p95)}`,
        `${ms(plain.p50)} / ${ms(plain.p95)}`,
        `p95 ×${(ours.p95 / plain.p95).toFixed(1)}${verdict}`,
      );
    }

    // Export: the fleet's records of the first stretch of the year holding about `rows` records.
    for (const rows of [100_000, 1_000_000].filter(r => r <= n)) {
      const to = new Date(YEAR_START + (rows / n) * YEAR_MS).toISOString();
      const sink = nullSink();
      const ours = await peakHeap(() =>
        service.exportFleetCsv(undefined, { acknowledge: 'true', to }, { actorRef: OWNER, claims: [OWNER] }, sink),
      );
      const plain = await peakHeap(async () => {
        // The plain way to read it all without holding it: keyset batches of the same size, raw rows joined by ';'.
        let count = 0;
        let last: { start_at: string; id: number } | undefined;
        for (;;) {
          const batch = await knex.raw(
            `select * from call_data where start_at < ?${last ? ' and (start_at, id) > (?, ?)' : ''} ` +
              'order by start_at, id limit 1000',
            last ? [to, last.start_at, last.id] : [to],
          );
          const records: Array<Record<string, unknown>> = batch.rows ?? batch;
          sink.bytes += records.map(record => `${Object.values(record).join(';')}\r\n`).join('').length;
          count += records.length;
          if (records.length < 1000) return count;
          last = records[records.length - 1] as { start_at: string; id: number };
        }
      });
      const exported = ours.result;
      row(
        `CSV export of ${exported.toLocaleString('en-US')} rows: rows/s, peak heap`,
        `${Math.round(exported / ours.seconds).toLocaleString('en-US')}, ${ours.peakMb.toFixed(0)} MB`,
        `${Math.round(plain.result / plain.seconds).toLocaleString('en-US')}, ${plain.peakMb.toFixed(0)} MB`,
        `×${(ours.seconds / plain.seconds).toFixed(1)} time`,
      );
    }

    // The 500-extension PBX: one month, ten calls per extension and day, on top of the fleet's records.
    const [pbx] = await registerFleet(db, 1, 'P');
    const pbxCalls = PBX_EXTENSIONS * PBX_CALLS_PER_EXTENSION_DAY * 30;
    const monthStart = Date.parse(PBX_MONTH_FROM);
    const monthMs = Date.parse(PBX_MONTH_TO) - monthStart;
    for (let i = 0; i < pbxCalls; i += DEVICE_PAGE) {
      const records = [];
      for (let k = i; k < Math.min(pbxCalls, i + DEVICE_PAGE); k++) {
        const startMs = monthStart + Math.floor((k / pbxCalls) * monthMs);
        records.push(deviceRecord(n + k, n, { extensions: PBX_EXTENSIONS, startMs }));
      }
      await ingest(db, pbx, records, at);
    }
    if (knex.client.dialect === 'postgresql') await knex.raw('analyze call_data');
    // Statistics: the PBX's month, and the fleet's same month; against one count and against loading the rows.
    const month = { from: PBX_MONTH_FROM, to: PBX_MONTH_TO, timeZone: 'Europe/Berlin' };
    const monthRows = (scope: 'pbx' | 'fleet') => {
      const q = knex('call_data').where('start_at', '>=', PBX_MONTH_FROM).where('start_at', '<', PBX_MONTH_TO);
      return scope === 'pbx' ? q.where('system_id', pbx) : q;
    };
    for (const scope of ['pbx', 'fleet'] as const) {
      const samples: number[] = [];
      let calls = 0;
      for (let k = 0; k < STATS_RUNS; k++) {
        samples.push(
          await timeMs(async () => {
            const stats =
              scope === 'pbx'
                ? await service.statistics(pbx, month, [OWNER])
                : await service.fleetStatistics(undefined, month, [OWNER]);
            calls = stats.totals.calls;
          }),
        );
      }
      const count = await timeMs(() => monthRows(scope).count({ n: '*' }));
      const loaded = await peakHeap(async () => (await monthRows(scope).select('*')).length);
      row(
        `statistics: ${scope === 'pbx' ? 'month of the 500-extension PBX' : "the fleet's same month"} (${calls.toLocaleString('en-US')} calls), p50 / p95 ms`,
        `${ms(percentile(samples, 50))} / ${ms(percentile(samples, 95))}`,
        `count ${ms(count)}; load rows ${ms(loaded.seconds * 1000)} (${loaded.peakMb.toFixed(0)} MB)`,
        '',
      );
    }
    return { total: n + PBX_EXTENSIONS * PBX_CALLS_PER_EXTENSION_DAY * 30, rows: out };
  } finally {
    await close();
  }
}

async function main() {
  const args = process.argv.slice(2);
  const sizes = args.filter(a => /^\d+$/.test(a)).map(Number);
  const dbArg = args.find(a => a.startsWith('--db='))?.slice(5) ?? 'sqlite,postgres';
  const connection = process.env.CCC_BENCH_POSTGRES ?? 'postgresql://ccc_ci:ci_Pg15_k9Tz@127.0.0.1:5432';
  const targets = dbArg.split(',').map(name => {
    if (name === 'sqlite') return sqliteTarget();
    if (name === 'postgres') return postgresTarget(connection);
    throw new Error(`--db takes sqlite and/or postgres, not ${name}`);
  });
  const cpus = os.cpus();
  console.log(
    `Machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
      `${os.platform()} ${os.release()}, Node ${process.versions.node}`,
  );
  console.log(
    `Records over ${SYSTEMS} systems and one year, plus one month of a ${PBX_EXTENSIONS}-extension PBX ` +
      `(${PBX_CALLS_PER_EXTENSION_DAY} calls per extension and day). Pages ask for 50 records; ` +
      `${PAGE_RUNS} runs after ${WARMUP} warm-up, each run another window.`,
  );
  for (const target of targets) {
    for (const n of sizes.length > 0 ? sizes : [1_000_000, 10_000_000]) {
      const { total, rows } = await run(target, n);
      console.log(`\n${target.name}, ${n.toLocaleString('en-US')} fleet records (${total.toLocaleString('en-US')} in all)`);
      console.log('| measure | CCC | baseline (same run) | CCC vs baseline |');
      console.log('| --- | ---: | ---: | --- |');
      for (const r of rows) console.log(`| ${r.join(' | ')} |`);
    }
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
