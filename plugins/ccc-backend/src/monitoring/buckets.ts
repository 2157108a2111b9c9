import { DeviceMonitoringSample } from '../device/DeviceClient';

/** CPU and memory of one time bucket: enough to merge buckets and keep min, max and average exact. */
export interface MonitoringBucket {
  /** Start of the bucket, ISO-8601 UTC. */
  ts: string;
  /** Number of samples in it. */
  n: number;
  cpuSum: number;
  cpuMin: number;
  cpuMax: number;
  memSum: number;
  memMin: number;
  memMax: number;
  /** Installed memory, from the latest sample. */
  memTotal: number;
}

/**
 * Storage tiers: how long each resolution is kept. A month of one system
 * stays around a thousand rows however long the device has been recording.
 */
export const MONITORING_TIERS = [
  { resolutionSeconds: 60, keepHours: 2 },
  { resolutionSeconds: 300, keepHours: 26 },
  { resolutionSeconds: 1800, keepHours: 8 * 24 },
  // The device serves at most 31 days per request; 30 days covers the month chart.
  { resolutionSeconds: 10800, keepHours: 30 * 24 },
] as const;

/** Puts samples into buckets of `resolutionSeconds`, keyed by bucket start. */
export function toBuckets(samples: DeviceMonitoringSample[], resolutionSeconds: number): Map<string, MonitoringBucket> {
  const size = resolutionSeconds * 1000;
  const buckets = new Map<string, MonitoringBucket>();
  for (const sample of samples) {
    const start = new Date(Math.floor(Date.parse(sample.ts) / size) * size).toISOString();
    const one: MonitoringBucket = {
      ts: start,
      n: 1,
      cpuSum: sample.cpuLoadPercent,
      cpuMin: sample.cpuLoadPercent,
      cpuMax: sample.cpuLoadPercent,
      memSum: sample.memUsedBytes,
      memMin: sample.memUsedBytes,
      memMax: sample.memUsedBytes,
      memTotal: sample.memTotalBytes,
    };
    const existing = buckets.get(start);
    buckets.set(start, existing ? mergeBuckets(existing, one) : one);
  }
  return buckets;
}

/** Combines two buckets of the same time (e.g. a stored partial bucket and newly read samples). */
export function mergeBuckets(a: MonitoringBucket, b: MonitoringBucket): MonitoringBucket {
  return {
    ts: a.ts,
    n: a.n + b.n,
    cpuSum: a.cpuSum + b.cpuSum,
    cpuMin: Math.min(a.cpuMin, b.cpuMin),
    cpuMax: Math.max(a.cpuMax, b.cpuMax),
    memSum: a.memSum + b.memSum,
    memMin: Math.min(a.memMin, b.memMin),
    memMax: Math.max(a.memMax, b.memMax),
    memTotal: b.memTotal,
  };
}
