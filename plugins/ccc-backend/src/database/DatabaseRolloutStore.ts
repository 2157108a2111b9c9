import {
  FINAL_ROLLOUT_SYSTEM_STEPS,
  RolloutState,
  RolloutSystemStep,
} from '@internal/plugin-ccc-common';
import { Knex } from 'knex';
import {
  RolloutPatch,
  RolloutRecord,
  RolloutStore,
  RolloutSystemPatch,
  RolloutSystemRecord,
} from './RolloutStore';
import { applySystemFilter, CccSystemCriteria } from './systemFilter';

const ROLLOUT_COLUMNS: Record<keyof RolloutPatch, string> = {
  state: 'state',
  currentWave: 'current_wave',
  updatedAt: 'updated_at',
  finishedAt: 'finished_at',
  message: 'message',
};

const SYSTEM_COLUMNS: Record<keyof RolloutSystemPatch, string> = {
  step: 'step',
  stepAt: 'step_at',
  backupJobId: 'backup_job_id',
  updateJobId: 'update_job_id',
  fromVersion: 'from_version',
  toVersion: 'to_version',
  message: 'message',
  finishedAt: 'finished_at',
};

// Enough for SQLite's bound-parameter limit and PostgreSQL alike.
const CHUNK = 500;

/** {@link RolloutStore} on knex (SQLite or PostgreSQL). */
export class DatabaseRolloutStore implements RolloutStore {
  constructor(private readonly knex: Knex) {}

  async insert(rollout: RolloutRecord, systems: RolloutSystemRecord[]) {
    await this.knex('rollouts').insert({
      id: rollout.id,
      name: rollout.name,
      state: rollout.state,
      selection: JSON.stringify(rollout.selection),
      canary_size: rollout.canarySize,
      batch_size: rollout.batchSize,
      max_failures_per_wave: rollout.maxFailuresPerWave,
      window: rollout.window ? JSON.stringify(rollout.window) : null,
      current_wave: rollout.currentWave,
      wave_count: rollout.waveCount,
      started_by: rollout.startedBy,
      created_at: rollout.createdAt,
      updated_at: rollout.updatedAt,
      finished_at: rollout.finishedAt,
      message: rollout.message,
    });
    const rows = systems.map(s => ({
      rollout_id: s.rolloutId,
      system_id: s.systemId,
      system_name: s.name,
      serial_number: s.serialNumber,
      wave: s.wave,
      position: s.position,
      step: s.step,
      step_at: s.stepAt,
      backup_job_id: s.backupJobId,
      update_job_id: s.updateJobId,
      from_version: s.fromVersion,
      to_version: s.toVersion,
      message: s.message,
      finished_at: s.finishedAt,
    }));
    // 14 columns a row: stay well under SQLite's 999 bound parameters.
    for (let i = 0; i < rows.length; i += 50)
      await this.knex('rollout_systems').insert(rows.slice(i, i + 50));
  }

  async get(id: string) {
    const row = await this.knex('rollouts').where({ id }).first();
    return row ? toRollout(row) : undefined;
  }

  async list(options: {
    criteria?: CccSystemCriteria;
    startedBy?: string;
    limit: number;
  }) {
    const query = this.knex('rollouts')
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(options.limit);
    const { criteria, startedBy } = options;
    // No criteria: the caller may see every system, so every rollout.
    if (criteria) {
      query.where(b => {
        if (startedBy) b.orWhere('started_by', startedBy);
        const holding = this.knex('rollout_systems')
          .join('systems', 'systems.id', 'rollout_systems.system_id')
          .select(this.knex.raw('1'))
          .whereRaw('rollout_systems.rollout_id = rollouts.id');
        applySystemFilter(this.knex, holding, criteria);
        b.orWhereExists(holding);
      });
    }
    return (await query).map(toRollout);
  }

  async listUnfinished() {
    return (
      await this.knex('rollouts').whereNull('finished_at').orderBy('created_at')
    ).map(toRollout);
  }

  async listSystems(rolloutId: string) {
    return this.listSystemsOf([rolloutId]);
  }

