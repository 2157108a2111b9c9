import { backupBusyWindows } from './backups';
import { updateBusyWindows } from './firmware';
import type { ComtrexxModel, SimulatedDevice } from './fleet';
import { hashText, hashUnit } from './random';

/**
 * Monitoring data of a simulated COMtrexx (domain §1.13: the CCC shows CPU
 * load and memory usage). Series names, sample rate and retention of a real
 * device are not documented; everything here is [INVENTED].
 *
 * Every value is a pure function of the device's serial number (itself
 * derived from the fleet seed and the device's index) and the timestamp, so
 * any range can be asked for in any order and gives the same numbers. The
 * one exception is what the device itself did: while a backup, restore or
 * firmware update it remembers ran, the CPU load is high.
 */

/** One row of `GET /api/v1/monitoring/samples`. [INVENTED] shape (domain §3.2). */
export interface MonitoringSample {
  /** ISO time of the sample. */
  ts: string;
  /** CPU load in percent, 0–100, one decimal. */
  cpuLoadPercent: number;
  memUsedBytes: number;
  memTotalBytes: number;
}

/** Smallest step between samples, in seconds. [INVENTED] */
export const MIN_SAMPLE_STEP_SECONDS = 60;
/** Most samples one request may ask for. [INVENTED] */
export const MAX_SAMPLE_POINTS = 10_000;
/** Longest range one request may ask for, in days. [INVENTED] */
export const MAX_SAMPLE_RANGE_DAYS = 31;

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const GIB = 1024 ** 3;

// [INVENTED] Installed memory by model; only the order (Business largest) is meant to look plausible.
const MEMORY_TOTAL: Record<ComtrexxModel, number> = {
  'COMtrexx Business': 4 * GIB,
  'COMtrexx Advanced': 2 * GIB,
  'COMtrexx VM': 3 * GIB,
};

// Channels keep the hash streams of the different ingredients apart.
const Channel = {
  OfficePeak: 1,
  CpuBase: 2,
  CpuWobble: 3,
  CpuJitter: 4,
  SpikeChance: 5,
  SpikeStart: 6,
  SpikeLength: 7,
  SpikeLevel: 8,
  JobLevel: 9,
  MemBase: 10,
  MemDrift: 11,
  MemJitter: 12,
} as const;

/** Installed memory of a model, in bytes. [INVENTED] values. */
export function memoryTotalBytes(model: ComtrexxModel): number {
  return MEMORY_TOTAL[model];
}

/** The sample of a device at one moment. */
export function sampleAt(device: SimulatedDevice, ts: number): MonitoringSample {
  const key = hashText(device.serialNumber);
  const minute = Math.floor(ts / MINUTE_MS);
  const office = officeHours(ts);

  // CPU: a per-device idle level of 3–7 %, an office-hours bump of up to
  // 6–12 %, a slow wobble and jitter, kept within the 3–25 % baseline ...
  const base = 3 + 4 * hashUnit(key, Channel.CpuBase);
  const peak = 6 + 6 * hashUnit(key, Channel.OfficePeak);
  const wobble = 5 * valueNoise(key, Channel.CpuWobble, ts / (10 * MINUTE_MS));
  const jitter = 2 * hashUnit(key, Channel.CpuJitter, minute);
  let cpu = clamp(base + peak * office + wobble + jitter, 3, 25);
  // ... and in about 4 % of quarter hours a spike of 1–3 minutes to 60–90 %
  // (backup, update check, ...). Point samples with a large step may miss it.
  const quarter = Math.floor(minute / 15);
  if (hashUnit(key, Channel.SpikeChance, quarter) < 0.04) {
    const start = quarter * 15 + Math.floor(12 * hashUnit(key, Channel.SpikeStart, quarter));
    const length = 1 + Math.floor(3 * hashUnit(key, Channel.SpikeLength, quarter));
    if (minute >= start && minute < start + length) {
      cpu = 60 + 30 * hashUnit(key, Channel.SpikeLevel, minute);
    }
  }
  // A sample stands for the minute up to it: a job of 20 s between two
  // samples a minute apart still shows (60–90 %, domain §4.5).
  if (busyWithin(device, ts - MINUTE_MS, ts)) {
    cpu = 60 + 30 * hashUnit(key, Channel.JobLevel, minute);
  }

  // Memory: 42–54 % per device, drifting ±8 % over hours, a little more in
  // office hours, kept within 35–70 % of the installed memory.
  const total = memoryTotalBytes(device.model);
  const drift = 0.16 * (valueNoise(key, Channel.MemDrift, ts / (6 * 60 * MINUTE_MS)) - 0.5);
  const used = clamp(
    0.42 + 0.12 * hashUnit(key, Channel.MemBase) + drift + 0.03 * office + 0.01 * (hashUnit(key, Channel.MemJitter, minute) - 0.5),
    0.35,
    0.7,
  );

  return {
    ts: new Date(ts).toISOString(),
    cpuLoadPercent: Math.round(cpu * 10) / 10,
    memUsedBytes: Math.round(total * used),
    memTotalBytes: total,
  };
}

