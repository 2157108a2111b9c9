import { LoggerService } from '@backstage/backend-plugin-api';
import {
  CccBackupOverview,
  CccFleetBackupRow,
  CccJob,
  CccRetention,
  deleteBackupsRequestSchema,
  restoreBackupRequestSchema,
  setBackupScheduleRequestSchema,
  setRetentionRequestSchema,
} from '@internal/plugin-ccc-common';
import { CccDatabase } from '../database/CccDatabase';
import { JobRecord } from '../database/BackupStore';
import { CccSystemCriteria } from '../database/systemFilter';
import { DeviceClient, DeviceTarget } from '../device/DeviceClient';
import { DeviceJobs } from '../jobs/DeviceJobs';
import { runBounded } from '../jobs/runBounded';
import { Shard } from '../jobs/shards';
import { SystemsService } from '../systems/SystemsService';
import { parse } from '../validation';
import { assessBackups } from './assurance';
import { backupsToPrune, RetentionRule } from './retention';

/** Options for {@link BackupsService}. */
export interface BackupsServiceOptions {
  db: CccDatabase;
  systems: SystemsService;
  devices: DeviceClient;
  jobs: DeviceJobs;
  logger: LoggerService;
  /** Fleet default retention (`ccc.backups.retention`); none keeps everything. */
  fleetRetention?: RetentionRule;
  /** Days without a successful backup after which a system counts as stale; default 7. */
  staleAfterDays?: number;
  now?: () => Date;
}

const RETENTION_ACTOR = 'ccc:retention';

/**
 * Remote backups (manual: "Backup"): the tab of one system, the fleet view,
 * retention and backup assurance. Callers check the permissions.
 */
export class BackupsService {
  readonly #db: CccDatabase;
  readonly #systems: SystemsService;
  readonly #devices: DeviceClient;
  readonly #jobs: DeviceJobs;
  readonly #logger: LoggerService;
  readonly #fleetRetention: RetentionRule;
  readonly #staleAfterDays: number;
  readonly #now: () => Date;

  constructor(options: BackupsServiceOptions) {
    this.#db = options.db;
    this.#systems = options.systems;
    this.#devices = options.devices;
    this.#jobs = options.jobs;
    this.#logger = options.logger;
    this.#fleetRetention = options.fleetRetention ?? { keepLast: null, keepDays: null };
    this.#staleAfterDays = options.staleAfterDays ?? 7;
    this.#now = options.now ?? (() => new Date());
  }

