import type express from 'express';
import type { SimulatedDevice } from './fleet';
import { sendError } from './httpErrors';
import type { LoginLockout } from './lockout';
import type { SessionStore } from './sessions';

/**
 * Faults injected into one simulated device, all off by default. They only
 * affect `/devices/<serial>/...`, never `/health` or `/fleet`, so a test can
 * always reach the simulator itself to switch them off again.
 */
export interface DeviceFaults {
  /** The device does not answer: the connection is closed without a response. */
  offline: boolean;
  /** Every response of the device is delayed by this many milliseconds; 0 = no delay. */
  slowMs: number;
  /** Every `/api/v1` request answers 500 INTERNAL_ERROR. */
  serverError: boolean;
  /** Every `/api/v1` request answers 200 with a body that is not JSON. */
  garbage: boolean;
  /** ISO time until which the device restarts: every `/api/v1` request answers 503 with Retry-After. */
  rebootUntil: string | null;
  /** Backup jobs started while this is on fail (the backup server refuses the upload); no backup is stored. */
  backupFails: boolean;
  /** Firmware updates started while this is on fail after the download; the installed version stays. */
  updateFails: boolean;
  /**
   * Every call-data record reports CallDataId 0, as observed on a real firmware (domain §2.1). A quirk rather than
   * a fault, but switched the same way; one device of every fleet large enough has it from the start.
   */
  callDataIdZero: boolean;
}

/** Fault configuration at start: device serial number or fleet index → faults to set. */
export type FaultConfig = Record<string, Partial<DeviceFaults>>;

/** Body of `PUT /fleet/:serial/faults`: faults plus switches of the device's state; omitted = unchanged. */
export interface FaultUpdate {
  offline?: boolean;
  slowMs?: number;
  serverError?: boolean;
  garbage?: boolean;
  /** Starts a reboot window of this many seconds now; 0 = an instant reboot (sessions end, no 503 window). */
  rebootSeconds?: number;
  /** false = expired maintenance (valid until yesterday), true = valid for a year from now. */
  maintenanceActive?: boolean;
  /** e.g. '2.4.2' to simulate firmware the CCC no longer supports. */
  firmwareVersion?: string;
  monitoringEnabled?: boolean;
  remoteConfigEnabled?: boolean;
  backupFails?: boolean;
  updateFails?: boolean;
  callDataIdZero?: boolean;
}

/** What fault handling needs from the running app. */
export interface FaultContext {
  now: () => Date;
  sessions: SessionStore;
  lockout: LoginLockout;
}

/** Longest injectable delay; longer values are almost certainly typos (seconds instead of ms). */
export const MAX_SLOW_MS = 120_000;
/** Longest injectable reboot window: a day. */
export const MAX_REBOOT_SECONDS = 86_400;

const DAY_MS = 24 * 60 * 60 * 1000;

/** A fresh set of faults with everything switched off. */
export function noFaults(): DeviceFaults {
  return {
    offline: false,
    slowMs: 0,
    serverError: false,
    garbage: false,
    rebootUntil: null,
    backupFails: false,
    updateFails: false,
    callDataIdZero: false,
  };
}

type Check = (value: unknown) => string | undefined;

const isBoolean: Check = value => (typeof value === 'boolean' ? undefined : 'must be true or false');
const wholeNumber =
  (min: number, max: number): Check =>
  value =>
    typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
      ? undefined
      : `must be a whole number from ${min} to ${max}`;
const isoTimeOrNull: Check = value =>
  value === null || (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value)))
    ? undefined
    : 'must be an ISO date-time such as 2026-06-01T10:00:00Z, or null';
const firmware: Check = value =>
  typeof value === 'string' && /^\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(value)
    ? undefined
    : 'must be a version of the form X.Y.Z, e.g. 2.4.2';

const FAULT_CHECKS: Record<keyof DeviceFaults, Check> = {
  offline: isBoolean,
  slowMs: wholeNumber(0, MAX_SLOW_MS),
  serverError: isBoolean,
  garbage: isBoolean,
  rebootUntil: isoTimeOrNull,
  backupFails: isBoolean,
  updateFails: isBoolean,
  callDataIdZero: isBoolean,
};

