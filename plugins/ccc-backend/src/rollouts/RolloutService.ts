import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  CccRollout,
  CccRolloutDetails,
  CccRolloutPlan,
  CccRolloutSelection,
  CccSystem,
  compareFirmware,
  createRolloutRequestSchema,
  FINAL_ROLLOUT_SYSTEM_STEPS,
  isFinalRolloutState,
  RolloutState,
  RolloutSystemStep,
  systemGate,
} from '@internal/plugin-ccc-common';
import { randomUUID } from 'node:crypto';
import { CccDatabase } from '../database/CccDatabase';
import { RolloutRecord, RolloutSystemRecord } from '../database/RolloutStore';
import { CccSystemCriteria } from '../database/systemFilter';
import { DeviceClient } from '../device/DeviceClient';
import { DeviceJobs } from '../jobs/DeviceJobs';
import { runBounded } from '../jobs/runBounded';
import { CccHttpError } from '../service/errors';
import { SystemsService } from '../systems/SystemsService';
import { parse } from '../validation';
import { countSteps, toRolloutSystem, waveSummaries } from './rolloutViews';
import { planWaves } from './planWaves';
import { isWindowOpen, isWindowOver, nextWindowOpening } from './updateWindow';

/** The actor of what the rollout does by itself (stop, complete). */
const ROLLOUT_ACTOR = 'ccc:rollouts';
/**
 * A `*_starting` step older than this was left by a backend that stopped
 * between recording the step and the device's answer (a device call takes
 * seconds; its timeout is far below this).
 */
const STALE_START_MS = 5 * 60_000;
/** Steps in which something runs on the device or is about to. */
const IN_FLIGHT: RolloutSystemStep[] = [
  'backup_starting',
  'backing_up',
  'update_starting',
  'updating',
];
/** Steps not yet past the point where a stopped rollout can still leave the system alone. */
const NOT_STARTED: RolloutSystemStep[] = ['pending', 'backed_up'];

/**
 * A system claimed for a step: its key, when, the step it was claimed from (where a start refused before the
 * device was asked goes back to) and the condition every later write of the step must meet.
 */
interface StepClaim {
  at: string;
  key: readonly [string, string];
  from: RolloutSystemStep;
  when: { step: RolloutSystemStep[]; stepAt: string };
}

const PAST = { pause: 'paused', resume: 'resumed', abort: 'aborted' } as const;

const NOT_MANAGEABLE: Record<string, string> = {
  not_paired: 'is not paired',
  maintenance_inactive: 'has no active maintenance',
  firmware_too_old: 'runs firmware too old for the CCC',
};

/** Who is asking, and which systems they may see and update (SQL criteria from the permission policy; undefined: all). */
export interface RolloutViewer {
  actorRef: string;
  readable?: CccSystemCriteria;
  updatable?: CccSystemCriteria;
}

/** Options for {@link RolloutService}. */
export interface RolloutServiceOptions {
  db: CccDatabase;
  systems: SystemsService;
  devices: DeviceClient;
  jobs: DeviceJobs;
  logger: LoggerService;
  /** Injectable clock (update windows in tests). */
  now?: () => Date;
}

/**
 * Fleet firmware rollouts in waves. All state is in the database and every
 * step is claimed there (a conditional update) before the device is asked,
 * so advancing is idempotent: replicas, a restarted backend or a late run
 * never start a system's update twice. Device jobs are followed by
 * {@link DeviceJobs}; this reads their outcome and moves the systems on.
 */
export class RolloutService {
  readonly #db: CccDatabase;
  readonly #systems: SystemsService;
  readonly #devices: DeviceClient;
  readonly #jobs: DeviceJobs;
  readonly #logger: LoggerService;
  readonly #now: () => Date;

  constructor(options: RolloutServiceOptions) {
    this.#db = options.db;
    this.#systems = options.systems;
    this.#devices = options.devices;
    this.#jobs = options.jobs;
    this.#logger = options.logger;
    this.#now = options.now ?? (() => new Date());
  }

