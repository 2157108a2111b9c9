import { Knex } from 'knex';
import { BackupStatusRecord, BackupStore, JobRecord } from './BackupStore';

const JOB_COLUMNS: Record<keyof JobRecord, string> = {
  id: 'id',
  systemId: 'system_id',
  kind: 'kind',
  deviceJobId: 'device_job_id',
  state: 'state',
  phase: 'phase',
  progress: 'progress',
  startedBy: 'started_by',
  startedAt: 'started_at',
  finishedAt: 'finished_at',
  polledAt: 'polled_at',
  message: 'message',
  backupId: 'backup_id',
  fromVersion: 'from_version',
  toVersion: 'to_version',
  rolloutId: 'rollout_id',
};

const STATUS_COLUMNS: Record<keyof BackupStatusRecord, string> = {
  systemId: 'system_id',
  configured: 'configured',
  lastSuccessAt: 'last_success_at',
  lastFailureAt: 'last_failure_at',
  lastFailureMessage: 'last_failure_message',
  nextRunAt: 'next_run_at',
  interval: 'interval',
  checkedAt: 'checked_at',
};

/** {@link BackupStore} on knex (SQLite or PostgreSQL). */
export class DatabaseBackupStore implements BackupStore {
  constructor(private readonly knex: Knex) {}

  async insertJob(job: JobRecord) {
    await this.knex('device_jobs').insert(toRow(job, JOB_COLUMNS));
  }

  async updateJob(id: string, patch: Partial<Omit<JobRecord, 'id' | 'systemId' | 'kind'>>) {
    const row = toRow(patch, JOB_COLUMNS);
    if (Object.keys(row).length > 0) await this.knex('device_jobs').where({ id }).update(row);
  }

  async getJob(id: string) {
    const row = await this.knex('device_jobs').where({ id }).first();
    return row ? toJob(row) : undefined;
  }

  async listJobs(systemId: string, options: { kinds?: JobRecord['kind'][]; limit: number }) {
    const query = this.knex('device_jobs')
      .where({ system_id: systemId })
      .orderBy([{ column: 'started_at', order: 'desc' }, { column: 'id', order: 'desc' }])
      .limit(options.limit);
    if (options.kinds) query.whereIn('kind', options.kinds);
    return (await query).map(toJob);
  }

  async listRunningJobs() {
    return (await this.knex('device_jobs').where({ state: 'running' }).orderBy('started_at')).map(toJob);
  }

  async runningJobOf(systemId: string) {
    const row = await this.knex('device_jobs').where({ system_id: systemId, state: 'running' }).first();
    return row ? toJob(row) : undefined;
  }

  async getRetention(systemId: string) {
    const row = await this.knex('backup_settings').where({ system_id: systemId }).first();
    return row ? { keepLast: nullableNumber(row.keep_last), keepDays: nullableNumber(row.keep_days) } : undefined;
  }

  async setRetention(systemId: string, retention: { keepLast: number | null; keepDays: number | null }, by: string, at: string) {
    await this.knex('backup_settings')
      .insert({ system_id: systemId, keep_last: retention.keepLast, keep_days: retention.keepDays, updated_by: by, updated_at: at })
      .onConflict('system_id')
      .merge();
  }

  async clearRetention(systemId: string) {
    await this.knex('backup_settings').where({ system_id: systemId }).delete();
  }

  async getStatus(systemId: string) {
    return (await this.getStatuses([systemId])).get(systemId);
  }

  async getStatuses(systemIds: string[]) {
    const result = new Map<string, BackupStatusRecord>();
    for (let i = 0; i < systemIds.length; i += 500) {
      const rows = await this.knex('backup_status').whereIn('system_id', systemIds.slice(i, i + 500));
      for (const row of rows) result.set(row.system_id, toStatus(row));
    }
    return result;
  }

  async upsertStatus(status: Partial<BackupStatusRecord> & Pick<BackupStatusRecord, 'systemId' | 'checkedAt'>) {
    const row = toRow(status, STATUS_COLUMNS);
    const existing = await this.knex('backup_status').where({ system_id: status.systemId }).first();
    if (existing) {
      await this.knex('backup_status').where({ system_id: status.systemId }).update(row);
    } else {
      await this.knex('backup_status').insert({ configured: false, ...row });
    }
  }
}

function toRow<T extends object>(record: Partial<T>, columns: Record<keyof T, string>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value !== undefined) row[columns[key as keyof T]] = value;
  }
  return row;
}

function nullableNumber(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

function toJob(row: Record<string, any>): JobRecord {
  return {
    id: row.id,
    systemId: row.system_id,
    kind: row.kind,
    deviceJobId: row.device_job_id,
    state: row.state,
    phase: row.phase,
    progress: Number(row.progress),
    startedBy: row.started_by,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    polledAt: row.polled_at,
    message: row.message,
    backupId: row.backup_id,
    fromVersion: row.from_version,
    toVersion: row.to_version,
    rolloutId: row.rollout_id ?? null,
  };
}

function toStatus(row: Record<string, any>): BackupStatusRecord {
  return {
    systemId: row.system_id,
    // SQLite answers 1/0, PostgreSQL true/false.
    configured: Boolean(row.configured),
    lastSuccessAt: row.last_success_at,
    lastFailureAt: row.last_failure_at,
    lastFailureMessage: row.last_failure_message,
    nextRunAt: row.next_run_at,
    interval: row.interval,
    checkedAt: row.checked_at,
  };
}
