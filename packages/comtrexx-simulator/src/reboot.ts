import type { SimulatedDevice } from './fleet';
import { hashText, hashUnit } from './random';
import type { SessionStore } from './sessions';

/**
 * Restarts that a device causes itself, after a restore or a firmware update
 * (domain §1.7, §3.3). They reuse the reboot window of the fault injection
 * (`faults.rebootUntil`: 503 + Retry-After, sessions dropped), so a client
 * sees exactly what it sees with an injected reboot.
 */

/** What device jobs need from the running app: the clock and the sessions a restart ends. */
export interface JobContext {
  now: () => Date;
  sessions: SessionStore;
}

/** Shortest restart after a restore or update, in seconds. [INVENTED] (domain §3.2: about 60–180 s) */
export const REBOOT_MIN_SECONDS = 60;
/** Longest restart after a restore or update, in seconds. [INVENTED] */
export const REBOOT_MAX_SECONDS = 180;

// Keeps this hash stream apart from the monitoring channels of the same serial number.
const REBOOT_CHANNEL = 41;

/** How long the restart of a job takes: fixed by serial number and job number, so a run is repeatable. */
export function rebootSeconds(serialNumber: string, jobNumber: number): number {
  const span = REBOOT_MAX_SECONDS - REBOOT_MIN_SECONDS + 1;
  return REBOOT_MIN_SECONDS + Math.floor(span * hashUnit(hashText(serialNumber), REBOOT_CHANNEL, jobNumber));
}

/**
 * Puts the device into a restart that went down at `fromMs` and is back at
 * `untilMs`: every session ends, and while the window lasts the fault
 * middleware answers 503 with Retry-After. Applied lazily, maybe after the
 * window is over, when nobody asked in between; the uptime restarts at the end.
 */
export function beginReboot(device: SimulatedDevice, untilMs: number, context: JobContext): void {
  const current = device.faults.rebootUntil ? Date.parse(device.faults.rebootUntil) : NaN;
  // An injected window that lasts longer stays as it is.
  if (untilMs > context.now().getTime() && !(current >= untilMs)) {
    device.faults.rebootUntil = new Date(untilMs).toISOString();
  }
  device.bootedAt = new Date(untilMs).toISOString();
  context.sessions.dropAll(device.serialNumber);
}
