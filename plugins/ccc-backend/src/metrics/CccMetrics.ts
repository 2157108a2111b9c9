import { MetricsService } from '@backstage/backend-plugin-api/alpha';
import { RunBoundedResult } from '../jobs/runBounded';

/**
 * The CCC's instruments on Backstage's metrics service (OpenTelemetry), so
 * operators can watch the fleet jobs: how long rounds take, how many devices
 * failed, how stale the data is, how much was ingested.
 */
export class CccMetrics {
  readonly #jobDuration;
  readonly #jobItems;
  readonly #deviceDuration;
  readonly #deviceErrors;
  readonly #ingested;
  readonly #pollAge;

  constructor(metrics: MetricsService) {
    this.#jobDuration = metrics.createHistogram<{ job: string; shard: string }>('ccc.jobs.duration', {
      description: 'Duration of one round of a periodic device job (one slice)',
      unit: 's',
    });
    this.#jobItems = metrics.createCounter<{ job: string; outcome: string }>('ccc.jobs.items', {
      description: 'Systems handled by periodic device jobs, by outcome (succeeded, failed, timedOut, skipped)',
    });
    this.#deviceDuration = metrics.createHistogram<{ operation: string; outcome: string }>('ccc.device.request.duration', {
      description: 'Duration of device client operations',
      unit: 's',
    });
    this.#deviceErrors = metrics.createCounter<{ operation: string; kind: string }>('ccc.device.errors', {
      description: 'Device client operations that ended in an error, by error kind (unreachable, rebooting, ...)',
    });
    this.#ingested = metrics.createCounter<{ kind: string }>('ccc.ingest.records', {
      description: 'Records stored from devices (call data, warnings, monitoring samples)',
    });
    this.#pollAge = metrics.createObservableGauge<{ kind: string }>('ccc.systems.poll.age', {
      description: 'Queue lag: seconds since the least recently seen paired system answered a status poll',
      unit: 's',
    });
  }

  /** Records one finished job round. */
  jobRound(job: string, shard: string, seconds: number, result?: RunBoundedResult | void): void {
    this.#jobDuration.record(seconds, { job, shard });
    if (!result) return;
    for (const outcome of ['succeeded', 'failed', 'timedOut', 'skipped'] as const) {
      if (result[outcome] > 0) this.#jobItems.add(result[outcome], { job, outcome });
    }
  }

  /** Records one device operation. */
  deviceOperation(operation: string, seconds: number, error?: unknown): void {
    this.#deviceDuration.record(seconds, { operation, outcome: error ? 'error' : 'ok' });
    if (error) this.#deviceErrors.add(1, { operation, kind: errorKind(error) });
  }

  /** Counts stored records of a kind. */
  ingested(kind: 'calldata' | 'warnings' | 'monitoring', count: number): void {
    if (count > 0) this.#ingested.add(count, { kind });
  }

  /** Reports the poll age whenever metrics are collected. */
  observePollAge(read: () => Promise<number | undefined>): void {
    this.#pollAge.addCallback(async result => {
      const seconds = await read().catch(() => undefined);
      if (seconds !== undefined) result.observe(seconds, { kind: 'status' });
    });
  }
}

// DeviceUnreachableError → unreachable, DeviceRebootingError → rebooting, ...
function errorKind(error: unknown): string {
  const name = (error as Error)?.name ?? 'Error';
  const match = /^Device(.+)Error$/.exec(name);
  if (!match) return 'other';
  return match[1].charAt(0).toLowerCase() + match[1].slice(1);
}
