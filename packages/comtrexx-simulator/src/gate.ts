import type express from 'express';
import type { SimulatedDevice } from './fleet';
import { sendError } from './httpErrors';
import type { SessionStore } from './sessions';

/** Name of the session cookie, as on a real COMtrexx (domain §2.1). */
export const SESSION_COOKIE = 'ctx_sessionid';

/** Lowest firmware the CCC can manage (CCC setup guide, domain §1.1). */
export const MIN_CCC_FIRMWARE = '2.4.4';

/** Middleware: 401 unless the request carries a live session cookie of this device. */
export function createSessionCheck(sessions: SessionStore): express.RequestHandler {
  return (req, res, next) => {
    const device = res.locals.device as SimulatedDevice;
    if (!sessions.isValid(device.serialNumber, readCookie(req.headers.cookie, SESSION_COOKIE))) {
      sendError(res, 401, 'UNAUTHORIZED', 'No valid session; log in again');
      return;
    }
    next();
  };
}

/**
 * Middleware for every endpoint the CCC may only use on a manageable device
 * (domain §3.1): a live session, then paired with the CCC, maintenance active
 * and firmware at least {@link MIN_CCC_FIRMWARE}. Which status a real device
 * sends is unknown; 403/412 and the codes are [INVENTED] (domain §3.1).
 */
export function createManageableGate(sessions: SessionStore): express.RequestHandler {
  const sessionCheck = createSessionCheck(sessions);
  return (req, res, next) => {
    sessionCheck(req, res, err => {
      if (err) {
        next(err);
        return;
      }
      const device = res.locals.device as SimulatedDevice;
      // A session implies pairing today (only the CCC's API user can log in),
      // but the gate must not depend on how sessions come about.
      if (device.ccc.state !== 'confirmed') {
        sendError(res, 403, 'NOT_PAIRED', 'The COMtrexx is not paired with the COMtrexx Control Center');
        return;
      }
      if (!device.maintenance.active) {
        sendError(res, 412, 'MAINTENANCE_REQUIRED', 'The COMtrexx needs active maintenance for this function');
        return;
      }
      if (!isFirmwareAtLeast(device.firmwareVersion, MIN_CCC_FIRMWARE)) {
        sendError(
          res,
          412,
          'FIRMWARE_UNSUPPORTED',
          `Firmware ${device.firmwareVersion} is too old; the COMtrexx Control Center needs ${MIN_CCC_FIRMWARE} or later`,
        );
        return;
      }
      next();
    });
  };
}

/** Whether a dotted version (e.g. 2.6.0) is at least the minimum; unreadable versions are not. */
export function isFirmwareAtLeast(version: string, minimum: string): boolean {
  const parse = (v: string) => (/^\d+(\.\d+)*$/.test(v) ? v.split('.').map(Number) : undefined);
  const have = parse(version);
  const need = parse(minimum);
  if (!have || !need) return false;
  for (let i = 0; i < Math.max(have.length, need.length); i++) {
    const diff = (have[i] ?? 0) - (need[i] ?? 0);
    if (diff !== 0) return diff > 0;
  }
  return true;
}

/** The value of one cookie from a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
