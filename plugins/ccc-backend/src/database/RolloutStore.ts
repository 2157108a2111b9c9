import {
  CccRolloutSelection,
  CccRolloutSystem,
  CccRolloutWindow,
  RolloutState,
  RolloutSystemStep,
} from '@internal/plugin-ccc-common';
import { CccSystemCriteria } from './systemFilter';

/** A stored rollout, without the counts the API adds. */
export interface RolloutRecord {
  id: string;
  name: string;
  state: RolloutState;
  selection: CccRolloutSelection;
  canarySize: number;
  batchSize: number;
  maxFailuresPerWave: number;
  window: CccRolloutWindow | null;
  currentWave: number;
  waveCount: number;
  startedBy: string;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
  message: string | null;
}

/** A stored system of a rollout: the API view plus its place in the wave. */
export interface RolloutSystemRecord
  extends Omit<CccRolloutSystem, 'name' | 'serialNumber'> {
  rolloutId: string;
  name: string;
  serialNumber: string;
  position: number;
}

/** Fields of a rollout system the advancing changes. */
export type RolloutSystemPatch = Partial<
  Pick<
    RolloutSystemRecord,
    | 'step'
    | 'stepAt'
    | 'backupJobId'
    | 'updateJobId'
    | 'fromVersion'
    | 'toVersion'
    | 'message'
    | 'finishedAt'
  >
>;

/** Fields of a rollout the advancing and the controls change. */
export type RolloutPatch = Partial<
  Pick<
    RolloutRecord,
    'state' | 'currentWave' | 'updatedAt' | 'finishedAt' | 'message'
  >
>;

/**
 * Persistence of rollouts. Every change the advancing makes is a
 * conditional update that says whether it won: two replicas, or a restarted
 * backend and a late run of the old one, can never both take the same step.
 */
export interface RolloutStore {
  /** Stores a rollout with its systems. */
  insert(rollout: RolloutRecord, systems: RolloutSystemRecord[]): Promise<void>;
  get(id: string): Promise<RolloutRecord | undefined>;
  /**
   * Rollouts newest first: all, or those holding a system that matches
   * `criteria` (in SQL) or started by `startedBy`.
   */
  list(options: {
    criteria?: CccSystemCriteria;
    startedBy?: string;
    limit: number;
  }): Promise<RolloutRecord[]>;
  /** Rollouts that have not finished (something may still move). */
  listUnfinished(): Promise<RolloutRecord[]>;
  /** The systems of a rollout by wave and position. */
  listSystems(rolloutId: string): Promise<RolloutSystemRecord[]>;
  /** Systems of several rollouts (for the list counts). */
  listSystemsOf(rolloutIds: string[]): Promise<RolloutSystemRecord[]>;
  /** Of `systemIds`, those in a rollout that has not finished. */
  systemsInUnfinishedRollouts(systemIds: string[]): Promise<string[]>;
  /**
   * Changes a rollout when it is in one of `whenState` (and, if given, at
   * wave `whenWave`); returns whether it did.
   */
  updateRollout(
    id: string,
    patch: RolloutPatch,
    when?: { state?: RolloutState[]; wave?: number },
  ): Promise<boolean>;
  /**
   * Changes a system of a rollout when it is at one of `whenStep` (and, if
   * given, reached it at `whenStepAt`; `rolloutState`: only while the rollout
   * is in one of these states). Returns whether it did.
   */
  updateSystem(
    rolloutId: string,
    systemId: string,
    patch: RolloutSystemPatch,
    when: {
      step: RolloutSystemStep[];
      stepAt?: string | null;
      rolloutState?: RolloutState[];
    },
  ): Promise<boolean>;
  /** Sets every system of a rollout at one of `whenStep` to `patch`; returns how many. */
  updateSystemsAt(
    rolloutId: string,
    whenStep: RolloutSystemStep[],
    patch: RolloutSystemPatch,
  ): Promise<number>;
  /** The id of the newest job of `kind` the rollout started on the system (to adopt one after a restart). */
  findJob(
    rolloutId: string,
    systemId: string,
    kind: 'backup' | 'firmware',
  ): Promise<string | undefined>;
}
