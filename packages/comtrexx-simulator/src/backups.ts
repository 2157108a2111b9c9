import { previousRelease } from './firmware';
import type { SimulatedDevice } from './fleet';
import { createSeededRandom, hashText, hashUnit, SeededRandom } from './random';
import { beginReboot, JobContext, rebootSeconds } from './reboot';

/**
 * Remote backups of a simulated COMtrexx (domain §1.7): set up on the device
 * (backup server and password), created, listed, restored (the PBX restarts)
 * and deleted; plus the schedule of automatic backups, whose time of day is
 * the moment it was switched on. The operations and the anchor rule are
 * documented; paths, fields, job states, timing and the interval values are
 * [INVENTED] (domain §3.2).
 *
 * Jobs are planned completely when they start, so the injected clock only
 * reveals them; {@link settleBackups} applies their effects (a new backup in
 * the list, a restore's restart, due scheduled backups) once the clock has
 * passed them, on the next request to the device.
 */

/** Intervals of automatic backups. [INVENTED] values: the manual leaves the list open (domain §1.7). */
export const BACKUP_INTERVALS = ['off', 'daily', 'weekly', 'monthly'] as const;

/** Interval of automatic backups. */
export type BackupInterval = (typeof BACKUP_INTERVALS)[number];

/** Job states of `GET /api/v1/backups/jobs/{jobId}`. [INVENTED] */
export const BACKUP_JOB_STATES = ['queued', 'running', 'done', 'failed'] as const;

/** State of a backup or restore job. */
export type BackupJobState = (typeof BACKUP_JOB_STATES)[number];

/** How a backup came about. */
export type BackupTrigger = 'manual' | 'scheduled';

/** One row of `GET /api/v1/backups`. [INVENTED] fields beyond the creation time. */
export interface BackupEntry {
  id: string;
  createdAt: string;
  firmwareVersion: string;
  sizeBytes: number;
  trigger: BackupTrigger;
}

/** The device settings a backup holds and a restore puts back: only those the simulator models. */
export interface BackupConfigSnapshot {
  monitoringEnabled: boolean;
  remoteConfigEnabled: boolean;
}

/** A backup on the backup server, with the settings it would restore. */
export interface StoredBackup extends BackupEntry {
  config: BackupConfigSnapshot;
}

/** A backup or restore job as planned at its start. */
export interface BackupJob {
  jobId: string;
  kind: 'backup' | 'restore';
  /** backup: the id the new backup gets when done; restore: the backup restored. */
  backupId: string;
  startMs: number;
  /** When the job is over: done, or failed when `failure` is set. */
  endMs: number;
  /** restore: when the device goes down for its restart; null for backups. */
  downMs: number | null;
  failure: string | null;
  /** What the job stores (backup) or restores (restore). */
  backup: StoredBackup;
  /** Whether its effect (backup stored, or settings restored and restart begun) has been applied. */
  applied: boolean;
}

/** The schedule of automatic backups, as the device keeps it. */
export interface BackupScheduleState {
  interval: BackupInterval;
  /** When the schedule was switched on: its runs are this time plus whole intervals. null while off. */
  anchorMs: number | null;
  /** Runs before this moment were not due (switched on, or interval changed, then). null while off. */
  sinceMs: number | null;
  lastRunMs: number | null;
}

/** Remote backup state of one device. */
export interface DeviceBackupState {
  /** Set up on the device by an admin (domain §1.7); the CCC cannot change it. */
  config: { configured: boolean; serverAddress: string | null; passwordSet: boolean };
  /** Backups on the server, oldest first. */
  backups: StoredBackup[];
  /** Jobs, oldest first; the oldest are forgotten. */
  jobs: BackupJob[];
  schedule: BackupScheduleState;
  /** Typical size of this device's backups. */
  baseSizeBytes: number;
  nextJob: number;
  nextBackup: number;
}

