import { z } from 'zod';

/**
 * Fleet firmware rollouts: a firmware update over many systems in waves
 * (canary first, then batches), each system backed up first, inside an
 * update window, stopped automatically after too many failures in a wave.
 */

/** States of a rollout. `stopped`: the failure policy or the end of the window ended it. */
export const ROLLOUT_STATES = [
  'running',
  'paused',
  'completed',
  'stopped',
  'aborted',
] as const;

/** State of a rollout. */
export type RolloutState = (typeof ROLLOUT_STATES)[number];

/**
 * Where one system of a rollout stands. `*_starting` are recorded before the
 * device is asked, so a restart never starts the same step twice.
 */
export const ROLLOUT_SYSTEM_STEPS = [
  'pending',
  'backup_starting',
  'backing_up',
  'backed_up',
  'update_starting',
  'updating',
  'succeeded',
  'failed',
  'skipped',
  'cancelled',
] as const;

/** Step of one system in a rollout. */
export type RolloutSystemStep = (typeof ROLLOUT_SYSTEM_STEPS)[number];

/** Steps after which nothing more happens to a system in its rollout. */
export const FINAL_ROLLOUT_SYSTEM_STEPS: readonly RolloutSystemStep[] = [
  'succeeded',
  'failed',
  'skipped',
  'cancelled',
];

/** Whether a rollout state is final. */
export function isFinalRolloutState(state: RolloutState): boolean {
  return state === 'completed' || state === 'stopped' || state === 'aborted';
}

/** Days of the week as ISO numbers: 1 Monday … 7 Sunday. */
export const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/**
 * When updates may start: on `days` from `fromHour` to `toHour` in
 * `timeZone`. A `toHour` at or before `fromHour` runs over midnight (the day
 * is the day it opens). `startAt`/`endAt` bound the whole rollout.
 */
export interface CccRolloutWindow {
  days: number[];
  fromHour: number;
  toHour: number;
  /** IANA time zone, e.g. Europe/Berlin. */
  timeZone: string;
  /** No update starts before this time. */
  startAt: string | null;
  /** The rollout stops when it is not done by this time. */
  endAt: string | null;
}

/** A filter over the systems the user may update (all parts must match). */
export interface CccRolloutFilter {
  /** Part of the name or serial number, case-insensitive. */
  text?: string;
  /** The device model exactly, e.g. COMtrexx Advanced. */
  model?: string;
  /** Only systems whose installed firmware is older than this version. */
  firmwareBelow?: string;
}

/** How the systems of a rollout were chosen. */
export type CccRolloutSelection =
  | { kind: 'filter'; filter: CccRolloutFilter }
  | { kind: 'group'; groupId: string }
  | { kind: 'systems'; systemIds: string[] };

/** One system of a rollout. Name and serial number are null for systems the viewer may not see. */
export interface CccRolloutSystem {
  systemId: string;
  name: string | null;
  serialNumber: string | null;
  /** Index of its wave, from 0. */
  wave: number;
  step: RolloutSystemStep;
  /** When the step was reached. */
  stepAt: string | null;
  backupJobId: string | null;
  updateJobId: string | null;
  fromVersion: string | null;
  toVersion: string | null;
  message: string | null;
  finishedAt: string | null;
}

/** How many systems of a rollout or wave are where. */
export interface CccRolloutCounts {
  total: number;
  pending: number;
  /** Backing up, backed up and waiting, or updating. */
  running: number;
  succeeded: number;
  failed: number;
  skipped: number;
  cancelled: number;
}

/** One wave of a rollout. */
export interface CccRolloutWave {
  index: number;
  /** The first wave is the canary when the rollout has one. */
  kind: 'canary' | 'batch';
  counts: CccRolloutCounts;
}

/** A rollout as the list shows it. */
export interface CccRollout {
  id: string;
  name: string;
  state: RolloutState;
  selection: CccRolloutSelection;
  canarySize: number;
  batchSize: number;
  maxFailuresPerWave: number;
  /** null: updates may start at any time. */
  window: CccRolloutWindow | null;
  /** Index of the wave being worked on. */
  currentWave: number;
  waveCount: number;
  startedBy: string;
  createdAt: string;
  updatedAt: string;
  /** When the rollout ended and nothing ran any more. */
  finishedAt: string | null;
  /** Why it stopped or was aborted, in words. */
  message: string | null;
  counts: CccRolloutCounts;
  /** Whether the window is open now. */
  windowOpen: boolean;
  /** When the window opens next, while it is closed; null when it is open or never opens again. */
  nextWindowAt: string | null;
}

/** A rollout with its waves and systems. */
export interface CccRolloutDetails extends CccRollout {
  waves: CccRolloutWave[];
  systems: CccRolloutSystem[];
  /** Whether the viewer may pause, resume and abort it (started it or may update every system). */
  mayControl: boolean;
}

