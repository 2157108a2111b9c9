import { DeviceMonitoringSample } from '../device/DeviceClient';
import { mergeBuckets, toBuckets } from './buckets';

const sample = (minute: number, cpu: number, mem: number): DeviceMonitoringSample => ({
  ts: new Date(Date.UTC(2026, 10, 27, 10, minute)).toISOString(),
  cpuLoadPercent: cpu,
  memUsedBytes: mem,
  memTotalBytes: 1000,
});

describe('monitoring buckets', () => {
  const samples = [sample(0, 10, 100), sample(1, 30, 300), sample(4, 80, 200), sample(5, 5, 50), sample(9, 15, 150)];

  it('keeps min, max and average exact per bucket', () => {
    const buckets = [...toBuckets(samples, 300).values()];
    expect(buckets.map(b => [b.ts, b.n, b.cpuSum / b.n, b.cpuMin, b.cpuMax, b.memSum / b.n, b.memMin, b.memMax])).toEqual([
      ['2026-11-27T10:00:00.000Z', 3, 40, 10, 80, 200, 100, 300],
      ['2026-11-27T10:05:00.000Z', 2, 10, 5, 15, 100, 50, 150],
    ]);
  });

  it('gives the same result when samples arrive in two reads and are merged', () => {
    const whole = toBuckets(samples, 3600);
    const first = toBuckets(samples.slice(0, 2), 3600);
    const second = toBuckets(samples.slice(2), 3600);
    const merged = mergeBuckets(first.get('2026-11-27T10:00:00.000Z')!, second.get('2026-11-27T10:00:00.000Z')!);
    expect(merged).toEqual(whole.get('2026-11-27T10:00:00.000Z'));
  });
});