  async listSystemsOf(rolloutIds: string[]) {
    const result: RolloutSystemRecord[] = [];
    for (let i = 0; i < rolloutIds.length; i += CHUNK) {
      const rows = await this.knex('rollout_systems')
        .whereIn('rollout_id', rolloutIds.slice(i, i + CHUNK))
        .orderBy([
          { column: 'rollout_id' },
          { column: 'wave' },
          { column: 'position' },
        ]);
      result.push(...rows.map(toSystem));
    }
    return result;
  }

  async systemsInUnfinishedRollouts(systemIds: string[]) {
    const found = new Set<string>();
    for (let i = 0; i < systemIds.length; i += CHUNK) {
      const rows = await this.knex('rollout_systems')
        .join('rollouts', 'rollouts.id', 'rollout_systems.rollout_id')
        .whereNull('rollouts.finished_at')
        .whereNotIn(
          'rollout_systems.step',
          FINAL_ROLLOUT_SYSTEM_STEPS as RolloutSystemStep[],
        )
        .whereIn('rollout_systems.system_id', systemIds.slice(i, i + CHUNK))
        .select('rollout_systems.system_id');
      for (const row of rows) found.add(row.system_id);
    }
    return [...found];
  }

  async updateRollout(
    id: string,
    patch: RolloutPatch,
    when?: { state?: RolloutState[]; wave?: number },
  ) {
    const query = this.knex('rollouts').where({ id });
    if (when?.state) query.whereIn('state', when.state);
    if (when?.wave !== undefined) query.where('current_wave', when.wave);
    return (await query.update(toRow(patch, ROLLOUT_COLUMNS))) > 0;
  }

  async updateSystem(
    rolloutId: string,
    systemId: string,
    patch: RolloutSystemPatch,
    when: {
      step: RolloutSystemStep[];
      stepAt?: string | null;
      rolloutState?: RolloutState[];
    },
  ) {
    const query = this.knex('rollout_systems')
      .where({ rollout_id: rolloutId, system_id: systemId })
      .whereIn('step', when.step);
    if (when.stepAt !== undefined) {
      if (when.stepAt === null) query.whereNull('step_at');
      else query.where('step_at', when.stepAt);
    }
    if (when.rolloutState) {
      query.whereExists(
        this.knex('rollouts')
          .select(this.knex.raw('1'))
          .where('rollouts.id', rolloutId)
          .whereIn('rollouts.state', when.rolloutState),
      );
    }
    return (await query.update(toRow(patch, SYSTEM_COLUMNS))) > 0;
  }

  async updateSystemsAt(
    rolloutId: string,
    whenStep: RolloutSystemStep[],
    patch: RolloutSystemPatch,
  ) {
    return this.knex('rollout_systems')
      .where({ rollout_id: rolloutId })
      .whereIn('step', whenStep)
      .update(toRow(patch, SYSTEM_COLUMNS));
  }

  async findJob(
    rolloutId: string,
    systemId: string,
    kind: 'backup' | 'firmware',
  ) {
    const row = await this.knex('device_jobs')
      .where({ rollout_id: rolloutId, system_id: systemId, kind })
      .orderBy([
        { column: 'started_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .first('id');
    return row?.id as string | undefined;
  }
}

function toRow<T extends object>(
  record: Partial<T>,
  columns: Record<keyof T, string>,
): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value !== undefined) row[columns[key as keyof T]] = value;
  }
  return row;
}

function parseJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

function toRollout(row: Record<string, any>): RolloutRecord {
  return {
    id: row.id,
    name: row.name,
    state: row.state,
    selection: parseJson(row.selection),
    canarySize: Number(row.canary_size),
    batchSize: Number(row.batch_size),
    maxFailuresPerWave: Number(row.max_failures_per_wave),
    window:
      row.window === null || row.window === undefined
        ? null
        : parseJson(row.window),
    currentWave: Number(row.current_wave),
    waveCount: Number(row.wave_count),
    startedBy: row.started_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
    message: row.message,
  };
}

function toSystem(row: Record<string, any>): RolloutSystemRecord {
  return {
    rolloutId: row.rollout_id,
    systemId: row.system_id,
    name: row.system_name,
    serialNumber: row.serial_number,
    wave: Number(row.wave),
    position: Number(row.position),
    step: row.step,
    stepAt: row.step_at,
    backupJobId: row.backup_job_id,
    updateJobId: row.update_job_id,
    fromVersion: row.from_version,
    toVersion: row.to_version,
    message: row.message,
    finishedAt: row.finished_at,
  };
}
