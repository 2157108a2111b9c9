import { z } from 'zod';

/*
 * What the device answers for status, registration, monitoring, messages and
 * remote access. Checked like the backup and call-data answers, so that a
 * device (or gateway) sending something unexpected yields a DeviceRequestError
 * naming the field, not undefined values in the database. Unknown extra
 * fields are allowed: newer firmware may add some.
 */

const dateTime = z.iso.datetime({ offset: true });
// Ids are strings to the CCC; some answers carry them as numbers.
const id = z.union([z.string().min(1), z.number()]).transform(String);
const optionalText = z
  .string()
  .nullish()
  .transform(value => value ?? undefined);

/** `GET /api/v1/system/info`. */
export const systemInfoSchema = z.object({
  serialNumber: z.string().min(1),
  model: z.string().min(1),
  firmwareVersion: z.string().min(1),
  macAddress: optionalText,
  hostname: optionalText,
});

/** `GET /api/v1/ccc/access`. */
export const cccAccessSchema = z.object({
  state: z.enum(['none', 'pending', 'confirmed', 'error']),
  monitoringEnabled: z.boolean(),
  remoteConfigEnabled: z.boolean(),
});

/** `GET /api/v1/maintenance`. */
export const maintenanceSchema = z.object({
  active: z.boolean(),
  validUntil: z.string().nullable(),
});

/** One phone of `GET /api/v1/phones/status`. */
export const phoneStatusSchema = z.object({
  id,
  name: z.string(),
  macAddress: z.string().nullable(),
  type: z.enum(['ip', 'dect-base', 'analog']),
  manufacturer: z.string().nullable(),
  model: z.string(),
  firmwareVersion: z.string().nullable(),
  userNumber: z.string().nullable(),
  status: z.enum([
    'no_provisioning_file',
    'provisioning_pending',
    'provisioned',
    'registered_encrypted',
    'registered_unencrypted',
    'not_registered',
    'unknown',
    'analog_connected',
  ]),
});

/** One account of `GET /api/v1/trunks/status`. */
export const trunkStatusSchema = z.object({
  id,
  accountName: z.string(),
  providerName: z.string(),
  stunState: z.enum(['stun_none', 'stun_ok', 'stun_offline', 'stun_failed', 'invite_answered', 'config_error']),
  registrationState: z.enum(['not_registered', 'registered_unencrypted', 'registered_encrypted']),
  lastChange: z.string(),
});

/** One sample of `GET /api/v1/monitoring/samples`. */
export const monitoringSampleSchema = z.object({
  ts: dateTime,
  cpuLoadPercent: z.number().min(0).max(100),
  memUsedBytes: z.number().nonnegative(),
  memTotalBytes: z.number().positive(),
});

/** One entry of `GET /api/v1/systemmessages`. */
export const systemMessageSchema = z.object({
  id: z.number().int().positive(),
  ts: dateTime,
  severity: z.enum(['info', 'malfunction', 'serious', 'security']),
  category: z.string(),
  text: z.string(),
});

/** The answer of `POST /api/v1/remoteaccess/session`. */
export const remoteSessionSchema = z.object({
  sessionId: z.string().min(1),
  url: z.url(),
  expiresAt: dateTime,
});

/** `GET /api/v1/remoteaccess/session`. */
export const remoteSessionStateSchema = z.object({
  active: z.boolean(),
  sessionId: optionalText,
  expiresAt: optionalText,
});
