/** How a rollout cuts its systems into waves. */
export interface WavePlan {
  /** Systems in the first wave; 0: no canary. */
  canarySize: number;
  /** Systems in each later wave. */
  batchSize: number;
}

/**
 * Cuts `items` (in the order given) into waves: the canary first, then
 * batches of `batchSize`; the last batch takes what is left. Pure, so the
 * plan a user previews is the plan that runs.
 */
export function planWaves<T>(items: readonly T[], plan: WavePlan): T[][] {
  if (!Number.isInteger(plan.canarySize) || plan.canarySize < 0)
    throw new RangeError('canarySize must be 0 or more');
  if (!Number.isInteger(plan.batchSize) || plan.batchSize < 1)
    throw new RangeError('batchSize must be at least 1');
  const waves: T[][] = [];
  let next = 0;
  if (plan.canarySize > 0 && items.length > 0) {
    waves.push(items.slice(0, plan.canarySize));
    next = plan.canarySize;
  }
  for (; next < items.length; next += plan.batchSize) {
    waves.push(items.slice(next, next + plan.batchSize));
  }
  return waves;
}
