import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { CccJob } from '@internal/plugin-ccc-common';
import { randomUUID } from 'node:crypto';
import { CccDatabase } from '../database/CccDatabase';
import { JobRecord } from '../database/BackupStore';
import { DeviceClient, DeviceTarget } from '../device/DeviceClient';
import { DeviceRebootingError } from '../device/errors';
import { SystemsService } from '../systems/SystemsService';
import { runBounded } from './runBounded';

/** How long a job may run before the CCC gives up on it. */
const JOB_TIMEOUT_MS = 30 * 60_000;
/** After a restore, how long to wait for a restart that was not seen before accepting the device as back. */
const UNSEEN_RESTART_GRACE_MS = 5 * 60_000;

/** Hooks for what follows a finished job. */
export interface DeviceJobHooks {
  /** A backup job succeeded or failed (backup status, retention). */
  onBackupFinished?(job: JobRecord): Promise<void>;
}

/**
 * Backups, restores and firmware updates the CCC started: each is a job on
 * the device, recorded here and followed to the end, through the restart
 * that restores and updates cause. State lives in the database, so a
 * backend restart (or another replica) carries on following.
 */
export class DeviceJobs {
  readonly #db: CccDatabase;
  readonly #systems: SystemsService;
  readonly #devices: DeviceClient;
  readonly #logger: LoggerService;
  readonly #now: () => Date;
  #hooks: DeviceJobHooks = {};

  constructor(options: {
    db: CccDatabase;
    systems: SystemsService;
    devices: DeviceClient;
    logger: LoggerService;
    now?: () => Date;
  }) {
    this.#db = options.db;
    this.#systems = options.systems;
    this.#devices = options.devices;
    this.#logger = options.logger;
    this.#now = options.now ?? (() => new Date());
  }

  /** Sets what happens after jobs (set once by the plugin, after all services exist). */
  setHooks(hooks: DeviceJobHooks): void {
    this.#hooks = hooks;
  }

