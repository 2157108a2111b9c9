import { z } from 'zod';

/** Intervals of automatic backups. The manual leaves the list open; these are the simulator's (domain §3.2). */
export const BACKUP_INTERVAL_OPTIONS = ['off', 'daily', 'weekly', 'monthly'] as const;

/** Interval of automatic backups. */
export type BackupInterval = (typeof BACKUP_INTERVAL_OPTIONS)[number];

/** A remote backup on the device's backup server. */
export interface CccBackup {
  id: string;
  createdAt: string;
  /** Firmware of the PBX when the backup was made: restoring it on newer firmware may lack newer settings. */
  firmwareVersion: string;
  sizeBytes: number;
  trigger: 'manual' | 'scheduled';
}

/** What the CCC started on a device and follows to the end. */
export interface CccJob {
  id: string;
  systemId: string;
  kind: 'backup' | 'restore' | 'firmware';
  state: 'running' | 'succeeded' | 'failed';
  /** The device's own step, e.g. queued, downloading, installing, rebooting. */
  phase: string;
  /** 0–100. */
  progress: number;
  startedBy: string;
  startedAt: string;
  finishedAt: string | null;
  message: string | null;
  /** The backup a backup job made, or the one a restore job restores. */
  backupId: string | null;
  fromVersion: string | null;
  toVersion: string | null;
  /** The fleet rollout the job was part of, if any. */
  rolloutId?: string | null;
}

/** Retention of backups: keep the newest N and/or those younger than N days; the newest one is always kept. */
export interface CccRetention {
  keepLast: number | null;
  keepDays: number | null;
  /** Whether the system has its own rule or follows the fleet default. */
  source: 'system' | 'fleet';
}

/** How a system's backups stand ("backup assurance"). */
export interface CccBackupAssurance {
  /** ok; stale: none successful for too long; failed: the last attempt failed; never: no backup at all; unknown: not read yet. */
  status: 'ok' | 'stale' | 'failed' | 'never' | 'not_configured' | 'unknown';
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  lastFailureMessage: string | null;
  nextRunAt: string | null;
  interval: BackupInterval | null;
  /** When the CCC last read the device's backup state. */
  checkedAt: string | null;
}

/** The backup tab of one system. */
export interface CccBackupOverview {
  configured: boolean;
  serverAddress: string | null;
  backups: CccBackup[];
  schedule: { interval: BackupInterval; anchorTime: string | null; lastRun: string | null; nextRun: string | null };
  retention: CccRetention;
  assurance: CccBackupAssurance;
  /** A backup or restore that is running now. */
  runningJob: CccJob | null;
}

/** One row of the fleet backups view. */
export interface CccFleetBackupRow {
  systemId: string;
  name: string;
  serialNumber: string;
  assurance: CccBackupAssurance;
}

/** The firmware part of a system's backup tab. */
export interface CccFirmwareOverview {
  installed: string;
  available: string | null;
  updateServerReachable: boolean;
  /** The device's own view of the running or last update. */
  device: {
    state: string;
    progress: number;
    fromVersion: string | null;
    toVersion: string | null;
    message: string | null;
  };
  /** Updates the CCC started, newest first. */
  history: CccJob[];
  runningJob: CccJob | null;
}

/** Body of `PUT /systems/:id/backups/schedule`. */
export const setBackupScheduleRequestSchema = z
  .object({
    interval: z.enum(BACKUP_INTERVAL_OPTIONS, {
      message: `The interval is one of ${BACKUP_INTERVAL_OPTIONS.join(', ')}`,
    }),
  })
  .strict();

/** Body of `PUT /systems/:id/backups/retention`: null removes a limit; both null follows the fleet default. */
export const setRetentionRequestSchema = z
  .object({
    keepLast: z.number().int('keepLast is a whole number').min(1, 'Keep at least 1 backup').max(1000).nullable(),
    keepDays: z.number().int('keepDays is a whole number').min(1, 'Keep backups at least 1 day').max(3650).nullable(),
  })
  .strict();

/** Body of `POST /systems/:id/backups/delete`. */
export const deleteBackupsRequestSchema = z
  .object({
    ids: z.array(z.string().min(1).max(200)).min(1, 'Select at least one backup').max(200, 'At most 200 at once'),
  })
  .strict();

/** Body of `POST /systems/:id/backups/:backupId/restore`: the confirmation the UI asked for. */
export const restoreBackupRequestSchema = z
  .object({
    /** Must be true: restoring overwrites the configuration and restarts the PBX. */
    confirm: z.literal(true, { message: 'Confirm that the configuration is overwritten and the PBX restarts' }),
    /** The backup password valid when the backup was made, if it changed since. */
    password: z.string().min(1).max(200).optional(),
  })
  .strict();

/** Body of `POST /systems/:id/firmware/update`. */
export const firmwareUpdateRequestSchema = z
  .object({
    confirm: z.literal(true, { message: 'Confirm that the PBX restarts during the update' }),
  })
  .strict();
