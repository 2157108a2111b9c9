import {
  CccRolloutCounts,
  CccRolloutDetails,
  CccRolloutSystem,
} from '@internal/plugin-ccc-common';

/** Counts with everything at 0 but what is given; the total is the sum. */
export function makeCounts(
  overrides: Partial<Omit<CccRolloutCounts, 'total'>> = {},
): CccRolloutCounts {
  const counts = {
    pending: 0,
    running: 0,
    succeeded: 0,
    failed: 0,
    skipped: 0,
    cancelled: 0,
    ...overrides,
  };
  return { ...counts, total: Object.values(counts).reduce((a, b) => a + b, 0) };
}

/** A system of a rollout, waiting in the first wave; override what a test is about. */
export function makeRolloutSystem(
  overrides: Partial<CccRolloutSystem> = {},
): CccRolloutSystem {
  return {
    systemId: 'sys-1',
    name: 'Berlin HQ',
    serialNumber: 'A1B2C3D4E5',
    wave: 0,
    step: 'pending',
    stepAt: null,
    backupJobId: null,
    updateJobId: null,
    fromVersion: '2.6.0',
    toVersion: null,
    message: null,
    finishedAt: null,
    ...overrides,
  };
}

/**
 * A running rollout anna started: canary Berlin updated, wave 2 with Munich
 * updating and a system she may not see waiting; override what a test is about.
 */
export function makeRollout(
  overrides: Partial<CccRolloutDetails> = {},
): CccRolloutDetails {
  return {
    id: 'ro-1',
    name: 'Winter update',
    state: 'running',
    selection: { kind: 'systems', systemIds: ['sys-1', 'sys-2', 'sys-3'] },
    canarySize: 1,
    batchSize: 2,
    maxFailuresPerWave: 1,
    window: null,
    currentWave: 1,
    waveCount: 2,
    startedBy: 'user:default/anna',
    createdAt: '2026-11-27T08:00:00Z',
    updatedAt: '2026-11-27T08:10:00Z',
    finishedAt: null,
    message: null,
    counts: makeCounts({ succeeded: 1, running: 1, pending: 1 }),
    windowOpen: true,
    nextWindowAt: null,
    waves: [
      { index: 0, kind: 'canary', counts: makeCounts({ succeeded: 1 }) },
      {
        index: 1,
        kind: 'batch',
        counts: makeCounts({ running: 1, pending: 1 }),
      },
    ],
    systems: [
      makeRolloutSystem({
        step: 'succeeded',
        toVersion: '2.6.2',
        stepAt: '2026-11-27T08:05:00Z',
      }),
      makeRolloutSystem({
        systemId: 'sys-2',
        name: 'Munich',
        serialNumber: 'B2C3D4E5F6',
        wave: 1,
        step: 'updating',
        toVersion: '2.6.2',
      }),
      makeRolloutSystem({
        systemId: 'sys-3',
        name: null,
        serialNumber: null,
        wave: 1,
      }),
    ],
    mayControl: true,
    ...overrides,
  };
}