/** `GET /api/v1/backups/jobs/{jobId}`. */
export interface BackupJobView {
  jobId: string;
  kind: 'backup' | 'restore';
  state: BackupJobState;
  progress: number;
  startedAt: string;
  finishedAt: string | null;
  backupId?: string;
  message?: string;
}

/** `GET /api/v1/backups/schedule`. */
export interface BackupScheduleView {
  interval: BackupInterval;
  anchorTime: string | null;
  lastRun: string | null;
  nextRun: string | null;
}

/** Seconds a backup job waits before it runs. [INVENTED] */
export const BACKUP_QUEUE_SECONDS = 2;
/** Seconds from the start until a backup is stored. [INVENTED] */
export const BACKUP_JOB_SECONDS = 20;
/** Seconds after which a backup job fails with the `backupFails` fault. [INVENTED] */
export const BACKUP_FAIL_SECONDS = 12;
/** Seconds a restore writes the settings before the device restarts. [INVENTED] */
export const RESTORE_APPLY_SECONDS = 5;
/** Scheduled backups the server keeps; older scheduled ones are deleted, manual ones never. [INVENTED] */
export const MAX_SCHEDULED_BACKUPS = 30;

const SECOND = 1000;
const DAY_MS = 24 * 60 * 60 * SECOND;
const MAX_REMEMBERED_JOBS = 50;
// After a long clock jump only the most recent missed runs are made up for. [INVENTED]
const MAX_CATCH_UP_RUNS = 10;
const PERIOD_MS: Record<'daily' | 'weekly', number> = { daily: DAY_MS, weekly: 7 * DAY_MS };
// Reserved .example names, so no real host appears.
const BACKUP_SERVERS = [
  'backup.fachhandel-nord.example',
  'sftp.systemhaus-sued.example',
  'backup.auerswald-partner.example',
];
const SCHEDULE_WEIGHTS: ReadonlyArray<readonly [BackupInterval, number]> = [
  ['off', 25],
  ['daily', 30],
  ['weekly', 35],
  ['monthly', 10],
];
// Device 4 always lacks the backup setup, when the fleet holds it (devices 1–3 already have their own cases).
const UNCONFIGURED_INDEX = 4;

/**
 * The backup state of device `index` of the fleet with that seed: whether
 * backup is set up (device 0 always, device 4 never, most others), the
 * schedule, and a few past backups (the last scheduled runs and some manual
 * ones). A stream of its own per device, so existing fleet values stay.
 */
export function createBackupState(
  seed: number,
  index: number,
  device: Pick<SimulatedDevice, 'serialNumber' | 'firmwareVersion' | 'bootedAt' | 'ccc' | 'phones'>,
  now: Date,
): DeviceBackupState {
  const random = createSeededRandom(((seed ^ 0x2545f491) + Math.imul(index + 1, 0x85ebca6b)) >>> 0);
  // Every value is drawn for every device, so each depends only on seed and index.
  const draws = {
    configured: random.next() < 0.8,
    server: random.pick(BACKUP_SERVERS),
    interval: weighted(random, SCHEDULE_WEIGHTS),
    anchorDaysAgo: random.int(20, 400),
    anchorMinute: random.int(60, 240),
    manualCount: random.int(1, 3),
    sizeExtra: random.next(),
  };
  const configured = index === 0 || (index !== UNCONFIGURED_INDEX && draws.configured);
  const nowMs = now.getTime();
  const state: DeviceBackupState = {
    config: { configured, serverAddress: configured ? draws.server : null, passwordSet: configured },
    backups: [],
    jobs: [],
    schedule: { interval: 'off', anchorMs: null, sinceMs: null, lastRunMs: null },
    baseSizeBytes: Math.round(1.5 * 2 ** 20 + device.phones.length * 16 * 2 ** 10 + draws.sizeExtra * 3 * 2 ** 20),
    nextJob: 1,
    nextBackup: 1,
  };
  if (!configured) return state;

  const times: Array<[number, BackupTrigger]> = [];
  if (draws.interval !== 'off') {
    // At night, 01:00–04:00 UTC, on a day in the past.
    const anchorMs = Math.floor(nowMs / DAY_MS) * DAY_MS - draws.anchorDaysAgo * DAY_MS + draws.anchorMinute * 60_000;
    state.schedule = { interval: draws.interval, anchorMs, sinceMs: anchorMs, lastRunMs: null };
    const runs = dueRuns(state.schedule, nowMs, 3);
    state.schedule.lastRunMs = runs.at(-1) ?? null;
    for (const run of runs) times.push([run, 'scheduled']);
  }
  for (let i = 0; i < draws.manualCount; i++) {
    times.push([nowMs - random.int(3600, 180 * 24 * 3600) * SECOND, 'manual']);
  }
  times.sort((a, b) => a[0] - b[0]);
  const bootedMs = Date.parse(device.bootedAt);
  const before = previousRelease(device.firmwareVersion);
  for (const [createdMs, trigger] of times) {
    // Backups older than the last start were made by the firmware before the update that ended with it.
    const firmwareVersion = createdMs < bootedMs && before ? before : device.firmwareVersion;
    state.backups.push(newBackup(device, state, createdMs, firmwareVersion, trigger));
  }
  return state;
}

