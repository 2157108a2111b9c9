/*
 * A small closed-loop load generator: a fixed number of workers, each
 * starting its next call when the previous one ended, until either the
 * request budget or the time budget is spent. Latencies are per call.
 */

/** How much load one scenario puts on: the first bound reached ends it. */
export interface LoadBounds {
  /** Calls in flight at any time. */
  concurrency: number;
  /** At most this many calls. */
  maxRequests: number;
  /** No call starts after this many seconds. */
  maxSeconds: number;
}

/** What one scenario measured. */
export interface LoadSummary {
  requests: number;
  failures: number;
  /** The first failure, to say what went wrong. */
  firstError?: string;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** CPU of the process that ran the calls (the load generator, or for SQL baselines the database client). */
  cpuSeconds: number;
}

/** Runs `call` under `bounds`; `call` throws for a failed call. */
export async function runLoad(call: () => Promise<void>, bounds: LoadBounds): Promise<LoadSummary> {
  const latencies: number[] = [];
  let failures = 0;
  let firstError: string | undefined;
  let started = 0;
  const begin = performance.now();
  const deadline = begin + bounds.maxSeconds * 1000;
  const cpu = process.cpuUsage();
  const worker = async () => {
    while (started < bounds.maxRequests && performance.now() < deadline) {
      started++;
      const t = performance.now();
      try {
        await call();
        latencies.push(performance.now() - t);
      } catch (error) {
        failures++;
        firstError ??= (error as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: bounds.concurrency }, worker));
  const seconds = (performance.now() - begin) / 1000;
  const used = process.cpuUsage(cpu);
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length + failures,
    failures,
    firstError,
    seconds,
    perSecond: (latencies.length + failures) / seconds,
    p50Ms: percentile(latencies, 0.5),
    p95Ms: percentile(latencies, 0.95),
    p99Ms: percentile(latencies, 0.99),
    cpuSeconds: (used.user + used.system) / 1e6,
  };
}

/** Nearest-rank percentile of sorted values; NaN when there are none. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}