/** A validated sample request: `[fromMs, toMs)` every `stepSeconds`. */
export interface SampleRange {
  fromMs: number;
  toMs: number;
  stepSeconds: number;
}

// ISO 8601 date-time with an explicit offset: without one, the moment would
// depend on the simulator's time zone.
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Reads `from`, `to` and `step` of a samples query; returns a message for a 400 answer when they are unusable. */
export function parseSampleRange(query: Record<string, unknown>): SampleRange | string {
  const date = (name: string): number | string => {
    const raw = query[name];
    if (typeof raw !== 'string' || !ISO_DATE_TIME.test(raw) || Number.isNaN(Date.parse(raw))) {
      return `${name} must be an ISO 8601 date-time with offset, e.g. 2026-06-01T10:00:00Z`;
    }
    return Date.parse(raw);
  };
  const fromMs = date('from');
  if (typeof fromMs === 'string') return fromMs;
  const toMs = date('to');
  if (typeof toMs === 'string') return toMs;
  if (fromMs >= toMs) return 'from must be before to';

  const rawStep = query.step ?? String(MIN_SAMPLE_STEP_SECONDS);
  if (typeof rawStep !== 'string' || !/^\d+$/.test(rawStep) || Number(rawStep) < MIN_SAMPLE_STEP_SECONDS) {
    return `step must be a whole number of seconds, at least ${MIN_SAMPLE_STEP_SECONDS}`;
  }
  const stepSeconds = Number(rawStep);
  if (toMs - fromMs > MAX_SAMPLE_RANGE_DAYS * DAY_MS) {
    return `The range must not exceed ${MAX_SAMPLE_RANGE_DAYS} days`;
  }
  // Checked on the range asked for, not the one capped at now: whether a
  // request is valid should not depend on the clock.
  if (countSamples(fromMs, toMs, stepSeconds) > MAX_SAMPLE_POINTS) {
    return `The range holds more than ${MAX_SAMPLE_POINTS} samples; use a larger step`;
  }
  return { fromMs, toMs, stepSeconds };
}

/** The samples of a device at `from + k * step` within `[from, to)`, with `to` capped at `now`. */
export function monitoringSamples(device: SimulatedDevice, range: SampleRange, now: Date): MonitoringSample[] {
  const toMs = Math.min(range.toMs, now.getTime());
  const count = countSamples(range.fromMs, toMs, range.stepSeconds);
  return Array.from({ length: count }, (_, k) => sampleAt(device, range.fromMs + k * range.stepSeconds * 1000));
}

// Whether a job of the device ran at some moment in (fromMs, toMs].
function busyWithin(device: SimulatedDevice, fromMs: number, toMs: number): boolean {
  const windows = [...backupBusyWindows(device), ...updateBusyWindows(device)];
  return windows.some(([start, end]) => start <= toMs && end > fromMs);
}

function countSamples(fromMs: number, toMs: number, stepSeconds: number): number {
  return toMs > fromMs ? Math.ceil((toMs - fromMs) / (stepSeconds * 1000)) : 0;
}

/**
 * 0 outside office hours, rising to 1 at 13:00 German time on weekdays
 * (07:00–19:00; public holidays ignored).
 */
function officeHours(ts: number): number {
  const local = new Date(ts + germanOffsetMs(ts));
  const day = local.getUTCDay();
  if (day === 0 || day === 6) return 0;
  const hour = local.getUTCHours() + local.getUTCMinutes() / 60;
  if (hour < 7 || hour >= 19) return 0;
  return Math.sin((Math.PI * (hour - 7)) / 12);
}

// CET/CEST by the EU rule (summer time from the last Sunday of March to the
// last Sunday of October, 01:00 UTC), so that no time-zone database is needed.
function germanOffsetMs(ts: number): number {
  const year = new Date(ts).getUTCFullYear();
  const lastSunday = (month: number) => {
    const last = new Date(Date.UTC(year, month + 1, 0));
    return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
  };
  const summer = ts >= lastSunday(2) && ts < lastSunday(9);
  return (summer ? 2 : 1) * 60 * MINUTE_MS;
}

// Smoothly interpolated noise in [0, 1) with knots at whole numbers of `t`.
function valueNoise(key: number, channel: number, t: number): number {
  const n = Math.floor(t);
  const f = t - n;
  const a = hashUnit(key, channel, n);
  const b = hashUnit(key, channel, n + 1);
  return a + (b - a) * f * f * (3 - 2 * f);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