const UPDATE_CHECKS: Record<keyof FaultUpdate, Check> = {
  offline: isBoolean,
  slowMs: wholeNumber(0, MAX_SLOW_MS),
  serverError: isBoolean,
  garbage: isBoolean,
  rebootSeconds: wholeNumber(0, MAX_REBOOT_SECONDS),
  maintenanceActive: isBoolean,
  firmwareVersion: firmware,
  monitoringEnabled: isBoolean,
  remoteConfigEnabled: isBoolean,
  backupFails: isBoolean,
  updateFails: isBoolean,
  callDataIdZero: isBoolean,
};

// Strict on purpose: a misspelt key silently ignored would leave a test
// believing it injected a fault it did not.
function validate(body: unknown, checks: Record<string, Check>): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return 'Body must be a JSON object';
  }
  const allowed = Object.keys(checks);
  const unknown = Object.keys(body).filter(key => !allowed.includes(key));
  if (unknown.length > 0) {
    return `Unknown properties: ${unknown.join(', ')}; allowed are ${allowed.join(', ')}`;
  }
  for (const [key, value] of Object.entries(body)) {
    const problem = checks[key](value);
    if (problem) return `${key} ${problem}`;
  }
  return undefined;
}

/** Checks a `PUT /fleet/:serial/faults` body; returns a message for the 400 answer, or undefined when valid. */
export function validateFaultUpdate(body: unknown): string | undefined {
  return validate(body, UPDATE_CHECKS);
}

/**
 * Sets the faults of a start configuration on the fleet. Keys are serial
 * numbers or fleet indexes ("0", "1", ...). Throws on anything unknown or
 * invalid, so a wrong configuration fails at start, not silently later.
 */
export function applyFaultConfig(fleet: SimulatedDevice[], config: unknown): void {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new Error('The fault configuration must be an object of serial number or index → faults');
  }
  for (const [key, faults] of Object.entries(config)) {
    const device =
      fleet.find(d => d.serialNumber === key) ?? (/^\d+$/.test(key) ? fleet[Number(key)] : undefined);
    if (!device) {
      throw new Error(
        `Fault configuration names an unknown device "${key}": use a serial number or an index from 0 to ${fleet.length - 1}`,
      );
    }
    const problem = validate(faults, FAULT_CHECKS);
    if (problem) {
      throw new Error(`Fault configuration for "${key}": ${problem}`);
    }
    Object.assign(device.faults, faults);
  }
}

/** Seconds left of the device's reboot window; 0 when it is not rebooting. */
export function rebootSecondsLeft(device: SimulatedDevice, now: Date): number {
  const until = device.faults.rebootUntil ? Date.parse(device.faults.rebootUntil) : NaN;
  const left = until - now.getTime();
  return left > 0 ? Math.ceil(left / 1000) : 0;
}

/** Applies a validated update: faults, reboot window and state switches. */
export function applyFaultUpdate(device: SimulatedDevice, update: FaultUpdate, context: FaultContext): void {
  const { faults } = device;
  if (update.offline !== undefined) faults.offline = update.offline;
  if (update.slowMs !== undefined) faults.slowMs = update.slowMs;
  if (update.serverError !== undefined) faults.serverError = update.serverError;
  if (update.garbage !== undefined) faults.garbage = update.garbage;
  if (update.backupFails !== undefined) faults.backupFails = update.backupFails;
  if (update.updateFails !== undefined) faults.updateFails = update.updateFails;
  if (update.callDataIdZero !== undefined) faults.callDataIdZero = update.callDataIdZero;
  if (update.rebootSeconds !== undefined) {
    const at = context.now().getTime();
    faults.rebootUntil = update.rebootSeconds > 0 ? new Date(at + update.rebootSeconds * 1000).toISOString() : null;
    // A restart ends every login session, as after a restore or firmware update (domain §3.3).
    context.sessions.dropAll(device.serialNumber);
  }
  if (update.maintenanceActive !== undefined) {
    const at = context.now().getTime();
    device.maintenance = update.maintenanceActive
      ? { active: true, validUntil: isoDate(at + 365 * DAY_MS) }
      : { active: false, validUntil: isoDate(at - DAY_MS) };
  }
  if (update.firmwareVersion !== undefined) device.firmwareVersion = update.firmwareVersion;
  if (update.monitoringEnabled !== undefined) device.ccc.monitoringEnabled = update.monitoringEnabled;
  if (update.remoteConfigEnabled !== undefined) device.ccc.remoteConfigEnabled = update.remoteConfigEnabled;
}