/** A system a planned rollout would update. */
export interface CccRolloutPlanSystem {
  systemId: string;
  name: string;
  serialNumber: string;
  firmwareVersion: string | null;
}

/** Answer of `POST /rollouts/plan`: the systems the selection finds, in waves. */
export interface CccRolloutPlan {
  waves: CccRolloutPlanSystem[][];
  windowOpen: boolean;
  nextWindowAt: string | null;
}

/** Most systems one rollout may hold. */
export const MAX_ROLLOUT_SYSTEMS = 2000;

const isTimeZone = (zone: string) => {
  try {
    return Boolean(
      new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions()
        .timeZone,
    );
  } catch {
    return false;
  }
};

const isoDateTime = (name: string) =>
  z.iso.datetime({
    offset: true,
    message: `${name} must be an ISO 8601 date and time with zone, e.g. 2026-11-27T22:00:00Z`,
  });

const versionSchema = z
  .string()
  .trim()
  .regex(/^\d+(\.\d+){0,3}$/, 'firmwareBelow is a version such as 2.6.2');

/** The update window of `POST /rollouts`. */
export const rolloutWindowSchema = z
  .object({
    days: z
      .array(
        z
          .number()
          .int()
          .min(1, 'days are 1 (Monday) to 7 (Sunday)')
          .max(7, 'days are 1 (Monday) to 7 (Sunday)'),
      )
      .min(1, 'Choose at least one day for the update window')
      .max(7)
      .transform(days => [...new Set(days)].sort()),
    fromHour: z
      .number()
      .int('fromHour is a whole hour')
      .min(0, 'fromHour is 0 to 23')
      .max(23, 'fromHour is 0 to 23'),
    toHour: z
      .number()
      .int('toHour is a whole hour')
      .min(1, 'toHour is 1 to 24')
      .max(24, 'toHour is 1 to 24'),
    timeZone: z
      .string()
      .min(1, 'Choose a time zone')
      .max(64)
      .refine(isTimeZone, 'timeZone must be a time zone such as Europe/Berlin'),
    startAt: isoDateTime('startAt')
      .nullable()
      .optional()
      .transform(v => v ?? null),
    endAt: isoDateTime('endAt')
      .nullable()
      .optional()
      .transform(v => v ?? null),
  })
  .strict()
  .refine(w => w.fromHour !== w.toHour % 24 || w.toHour === 24, {
    message:
      'The window must not start and end at the same hour (use 0 to 24 for the whole day)',
    path: ['toHour'],
  })
  .refine(
    w => !w.startAt || !w.endAt || Date.parse(w.startAt) < Date.parse(w.endAt),
    {
      message: 'The window must end after it starts',
      path: ['endAt'],
    },
  );

const selectionSchema = z.discriminatedUnion(
  'kind',
  [
    z
      .object({
        kind: z.literal('filter'),
        filter: z
          .object({
            text: z
              .string()
              .trim()
              .max(100, 'The text filter is at most 100 characters')
              .optional(),
            model: z.string().trim().max(100).optional(),
            firmwareBelow: versionSchema.optional(),
          })
          .strict(),
      })
      .strict(),
    z
      .object({
        kind: z.literal('group'),
        groupId: z.string().uuid('groupId must be a CCC user group id'),
      })
      .strict(),
    z
      .object({
        kind: z.literal('systems'),
        systemIds: z
          .array(z.string().uuid('systemIds must be system ids'))
          .min(1, 'Choose at least one system')
          .max(
            MAX_ROLLOUT_SYSTEMS,
            `A rollout holds at most ${MAX_ROLLOUT_SYSTEMS} systems`,
          )
          .transform(ids => [...new Set(ids)]),
      })
      .strict(),
  ],
  { message: 'selection.kind is filter, group or systems' },
);

/** Body of `POST /rollouts` and `POST /rollouts/plan`. */
export const createRolloutRequestSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'Give the rollout a name')
      .max(100, 'The name is at most 100 characters'),
    selection: selectionSchema,
    /** Systems in the first wave (the canary); 0 starts with a normal batch. */
    canarySize: z
      .number()
      .int('canarySize is a whole number')
      .min(0, 'canarySize is 0 or more')
      .max(100, 'canarySize is at most 100'),
    batchSize: z
      .number()
      .int('batchSize is a whole number')
      .min(1, 'batchSize is at least 1')
      .max(500, 'batchSize is at most 500'),
    /** The rollout stops when this many systems of one wave failed. */
    maxFailuresPerWave: z
      .number()
      .int('maxFailuresPerWave is a whole number')
      .min(1, 'maxFailuresPerWave is at least 1')
      .max(500),
    window: rolloutWindowSchema.nullable(),
  })
  .strict();

/** Body of `POST /rollouts`. */
export type CreateRolloutRequest = z.input<typeof createRolloutRequestSchema>;
