/*
 * Child process of the fleet benchmark (started by childWorker.ts through
 * fork). It is either a CCC replica running status-poll slices, or a client
 * sending plain requests; either way it measures its own wall time and CPU,
 * so the simulator and the benchmark's own process are not counted in.
 */
import { createCccDatabase } from '@internal/plugin-ccc-backend/src/database/CccDatabase';
import { HttpDeviceClient } from '@internal/plugin-ccc-backend/src/device/HttpDeviceClient';
import { RunBoundedResult } from '@internal/plugin-ccc-backend/src/jobs/runBounded';
import { SecretBox } from '@internal/plugin-ccc-backend/src/secrets/SecretBox';
import { SystemsService } from '@internal/plugin-ccc-backend/src/systems/SystemsService';
import knexFactory, { Knex } from 'knex';
import { runLoad } from './load';
import { BENCH_ENCRYPTION_KEY } from './simulatedFleet';
import type { WorkerReply, WorkerRequest } from './childWorker';

let knex: Knex | undefined;
let replica: { systems: SystemsService; shards: number[]; shardCount: number; concurrency: number } | undefined;
let firstWarning: string | undefined;

const logger = {
  info() {},
  debug() {},
  // The status poll reports a failed system as a warning; keep one to say what failed.
  warn(message: string) {
    firstWarning ??= message;
  },
  error(message: string) {
    firstWarning ??= message;
  },
  child: () => logger,
} as never;

async function measured<T>(fn: () => Promise<T>) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await fn();
  const used = process.cpuUsage(cpu);
  return { value, seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}

async function handle(request: WorkerRequest): Promise<WorkerReply> {
  switch (request.type) {
    case 'open-replica': {
      knex = knexFactory(request.db);
      const db = createCccDatabase(knex);
      const systems = new SystemsService({
        db,
        secrets: new SecretBox(BENCH_ENCRYPTION_KEY),
        devices: new HttpDeviceClient({ timeoutMs: 30_000 }),
        logger,
        deviceUrlTemplate: request.deviceUrlTemplate,
      });
      // Open the pool before the clock starts, as a running backend would have.
      await knex.raw('select 1');
      replica = { systems, shards: request.shards, shardCount: request.shardCount, concurrency: request.concurrency };
      return { type: 'ok' };
    }
    case 'round': {
      if (!replica) throw new Error('No replica opened');
      const { systems, shards, shardCount, concurrency } = replica;
      firstWarning = undefined;
      // Every slice of this replica at once, as the scheduler starts the slices' global tasks when they fall due.
      const { value, seconds, cpuSeconds } = await measured(() =>
        Promise.all(shards.map(index => systems.refreshAll(undefined, { shard: { index, count: shardCount }, concurrency }))),
      );
      const total = value.reduce<RunBoundedResult>(
        (sum, r) => ({
          succeeded: sum.succeeded + r.succeeded,
          failed: sum.failed + r.failed,
          timedOut: sum.timedOut + r.timedOut,
          skipped: sum.skipped + r.skipped,
        }),
        { succeeded: 0, failed: 0, timedOut: 0, skipped: 0 },
      );
      return { type: 'round', seconds, cpuSeconds, result: total, firstWarning };
    }
    case 'plain-gets': {
      let next = 0;
      let failures = 0;
      const { seconds, cpuSeconds } = await measured(() =>
        Promise.all(
          Array.from({ length: request.concurrency }, async () => {
            while (next < request.urls.length) {
              const res = await fetch(request.urls[next++]);
              await res.arrayBuffer();
              if (!res.ok) failures++;
            }
          }),
        ),
      );
      return { type: 'plain-gets', seconds, cpuSeconds, failures };
    }
    case 'http-load': {
      const summary = await runLoad(async () => {
        const res = await fetch(request.url, { headers: request.headers });
        // The body is read whole (the time to the last byte counts) but not parsed: the client's JSON
        // parsing is no part of the server's latency.
        const body = await res.arrayBuffer();
        if (!res.ok) throw new Error(`${res.status}: ${Buffer.from(body).toString('utf8').slice(0, 200)}`);
      }, request.bounds);
      return { type: 'http-load', summary };
    }
    default:
      throw new Error(`Unknown request ${(request as { type: string }).type}`);
  }
}

process.on('message', (request: WorkerRequest) => {
  if (request.type === 'exit') {
    Promise.resolve(knex?.destroy()).finally(() => process.exit(0));
    return;
  }
  handle(request).then(
    reply => process.send!(reply),
    (error: Error) => process.send!({ type: 'error', message: error.stack ?? error.message }),
  );
});
// Without the benchmark (it ended or crashed) there is nobody to answer: do not linger with an open pool.
process.on('disconnect', () => process.exit(0));
process.send!({ type: 'ok' });
