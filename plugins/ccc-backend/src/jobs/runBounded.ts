/** Options for {@link runBounded}. */
export interface RunBoundedOptions<T> {
  /** How many items run at the same time. */
  concurrency: number;
  /** Limit per item: a slow device is given up on so the rest of the walk goes on. */
  itemTimeoutMs: number;
  /** Stops taking new items (task cancelled or backend shutting down). */
  signal?: AbortSignal;
  /** Called for an item that failed or timed out; the walk goes on. */
  onError?: (item: T, error: Error) => void;
}

/** What a walk did. */
export interface RunBoundedResult {
  succeeded: number;
  failed: number;
  timedOut: number;
  /** Items not started because the signal was aborted. */
  skipped: number;
}

/**
 * The one job runner of the periodic device jobs: walks the items with
 * bounded concurrency and a per-item timeout, so one slow or hanging device
 * cannot stall the rest. Each item gets its own AbortSignal, aborted on its
 * timeout or when the whole walk is cancelled.
 */
export async function runBounded<T>(
  items: readonly T[],
  fn: (item: T, signal: AbortSignal) => Promise<unknown>,
  options: RunBoundedOptions<T>,
): Promise<RunBoundedResult> {
  const result: RunBoundedResult = { succeeded: 0, failed: 0, timedOut: 0, skipped: 0 };
  let next = 0;

  const runOne = async (item: T) => {
    const controller = new AbortController();
    const onAbort = () => controller.abort(options.signal?.reason);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>(resolve => {
      timer = setTimeout(() => resolve('timeout'), options.itemTimeoutMs);
    });
    try {
      const outcome = await Promise.race([fn(item, controller.signal).then(() => 'done' as const), timeout]);
      if (outcome === 'timeout') {
        controller.abort(new Error('timed out'));
        result.timedOut++;
        options.onError?.(item, new Error(`No result within ${options.itemTimeoutMs} ms`));
      } else {
        result.succeeded++;
      }
    } catch (error) {
      result.failed++;
      options.onError?.(item, error as Error);
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    }
  };

  const worker = async () => {
    while (next < items.length) {
      if (options.signal?.aborted) {
        result.skipped += items.length - next;
        next = items.length;
        return;
      }
      await runOne(items[next++]);
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency, items.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return result;
}