/** Whether a backup or restore job runs at `nowMs`. */
export function backupJobRunning(device: SimulatedDevice, nowMs: number): boolean {
  return device.backup.jobs.some(job => nowMs >= job.startMs && nowMs < job.endMs);
}

/** Starts a manual backup at `nowMs`; the caller checks that nothing else runs. Returns the job id. */
export function startBackup(device: SimulatedDevice, nowMs: number): string {
  return startBackupJob(device, nowMs, 'manual').jobId;
}

/** Starts restoring a stored backup at `nowMs`; the device restarts after a few seconds. Returns the job id. */
export function startRestore(device: SimulatedDevice, backup: StoredBackup, nowMs: number): string {
  const { backup: state } = device;
  const jobNumber = state.nextJob++;
  const downMs = nowMs + RESTORE_APPLY_SECONDS * SECOND;
  return addJob(state, {
    jobId: jobId(jobNumber),
    kind: 'restore',
    backupId: backup.id,
    startMs: nowMs,
    downMs,
    endMs: downMs + rebootSeconds(device.serialNumber, 10_000 + jobNumber) * SECOND,
    failure: null,
    // A copy: the backup may be deleted from the server while the restore runs.
    backup: { ...backup, config: { ...backup.config } },
    applied: false,
  }).jobId;
}

/** Deletes a backup from the server; false when there is none with that id. */
export function deleteBackup(device: SimulatedDevice, id: string): boolean {
  const index = device.backup.backups.findIndex(b => b.id === id);
  if (index < 0) return false;
  device.backup.backups.splice(index, 1);
  return true;
}

/** The backups as listed: newest first, without the settings they hold. */
export function listBackups(device: SimulatedDevice): BackupEntry[] {
  return [...device.backup.backups]
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
    .map(({ config: _config, ...entry }) => entry);
}

/** A job as `GET /api/v1/backups/jobs/{jobId}` shows it at `nowMs`. */
export function jobView(job: BackupJob, nowMs: number): BackupJobView {
  const base = { jobId: job.jobId, kind: job.kind, startedAt: iso(job.startMs) };
  if (nowMs >= job.endMs) {
    return job.failure
      ? { ...base, state: 'failed', progress: progressAt(job, job.endMs), finishedAt: iso(job.endMs), message: job.failure }
      : { ...base, state: 'done', progress: 100, finishedAt: iso(job.endMs), backupId: job.backupId };
  }
  const queued = job.kind === 'backup' && nowMs < job.startMs + BACKUP_QUEUE_SECONDS * SECOND;
  return {
    ...base,
    state: queued ? 'queued' : 'running',
    progress: progressAt(job, nowMs),
    finishedAt: null,
    // A restore names its backup from the start; a new backup has no id until it is stored.
    ...(job.kind === 'restore' ? { backupId: job.backupId } : {}),
  };
}

