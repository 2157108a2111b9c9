/*
 * Part 1 of the fleet benchmark: status-poll rounds (SystemsService.refreshAll
 * per slice, the code the `ccc-status-poll-<i>-of-<n>` tasks run) by one
 * replica and by two, each replica a child process of its own; the simulator
 * stays in the benchmark's process, whose CPU during a round is therefore
 * the simulator's. Baseline: the same number of plain GETs of the status
 * endpoint from a child process, with as many in flight as the round has.
 */
import { ChildWorker } from './childWorker';
import { serverCpuBetween, serverCpuSnapshot } from './databaseCpu';
import { BenchDatabase } from './databases';
import { CountingSimulator } from './simulatedFleet';

/** Slices of the fleet, as `ccc.jobs.shards` defaults to. */
export const SHARD_COUNT = 4;
/** Devices at a time per slice, the status poll's default. */
export const SLICE_CONCURRENCY = 8;
/** Rounds after the first; the median is reported, as the machine may be shared with other work. */
export const NEXT_ROUNDS = 3;

/** One measured round (or the baseline). */
export interface StatusRow {
  setup: string;
  round: string;
  seconds: number;
  /** CPU of the replica processes (of the client process for the baseline). */
  cpuSeconds: number;
  /** CPU of the benchmark's own process meanwhile: the simulator answering. */
  simulatorCpuSeconds: number;
  /** CPU of the PostgreSQL server processes serving the replicas, where it can be read. */
  databaseCpuSeconds?: number;
  /** Fastest and slowest wall time of the rounds the median was taken of. */
  range?: [number, number];
  /** HTTP requests the simulator answered. */
  requests: number;
  /** Systems left in state `error` after the round (the seed's fleet has none that should be). */
  errors: number;
  /** Per replica: wall seconds, to show how evenly the slices split. */
  perReplica?: number[];
  note?: string;
}

async function measuredOnSimulator<T>(simulator: CountingSimulator, fn: () => Promise<T>) {
  const cpu = process.cpuUsage();
  const requests = simulator.requests();
  const started = performance.now();
  const value = await fn();
  const used = process.cpuUsage(cpu);
  return {
    value,
    seconds: (performance.now() - started) / 1000,
    simulatorCpuSeconds: (used.user + used.system) / 1e6,
    requests: simulator.requests() - requests,
  };
}

async function countErrors(db: BenchDatabase): Promise<number> {
  const [{ n }] = await db.knex('systems').where({ state: 'error' }).count({ n: '*' });
  return Number(n);
}

/** N plain GETs of /api/v1/system/info, one per device, from a child process. */
export async function plainRequestBaseline(simulator: CountingSimulator): Promise<StatusRow> {
  const client = await ChildWorker.start();
  try {
    const urls = simulator.fleet.map(
      d => `${simulator.deviceUrlTemplate.replace('{serial}', d.serialNumber)}/api/v1/system/info`,
    );
    const concurrency = SHARD_COUNT * SLICE_CONCURRENCY;
    const m = await measuredOnSimulator(simulator, () =>
      client.ask({ type: 'plain-gets', urls, concurrency }, 'plain-gets'),
    );
    return {
      setup: `plain GET /system/info, ${concurrency} at a time`,
      round: '-',
      seconds: m.value.seconds,
      cpuSeconds: m.value.cpuSeconds,
      simulatorCpuSeconds: m.simulatorCpuSeconds,
      requests: m.requests,
      errors: m.value.failures,
    };
  } finally {
    await client.stop();
  }
}

/**
 * Rounds of the replicas given by their slices, all started together: the
 * first after the replicas started (a login per device), then
 * {@link NEXT_ROUNDS} more on the sessions kept, as every later round runs;
 * returns the first and the median of the others.
 */
export async function replicaRounds(
  setup: string,
  db: BenchDatabase,
  simulator: CountingSimulator,
  replicas: number[][],
): Promise<StatusRow[]> {
  const children = await Promise.all(replicas.map(() => ChildWorker.start()));
  try {
    await Promise.all(
      children.map((child, i) =>
        child.ask(
          {
            type: 'open-replica',
            db: db.config,
            deviceUrlTemplate: simulator.deviceUrlTemplate,
            shards: replicas[i],
            shardCount: SHARD_COUNT,
            concurrency: SLICE_CONCURRENCY,
          },
          'ok',
        ),
      ),
    );
    const round = async (label: string): Promise<StatusRow> => {
      const cpuBefore = await serverCpuSnapshot(db);
      const m = await measuredOnSimulator(simulator, () =>
        Promise.all(children.map(child => child.ask({ type: 'round' }, 'round'))),
      );
      const cpuAfter = await serverCpuSnapshot(db);
      const failed = m.value.reduce((n, r) => n + r.result.failed + r.result.timedOut + r.result.skipped, 0);
      const warning = m.value.find(r => r.firstWarning)?.firstWarning;
      return {
        setup,
        round: label,
        // From the benchmark's view: until the last replica finished its slices.
        seconds: m.seconds,
        cpuSeconds: m.value.reduce((sum, r) => sum + r.cpuSeconds, 0),
        simulatorCpuSeconds: m.simulatorCpuSeconds,
        databaseCpuSeconds: serverCpuBetween(cpuBefore, cpuAfter),
        requests: m.requests,
        errors: await countErrors(db),
        perReplica: replicas.length > 1 ? m.value.map(r => r.seconds) : undefined,
        note: failed > 0 ? `${failed} systems not polled: ${warning}` : undefined,
      };
    };
    const first = await round('first (logins)');
    const next: StatusRow[] = [];
    for (let i = 0; i < NEXT_ROUNDS; i++) next.push(await round(`next (median of ${NEXT_ROUNDS})`));
    next.sort((a, b) => a.seconds - b.seconds);
    const median = next[Math.floor(next.length / 2)];
    const rows = [first, { ...median, range: [next[0].seconds, next[next.length - 1].seconds] as [number, number] }];
    return rows;
  } finally {
    await Promise.all(children.map(child => child.stop()));
  }
}
