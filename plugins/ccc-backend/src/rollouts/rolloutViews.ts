import {
  CccRolloutCounts,
  CccRolloutSystem,
  CccRolloutWave,
  RolloutSystemStep,
} from '@internal/plugin-ccc-common';
import { RolloutRecord, RolloutSystemRecord } from '../database/RolloutStore';

const BUCKET: Record<RolloutSystemStep, keyof Omit<CccRolloutCounts, 'total'>> =
  {
    pending: 'pending',
    backup_starting: 'running',
    backing_up: 'running',
    backed_up: 'running',
    update_starting: 'running',
    updating: 'running',
    succeeded: 'succeeded',
    failed: 'failed',
    skipped: 'skipped',
    cancelled: 'cancelled',
  };

/** How many systems are where. */
export function countSteps(
  systems: readonly Pick<RolloutSystemRecord, 'step'>[],
): CccRolloutCounts {
  const counts: CccRolloutCounts = {
    total: 0,
    pending: 0,
    running: 0,
    succeeded: 0,
    failed: 0,
    skipped: 0,
    cancelled: 0,
  };
  for (const s of systems) {
    counts.total++;
    counts[BUCKET[s.step]]++;
  }
  return counts;
}

/** Progress per wave; the first wave is the canary when the rollout has one. */
export function waveSummaries(
  rollout: Pick<RolloutRecord, 'waveCount' | 'canarySize'>,
  systems: readonly RolloutSystemRecord[],
): CccRolloutWave[] {
  return Array.from({ length: rollout.waveCount }, (_, index) => ({
    index,
    kind:
      index === 0 && rollout.canarySize > 0
        ? ('canary' as const)
        : ('batch' as const),
    counts: countSteps(systems.filter(s => s.wave === index)),
  }));
}

/** A system of a rollout as the API shows it; without name and serial number for viewers who may not see it. */
export function toRolloutSystem(
  s: RolloutSystemRecord,
  visible: boolean,
): CccRolloutSystem {
  const {
    rolloutId: _rolloutId,
    position: _position,
    name,
    serialNumber,
    ...rest
  } = s;
  return {
    ...rest,
    name: visible ? name : null,
    serialNumber: visible ? serialNumber : null,
  };
}
