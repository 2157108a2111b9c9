import type { SimulatedDevice } from './fleet';
import { isFirmwareAtLeast } from './gate';
import { createSeededRandom } from './random';
import { beginReboot, JobContext, rebootSeconds } from './reboot';

/**
 * Firmware updates of a simulated COMtrexx (domain §1.8): the CCC only
 * triggers them, the device pulls the firmware from the update server and
 * restarts. The manual documents the operation and that the device reports
 * running and completed updates; the states, their timing and every field
 * are [INVENTED] (domain §3.2).
 *
 * An update's whole timeline is planned when it starts (the injected clock
 * then only reveals it), so runs are repeatable; the side effects (new
 * version, restart) are applied by {@link settleFirmware} once the clock has
 * passed them.
 */

/** Firmware releases the simulated update server knows, oldest first. 2.4.4 is documented; patch levels are [INVENTED]. */
export const FIRMWARE_RELEASES = ['2.4.2', '2.4.4', '2.4.6', '2.6.0', '2.6.2'] as const;

/** The newest release on the simulated update server. */
export const LATEST_FIRMWARE: string = FIRMWARE_RELEASES[FIRMWARE_RELEASES.length - 1];

/** States of `GET /api/v1/firmware/update/status`. [INVENTED] value list (domain §2.3: not public). */
export const UPDATE_STATES = [
  'idle',
  'checking',
  'downloading',
  'installing',
  'rebooting',
  'succeeded',
  'failed',
] as const;

/** State of the device's firmware update. */
export type UpdateState = (typeof UPDATE_STATES)[number];

/** Seconds from the start at which each phase ends. [INVENTED] timing, short enough for demos. */
export const UPDATE_TIMELINE = {
  checking: 5,
  downloading: 45,
  installing: 75,
  /** The device says "rebooting" for a moment before it stops answering. */
  goesDown: 78,
} as const;

/** One update the device ran or runs, planned at its start. */
export interface FirmwareUpdate {
  jobId: string;
  fromVersion: string;
  /** null when the update server could not be asked. */
  toVersion: string | null;
  startMs: number;
  /** When the device stops answering; null for an update that fails before. */
  downMs: number | null;
  /** When it is over: succeeded (back from the restart) or failed. */
  endMs: number;
  outcome: 'succeeded' | 'failed';
  /** Why it failed; null when it succeeds. */
  failure: string | null;
  /** Whether the new version and the restart have been applied to the device. */
  applied: boolean;
}

/** Firmware update state of one device. */
export interface DeviceFirmwareState {
  /** Whether the device reaches the update server. [INVENTED] per-device switch. */
  updateServerReachable: boolean;
  /** Updates, oldest first; the last one is the current or most recent. */
  updates: FirmwareUpdate[];
  /** Number of the next update job of this device. */
  nextJob: number;
}

/** One entry of the status's `history`: a finished update. */
export interface UpdateHistoryEntry {
  jobId: string;
  fromVersion: string;
  toVersion: string | null;
  state: 'succeeded' | 'failed';
  startedAt: string;
  finishedAt: string;
  message: string | null;
}

/** `GET /api/v1/firmware/update/status`. */
export interface UpdateStatus {
  state: UpdateState;
  progress: number;
  fromVersion: string | null;
  toVersion: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  message: string | null;
  /** Finished updates, newest first. */
  history: UpdateHistoryEntry[];
}

const SECOND = 1000;
// Updates kept in the history; older ones are forgotten. [INVENTED]
const MAX_REMEMBERED_UPDATES = 20;

/** The release before a known one, e.g. the version a device ran before its last update. */
export function previousRelease(version: string): string | undefined {
  const index = (FIRMWARE_RELEASES as readonly string[]).indexOf(version);
  return index > 0 ? FIRMWARE_RELEASES[index - 1] : undefined;
}

/**
 * The firmware state of device `index` of a fleet: whether it reaches the
 * update server (device 0 always does) and, when its version has a
 * predecessor, the update to it that ended with the device's last start.
 * A stream of its own per device, so existing fleet values stay unchanged.
 */
export function createFirmwareState(
  seed: number,
  index: number,
  device: Pick<SimulatedDevice, 'serialNumber' | 'firmwareVersion' | 'bootedAt'>,
): DeviceFirmwareState {
  const random = createSeededRandom(((seed ^ 0x68e31da4) + Math.imul(index + 1, 0x7feb352d)) >>> 0);
  const updateServerReachable = random.next() < 0.9 || index === 0;
  const state: DeviceFirmwareState = { updateServerReachable, updates: [], nextJob: 1 };
  const before = previousRelease(device.firmwareVersion);
  if (before) {
    const jobNumber = state.nextJob++;
    const endMs = Date.parse(device.bootedAt);
    const startMs = endMs - (UPDATE_TIMELINE.goesDown + rebootSeconds(device.serialNumber, jobNumber)) * SECOND;
    state.updates.push({
      ...plan(device.serialNumber, jobNumber, startMs, before, device.firmwareVersion, null),
      applied: true,
    });
  }
  return state;
}

/** The newer version the update server offers the device, or null (none, or the server is not reachable). */
export function availableVersion(device: SimulatedDevice): string | null {
  if (!device.firmware.updateServerReachable) return null;
  return isFirmwareAtLeast(device.firmwareVersion, LATEST_FIRMWARE) ? null : LATEST_FIRMWARE;
}

/** Whether an update is running at `nowMs` (including its restart). */
export function updateRunning(device: SimulatedDevice, nowMs: number): boolean {
  const latest = device.firmware.updates.at(-1);
  return latest !== undefined && nowMs >= latest.startMs && nowMs < latest.endMs;
}

