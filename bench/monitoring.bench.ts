/*
 * Benchmark of one monitoring collection round (issue #11): the CCC's
 * MonitoringService collecting CPU and memory samples from N simulated
 * COMtrexx systems over HTTP into SQLite, against a baseline of N plain HTTP
 * requests to the same simulator in the same run. Both run in this process
 * (the simulator too), so the CPU figures include the simulator's share on
 * both sides; the ratio is what the CCC adds.
 *
 * Run: npm run bench:monitoring   (or: npx tsx bench/monitoring.bench.ts 1000 10000)
 */
import { startSimulator } from '@internal/comtrexx-simulator';
import { createCccDatabase } from '@internal/plugin-ccc-backend/src/database/CccDatabase';
import { migrationsDir } from '@internal/plugin-ccc-backend/src/database/migrateDatabase';
import { HttpDeviceClient } from '@internal/plugin-ccc-backend/src/device/HttpDeviceClient';
import { runBounded } from '@internal/plugin-ccc-backend/src/jobs/runBounded';
import { MonitoringService } from '@internal/plugin-ccc-backend/src/monitoring/MonitoringService';
import { SecretBox } from '@internal/plugin-ccc-backend/src/secrets/SecretBox';
import { SystemsService } from '@internal/plugin-ccc-backend/src/systems/SystemsService';
import knexFactory from 'knex';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

const CONCURRENCY = 8;
const silent = { info() {}, warn() {}, error() {}, debug() {}, child: () => silent } as never;

async function measure(fn: () => Promise<unknown>) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await fn();
  const used = process.cpuUsage(cpu);
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}

async function run(size: number) {
  const dir = mkdtempSync(join(os.tmpdir(), 'ccc-bench-'));
  // Steady state: the clock stands at a round minute, and every system was collected five minutes ago.
  let now = new Date('2026-11-20T10:00:00.000Z');
  const simulator = await startSimulator({ seed: 4711, size, now: () => now });
  const knex = knexFactory({ client: 'better-sqlite3', connection: { filename: join(dir, 'ccc.sqlite') }, useNullAsDefault: true });
  try {
    await knex.migrate.latest({ directory: migrationsDir });
    const db = createCccDatabase(knex);
    const devices = new HttpDeviceClient({ timeoutMs: 30_000 });
    const systems = new SystemsService({
      db,
      secrets: new SecretBox('benchmark-key-0123456789abcdefghijklmnopqr'),
      devices,
      logger: silent,
      deviceUrlTemplate: simulator.deviceUrlTemplate,
      now: () => now,
    });
    // Registered and paired through the service, as the pairing endpoint would.
    for (const [i, device] of simulator.fleet.entries()) {
      const credentials = { username: 'ccc-api', password: `bench-${i}` };
      device.ccc = { ...device.ccc, state: 'confirmed', apiUser: credentials, monitoringEnabled: true };
      device.maintenance = { ...device.maintenance, active: true };
      device.firmwareVersion = '2.6.0';
      const { system, token } = await systems.register({ name: `PBX ${i}`, serialNumber: device.serialNumber }, 'user:default/bench');
      await systems.pair({ serialNumber: device.serialNumber, token: token.code, credentials });
      await db.systems.update(system.id, {
        state: 'paired_ok',
        deviceFacts: { model: device.model, firmwareVersion: '2.6.0', maintenance: { active: true, validUntil: null }, monitoringEnabled: true },
      });
      await knex('device_cursors').insert({
        system_id: system.id,
        kind: 'monitoring',
        cursor: new Date(now.getTime() - 5 * 60_000).toISOString(),
        updated_at: now.toISOString(),
      });
    }
    const monitoring = new MonitoringService({ db, systems, devices, logger: silent, now: () => now });

    // Baseline: the same number of plain requests, same concurrency, to the same simulator.
    const urls = simulator.fleet.map(d => `${simulator.deviceUrlTemplate.replace('{serial}', d.serialNumber)}/api/v1/system/info`);
    const baseline = await measure(() =>
      runBounded(urls, async url => (await fetch(url)).arrayBuffer(), { concurrency: CONCURRENCY, itemTimeoutMs: 30_000 }),
    );
    // The first round logs in to every device; the next one, five minutes on, reuses the sessions.
    const round = await measure(() => monitoring.collectAll());
    now = new Date(now.getTime() + 5 * 60_000);
    const warm = await measure(() => monitoring.collectAll());
    const buckets = Number((await knex('monitoring_buckets').count({ n: '*' }))[0].n);
    return { size, baseline, round, warm, buckets };
  } finally {
    await knex.destroy();
    await simulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const sizes = process.argv.slice(2).map(Number).filter(n => n > 0);
  const cpus = os.cpus();
  console.log(`Machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}`);
  console.log('One monitoring round per system: login on first use, samples of the last 5 minutes, merge into 4 tiers (SQLite).');
  console.log(
    '| systems | plain requests: wall s | CPU s | first round (with logins): wall s | CPU s | next round: wall s | CPU s | next round vs baseline | buckets |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const size of sizes.length > 0 ? sizes : [1000, 10000]) {
    const r = await run(size);
    console.log(
      `| ${r.size} | ${r.baseline.seconds.toFixed(2)} | ${r.baseline.cpuSeconds.toFixed(2)} | ${r.round.seconds.toFixed(2)} | ${r.round.cpuSeconds.toFixed(2)} | ${r.warm.seconds.toFixed(2)} | ${r.warm.cpuSeconds.toFixed(2)} | ×${(r.warm.seconds / r.baseline.seconds).toFixed(1)} | ${r.buckets} |`,
    );
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