  /**
   * Starts a job: refuses while another runs on the system (one change at a
   * time: a backup during an update would be worthless), then asks the
   * device and records the job with an audit row.
   */
  async start(options: {
    systemId: string;
    kind: CccJob['kind'];
    actorRef: string;
    begin: (target: DeviceTarget) => Promise<{ jobId: string }>;
    target: DeviceTarget;
    backupId?: string;
    fromVersion?: string | null;
    toVersion?: string | null;
    /** The fleet rollout starting the job. */
    rolloutId?: string;
  }): Promise<CccJob> {
    const running = await this.#db.backups.runningJobOf(options.systemId);
    if (running) {
      throw new ConflictError(`A ${running.kind} started by ${running.startedBy} is still running on this system; wait for it to finish`);
    }
    const { jobId } = await options.begin(options.target);
    const at = this.#now().toISOString();
    const job: JobRecord = {
      id: randomUUID(),
      systemId: options.systemId,
      kind: options.kind,
      deviceJobId: jobId,
      state: 'running',
      phase: 'queued',
      progress: 0,
      startedBy: options.actorRef,
      startedAt: at,
      finishedAt: null,
      polledAt: null,
      message: null,
      backupId: options.backupId ?? null,
      fromVersion: options.fromVersion ?? null,
      toVersion: options.toVersion ?? null,
      rolloutId: options.rolloutId ?? null,
    };
    await this.#db.transaction(async tx => {
      await tx.backups.insertJob(job);
      await tx.audit.append({
        at,
        actorRef: options.actorRef,
        action: `${options.kind}.start`,
        systemId: options.systemId,
        groupId: null,
        details: { jobId: job.id, ...(options.backupId ? { backupId: options.backupId } : {}), ...(options.toVersion ? { toVersion: options.toVersion } : {}), ...(options.rolloutId ? { rolloutId: options.rolloutId } : {}) },
      });
    });
    return toApi(job);
  }

  /** One job of a system, brought up to date first when it is running. */
  async get(systemId: string, jobId: string): Promise<CccJob> {
    const job = await this.#db.backups.getJob(jobId);
    if (!job || job.systemId !== systemId) throw new NotFoundError(`No job ${jobId} on this system`);
    return toApi(job.state === 'running' ? await this.advance(job) : job);
  }

  /** Jobs of a system, newest first. */
  async list(systemId: string, kinds?: CccJob['kind'][], limit = 50): Promise<CccJob[]> {
    return (await this.#db.backups.listJobs(systemId, { kinds, limit })).map(toApi);
  }

  /** The running job of a system, if any. */
  async running(systemId: string): Promise<CccJob | null> {
    const job = await this.#db.backups.runningJobOf(systemId);
    return job ? toApi(job) : null;
  }

  /** Follows every running job one step (the scheduled task). */
  async followAll(signal?: AbortSignal) {
    const jobs = await this.#db.backups.listRunningJobs();
    return runBounded(jobs, job => this.advance(job), {
      concurrency: 8,
      itemTimeoutMs: 60_000,
      signal,
      onError: (job, error) => this.#logger.warn(`Following ${job.kind} ${job.id} failed: ${error.message}`),
    });
  }

  /** Reads the device once and moves the job on; returns the job as stored afterwards. */
  async advance(job: JobRecord): Promise<JobRecord> {
    const now = this.#now();
    const at = now.toISOString();
    if (now.getTime() - Date.parse(job.startedAt) > JOB_TIMEOUT_MS) {
      return this.#finish(job, { state: 'failed', message: 'The device did not finish the job within 30 minutes' });
    }
    let patch: Partial<JobRecord>;
    try {
      const target = await this.#systems.pairedTarget(job.systemId);
      patch = await this.#read(job, target, now);
    } catch (error) {
      if (error instanceof DeviceRebootingError) {
        patch = { phase: 'rebooting', message: null };
      } else if (error instanceof NotFoundError) {
        throw error;
      } else {
        // Unreachable for a moment, say: keep the job running, remember why.
        patch = { message: (error as Error).message };
      }
    }
    if (patch.state && patch.state !== 'running') return this.#finish(job, patch);
    await this.#db.backups.updateJob(job.id, { ...patch, polledAt: at });
    return { ...job, ...patch, polledAt: at };
  }

  async #read(job: JobRecord, target: DeviceTarget, now: Date): Promise<Partial<JobRecord>> {
    if (job.kind === 'firmware') return this.#readFirmware(job, target);
    if (job.kind === 'restore' && (job.phase === 'restarting' || job.phase === 'rebooting')) {
      return this.#readRestart(job, now);
    }
    const deviceJob = await this.#devices.getJob(target, job.deviceJobId!);
    if (deviceJob.state === 'failed') {
      return { state: 'failed', progress: deviceJob.progress, message: deviceJob.message ?? `The ${job.kind} failed on the device` };
    }
    if (deviceJob.state !== 'done') return { phase: deviceJob.state, progress: deviceJob.progress, message: null };
    if (job.kind === 'backup') {
      return { state: 'succeeded', phase: 'done', progress: 100, backupId: deviceJob.backupId ?? job.backupId, message: null };
    }
    // A restore is done on the device; the PBX restarts now.
    return { phase: 'restarting', progress: 100, message: null };
  }

  // After a restore: finished once the device answers again after its restart.
  async #readRestart(job: JobRecord, now: Date): Promise<Partial<JobRecord>> {
    const system = await this.#systems.refresh(job.systemId);
    const back = system.state === 'paired_ok' || system.state === 'paired_restricted';
    if (!back) return { phase: system.stateReason === 'rebooting' ? 'rebooting' : job.phase };
    const sawRestart = job.phase === 'rebooting';
    if (sawRestart || now.getTime() - Date.parse(job.startedAt) > UNSEEN_RESTART_GRACE_MS) {
      return { state: 'succeeded', phase: 'done', message: sawRestart ? null : 'The restart was not observed' };
    }
    return {};
  }

  async #readFirmware(job: JobRecord, target: DeviceTarget): Promise<Partial<JobRecord>> {
    const status = await this.#devices.getFirmwareUpdateStatus(target);
    const finished = status.history.find(entry => entry.jobId === job.deviceJobId);
    if (finished?.state === 'failed') {
      return { state: 'failed', message: finished.message ?? 'The firmware update failed on the device' };
    }
    if (finished?.state === 'succeeded' || status.state === 'succeeded') {
      // The update counts once the device is back with the new version.
      const system = await this.#systems.refresh(job.systemId);
      const version = system.device?.firmwareVersion ?? null;
      const back = system.state === 'paired_ok' || system.state === 'paired_restricted';
      if (back && (!job.toVersion || version === job.toVersion)) {
        return { state: 'succeeded', phase: 'done', progress: 100, toVersion: version, message: null };
      }
      return { phase: 'rebooting', progress: 100 };
    }
    if (status.state === 'failed') return { state: 'failed', message: status.message ?? 'The firmware update failed' };
    return { phase: status.state, progress: status.progress, message: null };
  }

  async #finish(job: JobRecord, patch: Partial<JobRecord>): Promise<JobRecord> {
    const at = this.#now().toISOString();
    const done: JobRecord = { ...job, ...patch, finishedAt: at, polledAt: at };
    await this.#db.transaction(async tx => {
      await tx.backups.updateJob(job.id, { ...patch, finishedAt: at, polledAt: at });
      await tx.audit.append({
        at,
        actorRef: 'ccc:jobs',
        action: `${job.kind}.${done.state}`,
        systemId: job.systemId,
        groupId: null,
        details: { jobId: job.id, ...(done.message ? { message: done.message } : {}), ...(done.backupId ? { backupId: done.backupId } : {}) },
      });
    });
    if (job.kind === 'backup') {
      await this.#hooks.onBackupFinished?.(done).catch(error =>
        this.#logger.warn(`After backup ${job.id}: ${(error as Error).message}`),
      );
    }
    return done;
  }
}

function toApi(job: JobRecord): CccJob {
  const { deviceJobId: _deviceJobId, polledAt: _polledAt, ...rest } = job;
  return rest;
}
