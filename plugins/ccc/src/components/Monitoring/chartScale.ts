import { MonitoringRange } from '@internal/plugin-ccc-common';

/** How long each range of the monitoring charts looks back (the backend's ranges). */
export const RANGE_MS: Record<MonitoringRange, number> = {
  hour: 3_600_000,
  day: 24 * 3_600_000,
  week: 7 * 24 * 3_600_000,
  month: 30 * 24 * 3_600_000,
};

/**
 * Splits ascending timestamps into runs without gaps: a step longer than
 * `gapMs` (the device was offline, or recording was off) starts a new run,
 * so the chart shows a gap instead of a line across the missing time.
 * Returns index ranges `[first, last]`.
 */
export function segments(times: readonly number[], gapMs: number): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let start = 0;
  for (let i = 1; i <= times.length; i++) {
    if (i === times.length || times[i] - times[i - 1] > gapMs) {
      if (times.length > 0) runs.push([start, i - 1]);
      start = i;
    }
  }
  return runs;
}

/** Index of the timestamp closest to `ms` (times ascending); -1 when there are none. */
export function nearestIndex(times: readonly number[], ms: number): number {
  if (times.length === 0) return -1;
  let low = 0;
  let high = times.length - 1;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (times[mid] < ms) low = mid + 1;
    else high = mid;
  }
  if (low > 0 && Math.abs(times[low - 1] - ms) <= Math.abs(times[low] - ms)) return low - 1;
  return low;
}

/**
 * Tick times of the time axis at round local times: every 10 minutes for an
 * hour, 3 hours for a day, midnight of every day for a week and of every
 * fifth day for a month. Local setters keep the ticks on the user's clock
 * (time zone and daylight saving time).
 */
export function timeTicks(from: number, to: number, range: MonitoringRange): number[] {
  const tick = new Date(from);
  let advance: (d: Date) => void;
  switch (range) {
    case 'hour':
      tick.setSeconds(0, 0);
      tick.setMinutes(Math.floor(tick.getMinutes() / 10) * 10);
      advance = d => d.setMinutes(d.getMinutes() + 10);
      break;
    case 'day':
      tick.setMinutes(0, 0, 0);
      tick.setHours(Math.floor(tick.getHours() / 3) * 3);
      advance = d => d.setHours(d.getHours() + 3);
      break;
    case 'week':
      tick.setHours(0, 0, 0, 0);
      advance = d => d.setDate(d.getDate() + 1);
      break;
    default:
      tick.setHours(0, 0, 0, 0);
      advance = d => d.setDate(d.getDate() + 5);
  }
  const ticks: number[] = [];
  // Bounded: a range never holds more than a few dozen ticks.
  for (let i = 0; i < 200 && tick.getTime() <= to; i++) {
    if (tick.getTime() >= from) ticks.push(tick.getTime());
    advance(tick);
  }
  return ticks;
}

/** Evenly spaced value ticks from 0 to `max` (five lines: 0, 25, 50, 75 and 100 %). */
export function valueTicks(max: number, count = 4): number[] {
  return Array.from({ length: count + 1 }, (_, i) => (max * i) / count);
}
