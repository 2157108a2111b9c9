import type express from 'express';
import { settleBackups } from './backups';
import { settleFirmware } from './firmware';
import type { SimulatedDevice } from './fleet';
import type { JobContext } from './reboot';

/**
 * Middleware for `/devices/:serial` (after the device lookup, before the
 * faults): lets the device catch up with the clock before it answers, so that
 * finished jobs, due scheduled backups and restarts after a restore or update
 * are in place, and a restart that has begun answers 503 at once.
 */
export function createSettleMiddleware(context: JobContext): express.RequestHandler {
  return (_req, res, next) => {
    settleDevice(res.locals.device as SimulatedDevice, context);
    next();
  };
}

/** Applies the effects of the device's jobs that the clock has passed. */
export function settleDevice(device: SimulatedDevice, context: JobContext): void {
  settleBackups(device, context);
  settleFirmware(device, context);
}
