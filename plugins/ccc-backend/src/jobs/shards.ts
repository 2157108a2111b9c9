import { SchedulerService, SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { createHash } from 'node:crypto';
import { CccMetrics } from '../metrics/CccMetrics';
import { RunBoundedResult } from './runBounded';

/** One slice of the fleet: the systems whose id hashes to `index` of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/**
 * The slice a system belongs to. Stable (a hash of the id, not its position
 * in a list), so adding or deleting systems moves no other system between
 * slices, and every replica computes the same answer.
 */
export function shardOf(systemId: string, count: number): number {
  if (count <= 1) return 0;
  return createHash('sha1').update(systemId).digest().readUInt32BE(0) % count;
}

/** Keeps the ids of one slice (all ids without a shard). */
export function inShard<T extends { id: string }>(items: T[], shard?: Shard): T[] {
  return shard ? items.filter(item => shardOf(item.id, shard.count) === shard.index) : items;
}

/**
 * Schedules a periodic device job as `count` global tasks, one per slice.
 * Backstage's scheduler runs each global task on one replica at a time, so
 * replicas sharing a database share the fleet instead of repeating it, and
 * a slice whose replica dies is picked up by another after its timeout.
 */
export async function scheduleSharded(
  scheduler: SchedulerService,
  metrics: CccMetrics | undefined,
  options: {
    id: string;
    count: number;
    schedule: SchedulerServiceTaskScheduleDefinition;
    fn: (shard: Shard, signal: AbortSignal) => Promise<RunBoundedResult | void>;
  },
): Promise<void> {
  const count = Math.max(1, Math.floor(options.count));
  for (let index = 0; index < count; index++) {
    await scheduler.scheduleTask({
      id: `${options.id}-${index + 1}-of-${count}`,
      scope: 'global',
      ...options.schedule,
      fn: async signal => {
        const started = performance.now();
        const result = await options.fn({ index, count }, signal as AbortSignal);
        metrics?.jobRound(options.id, `${index + 1}/${count}`, (performance.now() - started) / 1000, result);
      },
    });
  }
}
