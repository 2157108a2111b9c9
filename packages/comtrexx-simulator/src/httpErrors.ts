import type express from 'express';

/**
 * Codes of the device's JSON error body. The body shape and most codes are
 * invented (domain §3.1): the real COMtrexx error format is not public.
 */
export const ERROR_CODES = [
  'NOT_FOUND',
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'PAIRING_REFUSED',
  'CCC_UNREACHABLE',
  'INTERNAL_ERROR',
  'REBOOTING',
  'NOT_PAIRED',
  'MAINTENANCE_REQUIRED',
  'FIRMWARE_UNSUPPORTED',
  'MONITORING_DISABLED',
  'REMOTE_CONFIG_DISABLED',
  'BACKUP_NOT_CONFIGURED',
  'BACKUP_IN_PROGRESS',
  'UPDATE_IN_PROGRESS',
  'NO_UPDATE_AVAILABLE',
] as const;

/** One of {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Answers `{ error: { code, message } }` with the given status. */
export function sendError(res: express.Response, status: number, code: ErrorCode, message: string): void {
  res.status(status).json({ error: { code, message } });
}