  /** Everything the backup tab shows, read from the device now. */
  async overview(systemId: string): Promise<CccBackupOverview> {
    const read = await this.refreshStatus(systemId);
    const runningJob = await this.#jobs.running(systemId);
    return {
      ...read,
      retention: await this.#retentionOf(systemId),
      assurance: assessBackups(await this.#db.backups.getStatus(systemId), this.#now(), this.#staleAfterDays),
      runningJob: runningJob && runningJob.kind !== 'firmware' ? runningJob : null,
    };
  }


  /** Starts a backup now. */
  async startBackup(systemId: string, actorRef: string): Promise<CccJob> {
    const { target } = await this.#systems.manageableTarget(systemId);
    return this.#jobs.start({ systemId, kind: 'backup', actorRef, target, begin: t => this.#devices.createBackup(t) });
  }

  /** Restores a backup after the caller's explicit confirmation; the PBX restarts. */
  async restore(systemId: string, backupId: string, input: unknown, actorRef: string): Promise<CccJob> {
    const request = parse(restoreBackupRequestSchema, input);
    const { target } = await this.#systems.manageableTarget(systemId);
    return this.#jobs.start({
      systemId,
      kind: 'restore',
      actorRef,
      target,
      backupId,
      begin: t => this.#devices.restoreBackup(t, backupId, { password: request.password }),
    });
  }

  /** Deletes backups one by one; stops at the first refusal and says which were deleted. */
  async deleteBackups(systemId: string, input: unknown, actorRef: string): Promise<{ deleted: string[] }> {
    const { ids } = parse(deleteBackupsRequestSchema, input);
    const { target } = await this.#systems.manageableTarget(systemId);
    return this.#delete(systemId, target, [...new Set(ids)], actorRef);
  }

  /** Changes the automatic interval on the device (the device keeps the time of day). */
  async setSchedule(systemId: string, input: unknown, actorRef: string) {
    const { interval } = parse(setBackupScheduleRequestSchema, input);
    const { target } = await this.#systems.manageableTarget(systemId);
    const schedule = await this.#devices.setBackupSchedule(target, interval);
    await this.#audit(actorRef, 'backup.schedule', systemId, { interval });
    await this.#db.backups.upsertStatus({
      systemId,
      interval: schedule.interval,
      nextRunAt: schedule.nextRun,
      checkedAt: this.#now().toISOString(),
    });
    return schedule;
  }

  /** Sets the system's retention; both limits null returns it to the fleet default. */
  async setRetention(systemId: string, input: unknown, actorRef: string): Promise<CccRetention> {
    const rule = parse(setRetentionRequestSchema, input);
    await this.#systems.get(systemId);
    const at = this.#now().toISOString();
    await this.#db.transaction(async tx => {
      if (rule.keepLast === null && rule.keepDays === null) await tx.backups.clearRetention(systemId);
      else await tx.backups.setRetention(systemId, rule, actorRef, at);
      await tx.audit.append({ at, actorRef, action: 'backup.retention', systemId, groupId: null, details: { ...rule } });
    });
    return this.#retentionOf(systemId);
  }

  /** Applies the retention rule now: deletes what it lets go, never the newest backup. */
  async applyRetention(systemId: string): Promise<{ deleted: string[] }> {
    const { target } = await this.#systems.manageableTarget(systemId);
    const rule = await this.#retentionOf(systemId);
    const backups = await this.#devices.listBackups(target);
    const prune = backupsToPrune(backups, rule, this.#now());
    if (prune.length === 0) return { deleted: [] };
    return this.#delete(systemId, target, prune.map(b => b.id), RETENTION_ACTOR);
  }

  /** Called when a backup job ends: records success or failure and prunes after a success. */
  async onBackupFinished(job: JobRecord): Promise<void> {
    const at = job.finishedAt ?? this.#now().toISOString();
    if (job.state === 'succeeded') {
      await this.#db.backups.upsertStatus({ systemId: job.systemId, configured: true, lastSuccessAt: at, checkedAt: at });
      const { deleted } = await this.applyRetention(job.systemId);
      if (deleted.length > 0) this.#logger.info(`Retention removed ${deleted.length} backup(s) of system ${job.systemId}`);
    } else {
      await this.#db.backups.upsertStatus({
        systemId: job.systemId,
        // Only a device with backup set up runs a backup job at all.
        configured: true,
        lastFailureAt: at,
        lastFailureMessage: job.message,
        checkedAt: at,
      });
    }
  }

  /** Reads one system's backup state from the device into the status table (assurance) and returns what it read. */
  async refreshStatus(
    systemId: string,
  ): Promise<Pick<CccBackupOverview, 'configured' | 'serverAddress' | 'backups' | 'schedule'>> {
    const { target } = await this.#systems.manageableTarget(systemId);
    const config = await this.#devices.getBackupConfig(target);
    if (!config.configured) {
      await this.#db.backups.upsertStatus({ systemId, configured: false, checkedAt: this.#now().toISOString() });
      return {
        configured: false,
        serverAddress: null,
        backups: [],
        schedule: { interval: 'off', anchorTime: null, lastRun: null, nextRun: null },
      };
    }
    const [backups, schedule] = await Promise.all([
      this.#devices.listBackups(target),
      this.#devices.getBackupSchedule(target),
    ]);
    await this.#recordStatus(systemId, { configured: true, backups, schedule });
    return { configured: true, serverAddress: config.serverAddress, backups, schedule };
  }


  /** Refreshes every manageable system's backup status, a few at a time. */
  async refreshAllStatuses(signal?: AbortSignal, shard?: Shard) {
    const ids = await this.#systems.manageableIds(shard);
    return runBounded(ids, id => this.refreshStatus(id), {
      concurrency: 8,
      itemTimeoutMs: 60_000,
      signal,
      onError: (id, error) => this.#logger.debug(`Backup status of system ${id} not read: ${error.message}`),
    });
  }

  /** The fleet backups view over the systems the caller may see backups of (criteria from the permission policy). */
  async fleet(criteria?: CccSystemCriteria): Promise<CccFleetBackupRow[]> {
    const systems = await this.#systems.list(criteria);
    const statuses = await this.#db.backups.getStatuses(systems.map(s => s.id));
    const now = this.#now();
    return systems.map(s => ({
      systemId: s.id,
      name: s.name,
      serialNumber: s.serialNumber,
      assurance: assessBackups(statuses.get(s.id), now, this.#staleAfterDays),
    }));
  }

  async #recordStatus(
    systemId: string,
    read: { configured: boolean; backups: Array<{ createdAt: string }>; schedule: { interval: string; nextRun: string | null; lastRun: string | null } },
  ) {
    // The newest backup on the server (manual or scheduled) is the last success the device can prove.
    const newest = read.backups.map(b => b.createdAt).sort().pop() ?? null;
    const previous = await this.#db.backups.getStatus(systemId);
    const lastSuccessAt = [newest, previous?.lastSuccessAt ?? null].filter(Boolean).sort().pop() ?? null;
    await this.#db.backups.upsertStatus({
      systemId,
      configured: read.configured,
      lastSuccessAt,
      interval: read.schedule.interval as CccBackupOverview['schedule']['interval'],
      nextRunAt: read.schedule.nextRun,
      checkedAt: this.#now().toISOString(),
    });
  }

  async #delete(systemId: string, target: DeviceTarget, ids: string[], actorRef: string) {
    const deleted: string[] = [];
    for (const id of ids) {
      try {
        await this.#devices.deleteBackup(target, id);
      } catch (error) {
        // Say which ones went before the refusal; each of those is audited already.
        if (deleted.length > 0) (error as Error).message += ` (deleted before: ${deleted.join(', ')})`;
        throw error;
      }
      deleted.push(id);
      await this.#audit(actorRef, 'backup.delete', systemId, { backupId: id });
    }
    return { deleted };
  }

  async #retentionOf(systemId: string): Promise<CccRetention> {
    const own = await this.#db.backups.getRetention(systemId);
    return own ? { ...own, source: 'system' } : { ...this.#fleetRetention, source: 'fleet' };
  }

  async #audit(actorRef: string, action: string, systemId: string, details: Record<string, unknown>) {
    await this.#db.audit.append({ at: this.#now().toISOString(), actorRef, action, systemId, groupId: null, details });
  }
}