/** The schedule as `GET /api/v1/backups/schedule` shows it at `nowMs`. */
export function scheduleView(device: SimulatedDevice, nowMs: number): BackupScheduleView {
  const { schedule } = device.backup;
  const next = nextRun(schedule, nowMs);
  return {
    interval: schedule.interval,
    anchorTime: schedule.anchorMs === null ? null : iso(schedule.anchorMs),
    lastRun: schedule.lastRunMs === null ? null : iso(schedule.lastRunMs),
    nextRun: next === null ? null : iso(next),
  };
}

/**
 * Changes the interval at `nowMs`. Switching on from off anchors the schedule
 * now (to the second); changing between intervals keeps the anchor, so the
 * time of day stays (domain §1.7); off clears it. Runs count from now on.
 */
export function setScheduleInterval(device: SimulatedDevice, interval: BackupInterval, nowMs: number): void {
  const { schedule } = device.backup;
  if (interval === 'off') {
    Object.assign(schedule, { interval, anchorMs: null, sinceMs: null });
    return;
  }
  if (schedule.interval === interval) return;
  const anchorMs = schedule.anchorMs ?? Math.floor(nowMs / SECOND) * SECOND;
  Object.assign(schedule, { interval, anchorMs, sinceMs: nowMs });
}

/**
 * Applies what the clock has passed: due scheduled backups start (as jobs, at
 * their planned time), finished backup jobs store their backup, and a restore
 * that reached its restart puts the settings back and restarts the device.
 */
export function settleBackups(device: SimulatedDevice, context: JobContext): void {
  const nowMs = context.now().getTime();
  const { backup: state } = device;
  if (state.config.configured && state.schedule.interval !== 'off') {
    const runs = dueRuns(state.schedule, nowMs, MAX_CATCH_UP_RUNS);
    if (runs.length > 0) state.schedule.lastRunMs = runs[runs.length - 1];
    for (const run of runs) startBackupJob(device, run, 'scheduled');
  }
  for (const job of state.jobs) {
    if (job.applied) continue;
    if (job.kind === 'backup' && nowMs >= job.endMs) {
      job.applied = true;
      if (!job.failure) storeBackup(state, job.backup);
    } else if (job.kind === 'restore' && job.downMs !== null && nowMs >= job.downMs) {
      job.applied = true;
      device.ccc.monitoringEnabled = job.backup.config.monitoringEnabled;
      device.ccc.remoteConfigEnabled = job.backup.config.remoteConfigEnabled;
      beginReboot(device, job.endMs, context);
    }
  }
}

/** Time windows in which the device was busy with backup jobs (for the CPU load of monitoring samples). */
export function backupBusyWindows(device: SimulatedDevice): Array<[number, number]> {
  return device.backup.jobs.map(job => [job.startMs, job.downMs ?? job.endMs]);
}

/** The first run of a schedule after `afterMs`: the anchor plus a whole number (at least 1) of intervals. */
export function runAfter(anchorMs: number, interval: Exclude<BackupInterval, 'off'>, afterMs: number): number {
  if (interval === 'monthly') {
    const anchor = new Date(anchorMs);
    const after = new Date(afterMs);
    let k = Math.max(
      1,
      (after.getUTCFullYear() - anchor.getUTCFullYear()) * 12 + after.getUTCMonth() - anchor.getUTCMonth() - 1,
    );
    while (addMonths(anchorMs, k) <= afterMs) k++;
    return addMonths(anchorMs, k);
  }
  const period = PERIOD_MS[interval];
  return anchorMs + Math.max(1, Math.floor((afterMs - anchorMs) / period) + 1) * period;
}

function nextRun(schedule: BackupScheduleState, nowMs: number): number | null {
  if (schedule.interval === 'off' || schedule.anchorMs === null) return null;
  const after = Math.max(schedule.sinceMs ?? schedule.anchorMs, schedule.lastRunMs ?? -Infinity, nowMs);
  return runAfter(schedule.anchorMs, schedule.interval, after);
}

