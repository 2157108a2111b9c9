import { LoggerService } from '@backstage/backend-plugin-api';
import { CccMonitoringSeries, MonitoringRange, monitoringQuerySchema } from '@internal/plugin-ccc-common';
import { CccDatabase } from '../database/CccDatabase';
import { DeviceClient } from '../device/DeviceClient';
import { DeviceMonitoringDisabledError } from '../device/errors';
import { runBounded } from '../jobs/runBounded';
import { CccMetrics } from '../metrics/CccMetrics';
import { Shard } from '../jobs/shards';
import { SystemsService } from '../systems/SystemsService';
import { parse } from '../validation';
import { MONITORING_TIERS, MonitoringBucket, toBuckets } from './buckets';

const CURSOR_KIND = 'monitoring';
const MINUTE_MS = 60_000;
// The device answers at most 10,000 samples per request: a week of minutes fits, a longer outage is cut.
const MAX_CATCH_UP_MS = 6 * 24 * 3_600_000;

const RANGES: Record<MonitoringRange, { ms: number; resolutionSeconds: number }> = {
  hour: { ms: 3_600_000, resolutionSeconds: 60 },
  day: { ms: 24 * 3_600_000, resolutionSeconds: 300 },
  week: { ms: 7 * 24 * 3_600_000, resolutionSeconds: 1800 },
  month: { ms: 30 * 24 * 3_600_000, resolutionSeconds: 10800 },
};

/**
 * CPU and memory of the systems (manual: "Überwachung"): collected by a
 * scheduled task from systems that allow recording, stored in tiers of
 * buckets, and served as chart series.
 */
export class MonitoringService {
  readonly #db: CccDatabase;
  readonly #systems: SystemsService;
  readonly #devices: DeviceClient;
  readonly #logger: LoggerService;
  readonly #now: () => Date;
  readonly #metrics?: CccMetrics;

  constructor(options: {
    db: CccDatabase;
    systems: SystemsService;
    devices: DeviceClient;
    logger: LoggerService;
    now?: () => Date;
    metrics?: CccMetrics;
  }) {
    this.#metrics = options.metrics;
    this.#db = options.db;
    this.#systems = options.systems;
    this.#devices = options.devices;
    this.#logger = options.logger;
    this.#now = options.now ?? (() => new Date());
  }

  /**
   * Reads the samples since the last collection. The first collection fills
   * every tier from the device's own history, each at its resolution, so
   * the week and month charts are not empty on day one. Returns the number
   * of samples read; 0 when the device does not allow recording.
   */
  async collect(systemId: string): Promise<number> {
    const { system, target } = await this.#systems.manageableTarget(systemId);
    if (system.device?.monitoringEnabled === false) return 0;
    const now = this.#now();
    const to = new Date(Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS);
    const cursor = await this.#db.warnings.getCursor(systemId, CURSOR_KIND);
    const byResolution = new Map<number, MonitoringBucket[]>();
    let read = 0;
    try {
      if (!cursor) {
        for (const tier of MONITORING_TIERS) {
          const from = new Date(to.getTime() - tier.keepHours * 3_600_000);
          const samples = await this.#devices.getMonitoringSamples(target, {
            from,
            to,
            stepSeconds: tier.resolutionSeconds,
          });
          read += samples.length;
          byResolution.set(tier.resolutionSeconds, [...toBuckets(samples, tier.resolutionSeconds).values()]);
        }
      } else {
        const from = new Date(Math.max(Date.parse(cursor), to.getTime() - MAX_CATCH_UP_MS));
        if (from >= to) return 0;
        const samples = await this.#devices.getMonitoringSamples(target, { from, to, stepSeconds: 60 });
        read = samples.length;
        for (const tier of MONITORING_TIERS) {
          byResolution.set(tier.resolutionSeconds, [...toBuckets(samples, tier.resolutionSeconds).values()]);
        }
      }
    } catch (error) {
      // Switched off on the device since the last status poll: nothing to record.
      if (error instanceof DeviceMonitoringDisabledError) return 0;
      throw error;
    }
    await this.#db.monitoring.mergeBuckets(systemId, byResolution, {
      kind: CURSOR_KIND,
      value: to.toISOString(),
      at: now.toISOString(),
    });
    this.#metrics?.ingested('monitoring', read);
    return read;
  }

  /** Collects from every manageable system and drops buckets past their tier's age. */
  async collectAll(signal?: AbortSignal, shard?: Shard) {
    const ids = await this.#systems.manageableIds(shard);
    const result = await runBounded(ids, id => this.collect(id), {
      concurrency: 8,
      itemTimeoutMs: 60_000,
      signal,
      onError: (id, error) => this.#logger.debug(`Monitoring of system ${id} not collected: ${error.message}`),
    });
    await this.purge();
    return result;
  }

  /** Drops buckets older than their tier keeps them. */
  async purge(): Promise<void> {
    const now = this.#now().getTime();
    for (const tier of MONITORING_TIERS) {
      await this.#db.monitoring.purgeBuckets(
        tier.resolutionSeconds,
        new Date(now - tier.keepHours * 3_600_000).toISOString(),
      );
    }
  }

  /** The chart series of one system over a range. */
  async series(systemId: string, query: unknown): Promise<CccMonitoringSeries> {
    const { range } = parse(monitoringQuerySchema, query);
    const system = await this.#systems.get(systemId);
    const { ms, resolutionSeconds } = RANGES[range];
    const to = this.#now();
    const buckets = await this.#db.monitoring.listBuckets(
      systemId,
      resolutionSeconds,
      new Date(to.getTime() - ms).toISOString(),
      to.toISOString(),
    );
    return {
      range,
      resolutionSeconds,
      recordingEnabled: system.device?.monitoringEnabled ?? null,
      points: buckets.map(b => ({
        ts: b.ts,
        cpuAvg: round(b.cpuSum / b.n),
        cpuMin: b.cpuMin,
        cpuMax: b.cpuMax,
        memUsedAvg: Math.round(b.memSum / b.n),
        memUsedMax: b.memMax,
        memTotal: b.memTotal,
      })),
    };
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
