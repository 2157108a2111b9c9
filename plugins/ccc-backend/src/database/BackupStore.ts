import { BackupInterval, CccJob } from '@internal/plugin-ccc-common';

/** A stored job: the API view plus the device's job id. */
export interface JobRecord extends CccJob {
  deviceJobId: string | null;
  polledAt: string | null;
}

/** What the CCC last knew of a system's backups. */
export interface BackupStatusRecord {
  systemId: string;
  configured: boolean;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  lastFailureMessage: string | null;
  nextRunAt: string | null;
  interval: BackupInterval | null;
  checkedAt: string;
}

/** Persistence of device jobs, backup retention and backup status. */
export interface BackupStore {
  insertJob(job: JobRecord): Promise<void>;
  updateJob(id: string, patch: Partial<Omit<JobRecord, 'id' | 'systemId' | 'kind'>>): Promise<void>;
  getJob(id: string): Promise<JobRecord | undefined>;
  /** Jobs of a system, newest first; `kinds` narrows them. */
  listJobs(systemId: string, options: { kinds?: CccJob['kind'][]; limit: number }): Promise<JobRecord[]>;
  /** Every running job (to follow them). */
  listRunningJobs(): Promise<JobRecord[]>;
  /** The running job of a system, if any. */
  runningJobOf(systemId: string): Promise<JobRecord | undefined>;

  getRetention(systemId: string): Promise<{ keepLast: number | null; keepDays: number | null } | undefined>;
  setRetention(systemId: string, retention: { keepLast: number | null; keepDays: number | null }, by: string, at: string): Promise<void>;
  clearRetention(systemId: string): Promise<void>;

  getStatus(systemId: string): Promise<BackupStatusRecord | undefined>;
  /** Statuses of several systems (missing ones are absent from the map). */
  getStatuses(systemIds: string[]): Promise<Map<string, BackupStatusRecord>>;
  /** Writes the fields given, creating the row when needed. */
  upsertStatus(status: Partial<BackupStatusRecord> & Pick<BackupStatusRecord, 'systemId' | 'checkedAt'>): Promise<void>;
}