  /** What a rollout request would do: its systems in waves, without starting anything. */
  async plan(input: unknown, viewer: RolloutViewer): Promise<CccRolloutPlan> {
    const request = parse(createRolloutRequestSchema, input);
    const systems = await this.#resolve(request.selection, viewer);
    const now = this.#now();
    this.#checkWindow(request.window, now);
    const opening = nextWindowOpening(request.window, now);
    return {
      waves: planWaves(systems, request).map(wave =>
        wave.map(s => ({
          systemId: s.id,
          name: s.name,
          serialNumber: s.serialNumber,
          firmwareVersion: s.device?.firmwareVersion ?? null,
        })),
      ),
      windowOpen: isWindowOpen(request.window, now),
      nextWindowAt:
        opening && opening.getTime() > now.getTime()
          ? opening.toISOString()
          : null,
    };
  }

  /** Starts a rollout: checks the selection, the caller's rights on every system and the window; audited. */
  async create(
    input: unknown,
    viewer: RolloutViewer,
  ): Promise<CccRolloutDetails> {
    const request = parse(createRolloutRequestSchema, input);
    const systems = await this.#resolve(request.selection, viewer);
    const now = this.#now();
    this.#checkWindow(request.window, now);
    const busy = new Set(
      await this.#db.rollouts.systemsInUnfinishedRollouts(
        systems.map(s => s.id),
      ),
    );
    if (busy.size > 0) {
      const names = systems.filter(s => busy.has(s.id)).map(s => s.name);
      throw new ConflictError(
        `${listNames(names)} ${
          names.length === 1 ? 'is' : 'are'
        } already in a rollout that has not finished`,
      );
    }
    const at = now.toISOString();
    const waves = planWaves(systems, request);
    const rollout: RolloutRecord = {
      id: randomUUID(),
      name: request.name,
      state: 'running',
      selection: request.selection,
      canarySize: request.canarySize,
      batchSize: request.batchSize,
      maxFailuresPerWave: request.maxFailuresPerWave,
      window: request.window,
      currentWave: 0,
      waveCount: waves.length,
      startedBy: viewer.actorRef,
      createdAt: at,
      updatedAt: at,
      finishedAt: null,
      message: null,
    };
    const records: RolloutSystemRecord[] = waves.flatMap((wave, index) =>
      wave.map((s, position) => ({
        rolloutId: rollout.id,
        systemId: s.id,
        name: s.name,
        serialNumber: s.serialNumber,
        wave: index,
        position,
        step: 'pending' as const,
        stepAt: null,
        backupJobId: null,
        updateJobId: null,
        fromVersion: s.device?.firmwareVersion ?? null,
        toVersion: null,
        message: null,
        finishedAt: null,
      })),
    );
    await this.#db.transaction(async tx => {
      await tx.rollouts.insert(rollout, records);
      await tx.audit.append({
        at,
        actorRef: viewer.actorRef,
        action: 'rollout.start',
        systemId: null,
        groupId: null,
        details: {
          rolloutId: rollout.id,
          name: rollout.name,
          systems: records.length,
          waves: waves.length,
          canarySize: rollout.canarySize,
          batchSize: rollout.batchSize,
          maxFailuresPerWave: rollout.maxFailuresPerWave,
          selection: rollout.selection.kind,
        },
      });
    });
    this.#logger.info(
      `Rollout ${rollout.id} "${rollout.name}" started by ${viewer.actorRef}: ${records.length} systems in ${waves.length} waves`,
    );
    return this.get(rollout.id, viewer);
  }

  /** Rollouts the viewer may see (holding a system they may see, or started by them), newest first. */
  async list(viewer: RolloutViewer, limit = 100): Promise<CccRollout[]> {
    const records = await this.#db.rollouts.list({
      criteria: viewer.readable,
      startedBy: viewer.actorRef,
      limit,
    });
    const systems = await this.#db.rollouts.listSystemsOf(
      records.map(r => r.id),
    );
    const now = this.#now();
    return records.map(r =>
      this.#toApi(
        r,
        systems.filter(s => s.rolloutId === r.id),
        now,
      ),
    );
  }

  /** One rollout with waves and systems; systems the viewer may not see are shown without name. */
  async get(id: string, viewer: RolloutViewer): Promise<CccRolloutDetails> {
    const { rollout, systems, readable } = await this.#visible(id, viewer);
    return {
      ...this.#toApi(rollout, systems, this.#now()),
      waves: waveSummaries(rollout, systems),
      systems: systems.map(s =>
        toRolloutSystem(s, !readable || readable.has(s.systemId)),
      ),
      mayControl: await this.#mayControl(systems, viewer),
    };
  }

  /** Pauses a running rollout: nothing new starts; what runs on devices finishes. */
  async pause(id: string, viewer: RolloutViewer): Promise<CccRolloutDetails> {
    return this.#control(id, viewer, 'pause', ['running'], 'paused');
  }

  /** Resumes a paused rollout. */
  async resume(id: string, viewer: RolloutViewer): Promise<CccRolloutDetails> {
    return this.#control(id, viewer, 'resume', ['paused'], 'running');
  }

  /** Aborts a rollout: systems not yet updating are cancelled; running updates finish (a device cannot stop one). */
  async abort(id: string, viewer: RolloutViewer): Promise<CccRolloutDetails> {
    return this.#control(id, viewer, 'abort', ['running', 'paused'], 'aborted');
  }

  /** Advances every rollout that has not finished (the scheduled task). */
  async advanceAll(signal?: AbortSignal) {
    const rollouts = await this.#db.rollouts.listUnfinished();
    return runBounded(rollouts, rollout => this.advance(rollout.id), {
      concurrency: 2,
      itemTimeoutMs: 4 * 60_000,
      signal,
      onError: (rollout, error) =>
        this.#logger.warn(
          `Advancing rollout ${rollout.id} failed: ${error.message}`,
        ),
    });
  }

  /**
   * One round of a rollout: reads the outcome of the jobs it started, stops
   * it when a wave has too many failures or the window ended, moves to the
   * next wave when one is done, and starts backups and updates of the
   * current wave while the window is open. Safe to run anywhere, any time.
   */
  async advance(id: string): Promise<void> {
    const initial = await this.#db.rollouts.get(id);
    if (!initial || initial.finishedAt) return;
    const inFlight = (await this.#db.rollouts.listSystems(id)).filter(s =>
      IN_FLIGHT.includes(s.step),
    );
    for (const system of inFlight) await this.#follow(system);

    let rollout = (await this.#db.rollouts.get(id))!;
    let systems = await this.#db.rollouts.listSystems(id);
    const now = this.#now();
    if (rollout.state === 'running' && isWindowOver(rollout.window, now)) {
      const open = systems.filter(
        s => !FINAL_ROLLOUT_SYSTEM_STEPS.includes(s.step),
      ).length;
      await this.#end(
        rollout,
        'stopped',
        `The update window ended with ${open} system(s) not updated`,
      );
      rollout = (await this.#db.rollouts.get(id))!;
    }
    for (;;) {
      if (isFinalRolloutState(rollout.state)) {
        await this.#settle(rollout);
        return;
      }
      if (rollout.state === 'paused') return;
      const wave = rollout.currentWave;
      const members = systems.filter(s => s.wave === wave);
      const failed = members.filter(s => s.step === 'failed').length;
      if (failed >= rollout.maxFailuresPerWave) {
        await this.#end(
          rollout,
          'stopped',
          `${failed} system(s) failed in wave ${
            wave + 1
          }; the rollout stops after ${rollout.maxFailuresPerWave}`,
        );
        rollout = (await this.#db.rollouts.get(id))!;
        continue;
      }
      if (members.every(s => FINAL_ROLLOUT_SYSTEM_STEPS.includes(s.step))) {
        if (wave + 1 >= rollout.waveCount) {
          await this.#end(rollout, 'completed', null);
        } else {
          await this.#db.rollouts.updateRollout(
            id,
            { currentWave: wave + 1, updatedAt: now.toISOString() },
            { state: ['running'], wave },
          );
        }
        rollout = (await this.#db.rollouts.get(id))!;
        systems = await this.#db.rollouts.listSystems(id);
        continue;
      }
      if (!isWindowOpen(rollout.window, now)) return;
      const startable = members.filter(
        s => s.step === 'pending' || s.step === 'backed_up',
      );
      const current = rollout;
      await runBounded(
        startable,
        s =>
          s.step === 'pending'
            ? this.#startBackup(current, s)
            : this.#startUpdate(current, s),
        {
          concurrency: 8,
          itemTimeoutMs: 60_000,
          onError: (s, error) =>
            this.#logger.warn(
              `Rollout ${id}, system ${s.systemId}: ${error.message}`,
            ),
        },
      );
      return;
    }
  }

  // Reads what the device jobs of a system came to and moves the system on.
  async #follow(s: RolloutSystemRecord): Promise<void> {
    const at = this.#now().toISOString();
    const key = [s.rolloutId, s.systemId] as const;
    if (s.step === 'backup_starting' || s.step === 'update_starting') {
      if (this.#now().getTime() - Date.parse(s.stepAt ?? at) < STALE_START_MS)
        return;
      await this.#recover(s);
      return;
    }
    const jobId = s.step === 'backing_up' ? s.backupJobId : s.updateJobId;
    const job = jobId ? await this.#db.backups.getJob(jobId) : undefined;
    if (job?.state === 'running') return;
    const when = { step: [s.step] };
    if (s.step === 'backing_up') {
      if (job?.state === 'succeeded') {
        await this.#db.rollouts.updateSystem(
          ...key,
          { step: 'backed_up', stepAt: at, message: null },
          when,
        );
      } else {
        const why = job?.message ?? 'the job is gone';
        await this.#db.rollouts.updateSystem(
          ...key,
          {
            step: 'failed',
            stepAt: at,
            finishedAt: at,
            message: `The backup failed (${why}); the update was skipped`,
          },
          when,
        );
      }
      return;
    }
    if (job?.state === 'succeeded') {
      await this.#db.rollouts.updateSystem(
        ...key,
        {
          step: 'succeeded',
          stepAt: at,
          finishedAt: at,
          toVersion: job.toVersion ?? s.toVersion,
          message: null,
        },
        when,
      );
    } else {
      await this.#db.rollouts.updateSystem(
        ...key,
        {
          step: 'failed',
          stepAt: at,
          finishedAt: at,
          message: `The update failed: ${job?.message ?? 'the job is gone'}`,
        },
        when,
      );
    }
  }

  // A backend stopped between recording a start and recording the job: adopt
  // the job when it was recorded; otherwise repeat a backup (harmless), but
  // never an update, whose fate on the device is unknown.
  async #recover(s: RolloutSystemRecord): Promise<void> {
    const at = this.#now().toISOString();
    const key = [s.rolloutId, s.systemId] as const;
    const when = { step: [s.step], stepAt: s.stepAt };
    if (s.step === 'backup_starting') {
      const jobId = await this.#db.rollouts.findJob(
        s.rolloutId,
        s.systemId,
        'backup',
      );
      await this.#db.rollouts.updateSystem(
        ...key,
        jobId
          ? { step: 'backing_up', backupJobId: jobId, stepAt: at }
          : {
              step: 'pending',
              stepAt: at,
              message:
                'Starting the backup was interrupted; it is started again',
            },
        when,
      );
      return;
    }
    const jobId = await this.#db.rollouts.findJob(
      s.rolloutId,
      s.systemId,
      'firmware',
    );
    await this.#db.rollouts.updateSystem(
      ...key,
      jobId
        ? { step: 'updating', updateJobId: jobId, stepAt: at }
        : {
            step: 'failed',
            stepAt: at,
            finishedAt: at,
            message:
              'Starting the update was interrupted; to be safe it is not started again. Check the firmware of the system.',
          },
      when,
    );
  }

  // Claims the system, then backs it up (or skips it when there is nothing newer to install).
  async #startBackup(
    rollout: RolloutRecord,
    s: RolloutSystemRecord,
  ): Promise<void> {
    const claim = await this.#claim(rollout, s, 'pending', 'backup_starting');
    if (!claim) return;
    const { at, key, when } = claim;
    try {
      const { target } = await this.#systems.manageableTarget(s.systemId);
      const firmware = await this.#devices.getFirmware(target);
      if (!firmware.available) {
        const patch = firmware.updateServerReachable
          ? {
              step: 'skipped' as const,
              message: `Already runs ${firmware.installed}; the update server offers nothing newer`,
            }
          : {
              step: 'failed' as const,
              message:
                'The PBX cannot reach the update server; check its internet connection',
            };
        await this.#db.rollouts.updateSystem(
          ...key,
          {
            ...patch,
            stepAt: at,
            finishedAt: at,
            fromVersion: firmware.installed,
            toVersion: null,
          },
          when,
        );
        return;
      }
      const job = await this.#jobs.start({
        systemId: s.systemId,
        kind: 'backup',
        actorRef: rollout.startedBy,
        target,
        rolloutId: rollout.id,
        begin: t => this.#devices.createBackup(t),
      });
      await this.#db.rollouts.updateSystem(
        ...key,
        {
          step: 'backing_up',
          stepAt: this.#now().toISOString(),
          backupJobId: job.id,
          fromVersion: firmware.installed,
          toVersion: firmware.available,
        },
        when,
      );
    } catch (error) {
      await this.#startFailed(
        claim,
        error,
        message => `The backup could not start (${message}); the update was skipped`,
      );
    }
  }

  // Claims the backed-up system, then starts its firmware update.
  async #startUpdate(
    rollout: RolloutRecord,
    s: RolloutSystemRecord,
  ): Promise<void> {
    const claim = await this.#claim(rollout, s, 'backed_up', 'update_starting');
    if (!claim) return;
    const { at, key, when } = claim;
    try {
      const { target } = await this.#systems.manageableTarget(s.systemId);
      const firmware = await this.#devices.getFirmware(target);
      if (!firmware.available) {
        await this.#db.rollouts.updateSystem(
          ...key,
          {
            step: 'skipped',
            stepAt: at,
            finishedAt: at,
            toVersion: null,
            message: `Runs ${firmware.installed} already; nothing newer to install`,
          },
          when,
        );
        return;
      }
      const job = await this.#jobs.start({
        systemId: s.systemId,
        kind: 'firmware',
        actorRef: rollout.startedBy,
        target,
        rolloutId: rollout.id,
        fromVersion: firmware.installed,
        toVersion: firmware.available,
        begin: t => this.#devices.startFirmwareUpdate(t),
      });
      await this.#db.rollouts.updateSystem(
        ...key,
        {
          step: 'updating',
          stepAt: this.#now().toISOString(),
          updateJobId: job.id,
          fromVersion: firmware.installed,
          toVersion: firmware.available,
        },
        when,
      );
    } catch (error) {
      // A refusal keeps the backup: the update waits for the other job.
      await this.#startFailed(claim, error, message => `The update could not start: ${message}`);
    }
  }

  /**
   * Moves a system of a running rollout from `from` to `to` with a conditional update: of several
   * backends advancing at once, exactly one gets the claim, and only it asks the device.
   */
  async #claim(
    rollout: RolloutRecord,
    s: RolloutSystemRecord,
    from: RolloutSystemStep,
    to: RolloutSystemStep,
  ): Promise<StepClaim | undefined> {
    const at = this.#now().toISOString();
    const key = [rollout.id, s.systemId] as const;
    const claimed = await this.#db.rollouts.updateSystem(
      ...key,
      { step: to, stepAt: at, message: null },
      { step: [from], rolloutState: ['running'] },
    );
    return claimed ? { at, key, from, when: { step: [to], stepAt: at } } : undefined;
  }

  /**
   * Records a start that did not happen: a ConflictError (another job runs) was raised before the
   * device was asked, so the system goes back to the step it was claimed from for the next round;
   * anything else fails it.
   */
  async #startFailed(claim: StepClaim, error: unknown, failure: (message: string) => string): Promise<void> {
    const { key, from, when } = claim;
    if (error instanceof ConflictError) {
      await this.#db.rollouts.updateSystem(...key, { step: from, message: error.message }, when);
      return;
    }
    const failedAt = this.#now().toISOString();
    await this.#db.rollouts.updateSystem(
      ...key,
      { step: 'failed', stepAt: failedAt, finishedAt: failedAt, message: failure((error as Error).message) },
      when,
    );
  }

  // Ends a running rollout by itself (completed, or stopped by policy or window), audited.
  async #end(
    rollout: RolloutRecord,
    state: 'completed' | 'stopped',
    message: string | null,
  ): Promise<void> {
    const at = this.#now().toISOString();
    await this.#db.transaction(async tx => {
      const won = await tx.rollouts.updateRollout(
        rollout.id,
        { state, message, updatedAt: at },
        { state: ['running'], wave: rollout.currentWave },
      );
      if (!won) return;
      await tx.audit.append({
        at,
        actorRef: ROLLOUT_ACTOR,
        action: `rollout.${state}`,
        systemId: null,
        groupId: null,
        details: {
          rolloutId: rollout.id,
          name: rollout.name,
          ...(message ? { message } : {}),
        },
      });
    });
    if (state === 'stopped')
      this.#logger.warn(
        `Rollout ${rollout.id} "${rollout.name}" stopped: ${message}`,
      );
  }

  // After the end: cancels what has not started and closes the rollout once nothing runs on a device.
  async #settle(rollout: RolloutRecord): Promise<void> {
    const at = this.#now().toISOString();
    const reason =
      rollout.state === 'aborted'
        ? 'The rollout was aborted'
        : 'The rollout stopped';
    await this.#db.rollouts.updateSystemsAt(rollout.id, NOT_STARTED, {
      step: 'cancelled',
      stepAt: at,
      finishedAt: at,
      message: `${reason} before this system was updated`,
    });
    const systems = await this.#db.rollouts.listSystems(rollout.id);
    if (systems.some(s => !FINAL_ROLLOUT_SYSTEM_STEPS.includes(s.step))) return;
    await this.#db.rollouts.updateRollout(
      rollout.id,
      { finishedAt: at, updatedAt: at },
      { state: [rollout.state] },
    );
  }

  async #control(
    id: string,
    viewer: RolloutViewer,
    verb: 'pause' | 'resume' | 'abort',
    from: RolloutState[],
    to: RolloutState,
  ): Promise<CccRolloutDetails> {
    const { rollout, systems } = await this.#visible(id, viewer);
    if (!(await this.#mayControl(systems, viewer))) {
      throw new NotAllowedError(
        `You are not allowed to ${verb} ${rollout.name}: that needs the role Owner or Administrator on every system in it`,
      );
    }
    const at = this.#now().toISOString();
    await this.#db.transaction(async tx => {
      const won = await tx.rollouts.updateRollout(
        id,
        {
          state: to,
          updatedAt: at,
          ...(to === 'aborted'
            ? { message: `Aborted by ${viewer.actorRef}` }
            : {}),
        },
        { state: from },
      );
      if (!won) {
        const current = (await tx.rollouts.get(id))!.state;
        throw new ConflictError(
          `${rollout.name} is ${current}; only a ${from.join(
            ' or ',
          )} rollout can be ${PAST[verb]}`,
        );
      }
      if (to === 'aborted') {
        await tx.rollouts.updateSystemsAt(id, NOT_STARTED, {
          step: 'cancelled',
          stepAt: at,
          finishedAt: at,
          message: 'The rollout was aborted before this system was updated',
        });
      }
      await tx.audit.append({
        at,
        actorRef: viewer.actorRef,
        action: `rollout.${verb}`,
        systemId: null,
        groupId: null,
        details: { rolloutId: id, name: rollout.name },
      });
    });
    return this.get(id, viewer);
  }

  // The systems a selection stands for, each one the viewer may update and the CCC can manage.
  async #resolve(
    selection: CccRolloutSelection,
    viewer: RolloutViewer,
  ): Promise<CccSystem[]> {
    const updatable = await this.#systems.list(viewer.updatable);
    if (selection.kind === 'filter') {
      const { text, model, firmwareBelow } = selection.filter;
      const needle = text?.toLowerCase();
      const found = updatable.filter(s => {
        if (!systemGate(s).manageable) return false;
        if (
          needle &&
          !s.name.toLowerCase().includes(needle) &&
          !s.serialNumber.toLowerCase().includes(needle)
        )
          return false;
        if (model && s.device?.model !== model) return false;
        if (
          firmwareBelow &&
          compareFirmware(s.device!.firmwareVersion, firmwareBelow) >= 0
        )
          return false;
        return true;
      });
      if (found.length === 0) {
        throw new InputError(
          'No system you may update matches the filter (only paired systems with active maintenance count)',
        );
      }
      return found;
    }
    const ids =
      selection.kind === 'systems'
        ? selection.systemIds
        : await this.#groupSystemIds(selection.groupId, viewer);
    const allowed = new Map(updatable.map(s => [s.id, s]));
    const refused = ids.filter(id => !allowed.has(id));
    if (refused.length > 0) {
      const records = await this.#db.systems.getMany(refused);
      const unknown = refused.filter((_id, i) => !records[i]);
      if (unknown.length > 0)
        throw new NotFoundError(`No system with id ${unknown.join(', ')}`);
      throw new NotAllowedError(
        `You are not allowed to update the firmware on ${listNames(
          records.map(r => r!.name),
        )}: a rollout needs the role Owner or Administrator on every chosen system`,
      );
    }
    const chosen = ids.map(id => allowed.get(id)!);
    const unmanageable = chosen.filter(s => !systemGate(s).manageable);
    if (unmanageable.length > 0) {
      const reasons = unmanageable.map(
        s => `${s.name} ${NOT_MANAGEABLE[systemGate(s).reason!]}`,
      );
      throw new CccHttpError(
        'SystemNotManageableError',
        `The CCC cannot update ${reasons.join(', ')}; leave ${
          unmanageable.length === 1 ? 'it' : 'them'
        } out of the rollout`,
        412,
      );
    }
    return chosen;
  }

  async #groupSystemIds(
    groupId: string,
    viewer: RolloutViewer,
  ): Promise<string[]> {
    const group = await this.#db.access.getGroup(groupId);
    if (!group) throw new NotFoundError(`No user group with id ${groupId}`);
    const members = await this.#db.access.listMembers(groupId);
    if (
      group.ownerRef !== viewer.actorRef &&
      !members.some(m => m.memberRef === viewer.actorRef)
    ) {
      throw new NotAllowedError(
        `Only the owner and the members of the group ${group.name} may roll out to its systems`,
      );
    }
    const systems = await this.#db.access.listGroupSystems(groupId);
    if (systems.length === 0)
      throw new InputError(`The group ${group.name} has no systems`);
    return systems.map(s => s.systemId);
  }

  #checkWindow(window: RolloutRecord['window'], now: Date): void {
    if (!window) return;
    if (window.endAt && Date.parse(window.endAt) <= now.getTime()) {
      throw new InputError(
        `The update window ends in the past (${window.endAt}); choose an end in the future`,
      );
    }
    if (!nextWindowOpening(window, now)) {
      throw new InputError(
        'The update window never opens before it ends; choose other days, hours or a later end',
      );
    }
  }

  // 404 for rollouts the viewer may not know of; `readable` is null when every system may be shown.
  async #visible(id: string, viewer: RolloutViewer) {
    const rollout = await this.#db.rollouts.get(id);
    if (!rollout) throw new NotFoundError(`No rollout with id ${id}`);
    const systems = await this.#db.rollouts.listSystems(id);
    if (!viewer.readable) return { rollout, systems, readable: null };
    const readable = new Set(
      (await this.#systems.list(viewer.readable)).map(s => s.id),
    );
    if (
      rollout.startedBy !== viewer.actorRef &&
      !systems.some(s => readable.has(s.systemId))
    ) {
      throw new NotFoundError(`No rollout with id ${id}`);
    }
    return { rollout, systems, readable };
  }

  // Whoever may update every system of the rollout still registered may steer it.
  async #mayControl(
    systems: RolloutSystemRecord[],
    viewer: RolloutViewer,
  ): Promise<boolean> {
    if (!viewer.updatable) return true;
    const updatable = new Set(
      (await this.#systems.list(viewer.updatable)).map(s => s.id),
    );
    const existing = (
      await this.#db.systems.getMany(systems.map(s => s.systemId))
    ).filter(Boolean);
    return existing.every(record => updatable.has(record!.id));
  }

  #toApi(
    rollout: RolloutRecord,
    systems: RolloutSystemRecord[],
    now: Date,
  ): CccRollout {
    const live = !rollout.finishedAt && !isFinalRolloutState(rollout.state);
    const windowOpen = live && isWindowOpen(rollout.window, now);
    const opening =
      live && !windowOpen ? nextWindowOpening(rollout.window, now) : null;
    return {
      ...rollout,
      counts: countSteps(systems),
      windowOpen,
      nextWindowAt: opening ? opening.toISOString() : null,
    };
  }
}

function listNames(names: string[]): string {
  return names.length > 5
    ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more`
    : names.join(', ');
}