// Runs of the schedule that are due by `nowMs` and not run yet, oldest first; at most the last `max`.
function dueRuns(schedule: BackupScheduleState, nowMs: number, max: number): number[] {
  if (schedule.interval === 'off' || schedule.anchorMs === null) return [];
  const runs: number[] = [];
  let after = Math.max(schedule.sinceMs ?? schedule.anchorMs, schedule.lastRunMs ?? -Infinity);
  for (;;) {
    const run = runAfter(schedule.anchorMs, schedule.interval, after);
    if (run > nowMs) return runs;
    runs.push(run);
    if (runs.length > max) runs.shift();
    after = run;
  }
}

// Same day of the month, or its last day when the month is shorter (31 January → 28/29 February).
function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(
    year,
    month,
    Math.min(d.getUTCDate(), lastDay),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds(),
  );
}

function startBackupJob(device: SimulatedDevice, startMs: number, trigger: BackupTrigger): BackupJob {
  const { backup: state } = device;
  const jobNumber = state.nextJob++;
  // The settings are read when the job starts; the `backupFails` fault too.
  const backup = newBackup(device, state, startMs, device.firmwareVersion, trigger);
  const failure = device.faults.backupFails
    ? `The backup server ${state.config.serverAddress} refused the upload`
    : null;
  return addJob(state, {
    jobId: jobId(jobNumber),
    kind: 'backup',
    backupId: backup.id,
    startMs,
    downMs: null,
    endMs: startMs + (failure ? BACKUP_FAIL_SECONDS : BACKUP_JOB_SECONDS) * SECOND,
    failure,
    backup,
    applied: false,
  });
}

function addJob(state: DeviceBackupState, job: BackupJob): BackupJob {
  state.jobs.push(job);
  if (state.jobs.length > MAX_REMEMBERED_JOBS) state.jobs.shift();
  return job;
}

function storeBackup(state: DeviceBackupState, backup: StoredBackup): void {
  state.backups.push(backup);
  const scheduled = state.backups.filter(b => b.trigger === 'scheduled');
  for (const old of scheduled.slice(0, Math.max(0, scheduled.length - MAX_SCHEDULED_BACKUPS))) {
    state.backups.splice(state.backups.indexOf(old), 1);
  }
}

function newBackup(
  device: Pick<SimulatedDevice, 'serialNumber' | 'ccc'>,
  state: DeviceBackupState,
  createdMs: number,
  firmwareVersion: string,
  trigger: BackupTrigger,
): StoredBackup {
  const number = state.nextBackup++;
  // ±3 % around the device's typical size, fixed per backup number.
  const variation = 0.97 + 0.06 * hashUnit(hashText(device.serialNumber), 43, number);
  return {
    id: `bk-${String(number).padStart(6, '0')}`,
    createdAt: iso(createdMs),
    firmwareVersion,
    sizeBytes: Math.round(state.baseSizeBytes * variation),
    trigger,
    config: { monitoringEnabled: device.ccc.monitoringEnabled, remoteConfigEnabled: device.ccc.remoteConfigEnabled },
  };
}

// The backup job's progress: 0 while queued, then evenly up to 100 at the end; a restore evenly over its run.
function progressAt(job: BackupJob, atMs: number): number {
  const from = job.kind === 'backup' ? job.startMs + BACKUP_QUEUE_SECONDS * SECOND : job.startMs;
  const to = job.kind === 'backup' ? job.startMs + BACKUP_JOB_SECONDS * SECOND : job.endMs;
  if (atMs <= from) return 0;
  return Math.min(99, Math.floor((100 * (atMs - from)) / (to - from)));
}

function jobId(number: number): string {
  return `job-${String(number).padStart(6, '0')}`;
}

function weighted<T>(random: SeededRandom, items: ReadonlyArray<readonly [T, number]>): T {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll < 0) return item;
  }
  return items[items.length - 1][0];
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
