import { z } from 'zod';
import { DeviceRequestError } from './errors';

/*
 * What the device answers for remote backup and firmware update (domain
 * §1.7, §1.8). The paths and shapes are the simulator's [INVENTED] proposal
 * (domain §3.2): the real COMtrexx API for them is not public. The answers
 * are checked, so that an unexpected one becomes a DeviceRequestError the
 * caller can show instead of undefined values deep inside the backend.
 */

const dateTime = z.iso.datetime({ offset: true });
// Optional texts and ids may come as null from a device; callers see them as absent.
const optionalText = z
  .string()
  .nullish()
  .transform(value => value ?? undefined);

/** Intervals of automatic backups. [INVENTED] values: the manual leaves the list open. */
export const BACKUP_INTERVALS = ['off', 'daily', 'weekly', 'monthly'] as const;

/** `GET /api/v1/backups/config`: whether backup server and password are set up on the device. */
export const backupConfigSchema = z.object({
  configured: z.boolean(),
  serverAddress: z.string().nullable(),
  passwordSet: z.boolean(),
});

/** One backup of `GET /api/v1/backups`. */
export const backupSchema = z.object({
  id: z.string().min(1),
  createdAt: dateTime,
  firmwareVersion: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  trigger: z.enum(['manual', 'scheduled']),
});

/** The 202 answer of a change that runs as a job on the device. */
export const jobAcceptedSchema = z.object({ jobId: z.string().min(1) });

/** `GET /api/v1/backups/jobs/{jobId}`: a backup or restore job. */
export const backupJobSchema = z.object({
  jobId: z.string().min(1),
  kind: z.enum(['backup', 'restore']),
  state: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z.number().min(0).max(100),
  startedAt: dateTime,
  finishedAt: dateTime.nullable(),
  backupId: optionalText,
  message: optionalText,
});

/** `GET/PUT /api/v1/backups/schedule`. */
export const backupScheduleSchema = z.object({
  interval: z.enum(BACKUP_INTERVALS),
  anchorTime: dateTime.nullable(),
  lastRun: dateTime.nullable(),
  nextRun: dateTime.nullable(),
});

/** `GET /api/v1/firmware`. */
export const firmwareSchema = z.object({
  installed: z.string().min(1),
  available: z.string().min(1).nullable(),
  updateServerReachable: z.boolean(),
});

/** One finished update in the `history` of the update status. */
export const firmwareUpdateEntrySchema = z.object({
  jobId: z.string().min(1),
  fromVersion: z.string(),
  toVersion: z.string().nullable(),
  state: z.enum(['succeeded', 'failed']),
  startedAt: dateTime,
  finishedAt: dateTime,
  message: z.string().nullable(),
});

/** `GET /api/v1/firmware/update/status`: the running or most recent update and the finished ones. */
export const firmwareUpdateStatusSchema = z.object({
  state: z.enum(['idle', 'checking', 'downloading', 'installing', 'rebooting', 'succeeded', 'failed']),
  progress: z.number().min(0).max(100),
  fromVersion: z.string().nullable(),
  toVersion: z.string().nullable(),
  startedAt: dateTime.nullable(),
  finishedAt: dateTime.nullable(),
  message: z.string().nullable(),
  history: z.array(firmwareUpdateEntrySchema),
});

/** Backup setup of a device. */
export type DeviceBackupConfig = z.infer<typeof backupConfigSchema>;
/** A backup on the device's backup server. */
export type DeviceBackup = z.infer<typeof backupSchema>;
/** Interval of automatic backups. */
export type DeviceBackupInterval = (typeof BACKUP_INTERVALS)[number];
/** A backup or restore job on the device. */
export type DeviceBackupJob = z.infer<typeof backupJobSchema>;
/** The schedule of automatic backups. */
export type DeviceBackupSchedule = z.infer<typeof backupScheduleSchema>;
/** The id of a job the device started. */
export type DeviceJobAccepted = z.infer<typeof jobAcceptedSchema>;
/** Installed and available firmware. */
export type DeviceFirmware = z.infer<typeof firmwareSchema>;
/** A finished firmware update. */
export type DeviceFirmwareUpdateEntry = z.infer<typeof firmwareUpdateEntrySchema>;
/** The device's firmware update status. */
export type DeviceFirmwareUpdateStatus = z.infer<typeof firmwareUpdateStatusSchema>;

/** Checks a device answer; throws a {@link DeviceRequestError} naming the path and the first problem. */
export function parseDeviceAnswer<S extends z.ZodType>(schema: S, value: unknown, path: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const [issue] = result.error.issues;
    const where = issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new DeviceRequestError(`The device sent an unexpected answer to ${path}${where}: ${issue.message}`);
  }
  return result.data;
}