/**
 * Starts an update at `nowMs` and returns its job id. The caller checks that
 * none runs and that a newer version exists. With an unreachable update server
 * the update fails while checking; with the `updateFails` fault (read now, at
 * the start) after the download.
 */
export function startUpdate(device: SimulatedDevice, nowMs: number): string {
  const { firmware } = device;
  const jobNumber = firmware.nextJob++;
  let failure: string | null = null;
  if (!firmware.updateServerReachable) {
    failure = 'The update server is not reachable; check the internet connection of the COMtrexx';
  } else if (device.faults.updateFails) {
    failure = 'Download failed: the firmware image did not pass the signature check';
  }
  const toVersion = firmware.updateServerReachable ? LATEST_FIRMWARE : null;
  const update = plan(device.serialNumber, jobNumber, nowMs, device.firmwareVersion, toVersion, failure);
  firmware.updates.push({ ...update, applied: false });
  if (firmware.updates.length > MAX_REMEMBERED_UPDATES) firmware.updates.shift();
  return update.jobId;
}

function plan(
  serialNumber: string,
  jobNumber: number,
  startMs: number,
  fromVersion: string,
  toVersion: string | null,
  failure: string | null,
): Omit<FirmwareUpdate, 'applied'> {
  const jobId = `fw-${String(jobNumber).padStart(6, '0')}`;
  if (failure) {
    // No version to check against: fails in the first phase; a bad image after the download.
    const failsAfter = toVersion === null ? UPDATE_TIMELINE.checking : UPDATE_TIMELINE.downloading;
    const endMs = startMs + failsAfter * SECOND;
    return { jobId, fromVersion, toVersion, startMs, downMs: null, endMs, outcome: 'failed', failure };
  }
  const downMs = startMs + UPDATE_TIMELINE.goesDown * SECOND;
  const endMs = downMs + rebootSeconds(serialNumber, jobNumber) * SECOND;
  return { jobId, fromVersion, toVersion, startMs, downMs, endMs, outcome: 'succeeded', failure: null };
}

/**
 * Applies what the clock has passed: once a successful update goes down for
 * its restart, the new version is installed and the reboot window begins.
 */
export function settleFirmware(device: SimulatedDevice, context: JobContext): void {
  const nowMs = context.now().getTime();
  for (const update of device.firmware.updates) {
    if (update.applied || update.downMs === null || nowMs < update.downMs) continue;
    update.applied = true;
    if (update.toVersion) device.firmwareVersion = update.toVersion;
    beginReboot(device, update.endMs, context);
  }
}

/** `GET /api/v1/firmware/update/status` at `nowMs`: the current or most recent update, and the finished ones. */
export function updateStatus(device: SimulatedDevice, nowMs: number): UpdateStatus {
  const history = device.firmware.updates
    .filter(u => nowMs >= u.endMs)
    .reverse()
    .map(
      (u): UpdateHistoryEntry => ({
        jobId: u.jobId,
        fromVersion: u.fromVersion,
        toVersion: u.toVersion,
        state: u.outcome,
        startedAt: iso(u.startMs),
        finishedAt: iso(u.endMs),
        message: message(u),
      }),
    );
  const latest = device.firmware.updates.filter(u => nowMs >= u.startMs).at(-1);
  if (!latest) {
    return {
      state: 'idle',
      progress: 0,
      fromVersion: null,
      toVersion: null,
      startedAt: null,
      finishedAt: null,
      message: null,
      history,
    };
  }
  const finished = nowMs >= latest.endMs;
  const { state, progress } = finished
    ? { state: latest.outcome, progress: latest.outcome === 'succeeded' ? 100 : phaseAt(latest, latest.endMs).progress }
    : phaseAt(latest, nowMs);
  return {
    state,
    progress,
    fromVersion: latest.fromVersion,
    toVersion: latest.toVersion,
    startedAt: iso(latest.startMs),
    finishedAt: finished ? iso(latest.endMs) : null,
    message: finished ? message(latest) : null,
    history,
  };
}

/** Time windows in which the device was busy with an update (for the CPU load of monitoring samples). */
export function updateBusyWindows(device: SimulatedDevice): Array<[number, number]> {
  return device.firmware.updates.map(u => [u.startMs, u.downMs ?? u.endMs]);
}

// Progress by phase: checking 0–5 %, downloading 5–60 %, installing 60–90 %, restart 90–100 %.
function phaseAt(update: FirmwareUpdate, atMs: number): { state: UpdateState; progress: number } {
  const seconds = (atMs - update.startMs) / SECOND;
  const within = (from: number, to: number, low: number, high: number) =>
    Math.floor(low + ((high - low) * Math.min(Math.max(seconds - from, 0), to - from)) / (to - from));
  const t = UPDATE_TIMELINE;
  if (seconds < t.checking) return { state: 'checking', progress: within(0, t.checking, 0, 5) };
  if (seconds < t.downloading) return { state: 'downloading', progress: within(t.checking, t.downloading, 5, 60) };
  if (seconds < t.installing) return { state: 'installing', progress: within(t.downloading, t.installing, 60, 90) };
  const total = (update.endMs - update.startMs) / SECOND;
  return { state: 'rebooting', progress: Math.min(99, within(t.installing, total, 90, 100)) };
}

function message(update: Omit<FirmwareUpdate, 'applied'>): string {
  return update.failure ?? `Firmware ${update.toVersion} installed (was ${update.fromVersion})`;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