/**
 * Switches every fault off and lifts a login lockout, so that a device is
 * reachable again; the state switches (maintenance, firmware, CCC flags) stay.
 */
export function clearFaults(device: SimulatedDevice, context: FaultContext): void {
  // Assigned into the existing object: tests may hold a reference to it.
  Object.assign(device.faults, noFaults());
  context.lockout.reset(device.serialNumber);
}

/** The admin view of a device: its faults, lockout and the state switches. */
export function faultView(device: SimulatedDevice, context: FaultContext) {
  const at = context.now();
  const rebootLeft = rebootSecondsLeft(device, at);
  return {
    serialNumber: device.serialNumber,
    faults: { ...device.faults, rebootUntil: rebootLeft > 0 ? device.faults.rebootUntil : null },
    rebootSecondsLeft: rebootLeft,
    lockout: {
      failedLogins: context.lockout.failedLogins(device.serialNumber),
      blockedSeconds: context.lockout.blockedSeconds(device.serialNumber),
    },
    state: {
      maintenanceActive: device.maintenance.active,
      maintenanceValidUntil: device.maintenance.validUntil,
      firmwareVersion: device.firmwareVersion,
      monitoringEnabled: device.ccc.monitoringEnabled,
      remoteConfigEnabled: device.ccc.remoteConfigEnabled,
    },
  };
}

// [INVENTED] What a broken device or a proxy in front of it might send: the
// start of an HTML page, labelled as JSON so that a client cannot rely on the
// Content-Type to notice.
const GARBAGE_BODY = '<html><head><title>COMtrexx</title></head><body><h1>Bitte warten';

/**
 * Middleware for `/devices/:serial` (after the device lookup) that plays the
 * device's faults: offline, then the delay, then for `/api/v1` requests
 * reboot (503), server error (500) and garbage (200, not JSON), in that order.
 */
export function createFaultMiddleware(context: FaultContext): express.RequestHandler {
  const answer: express.RequestHandler = (req, res, next) => {
    const device = res.locals.device as SimulatedDevice;
    const { faults } = device;
    if (faults.offline) {
      // No status, no body: clients see a network error, as with a device
      // that is switched off or cut off from the proxy.
      req.socket.destroy();
      return;
    }
    if (!/^\/api\/v1(\/|$)/i.test(req.path)) {
      next();
      return;
    }
    const rebootLeft = rebootSecondsLeft(device, context.now());
    if (rebootLeft > 0) {
      // Also covers a window set directly on the fleet object in a test:
      // no session survives a restart.
      context.sessions.dropAll(device.serialNumber);
      res.setHeader('Retry-After', String(rebootLeft));
      sendError(res, 503, 'REBOOTING', `The COMtrexx is restarting; try again in ${rebootLeft} s`);
      return;
    }
    if (faults.serverError) {
      sendError(res, 500, 'INTERNAL_ERROR', 'Simulated internal error of the device');
      return;
    }
    if (faults.garbage) {
      res.status(200).type('application/json').send(GARBAGE_BODY);
      return;
    }
    next();
  };

  return (req, res, next) => {
    const { faults } = res.locals.device as SimulatedDevice;
    if (faults.offline || faults.slowMs <= 0) {
      answer(req, res, next);
      return;
    }
    const timer = setTimeout(() => answer(req, res, next), faults.slowMs);
    // A client that gave up must not keep the timer (and a test run) alive.
    res.once('close', () => clearTimeout(timer));
    timer.unref();
  };
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
