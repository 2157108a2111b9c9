import { runBounded } from './runBounded';

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

describe('runBounded', () => {
  it('never runs more items at once than allowed, and runs them all', async () => {
    let running = 0;
    let peak = 0;
    const seen: number[] = [];
    const result = await runBounded(
      Array.from({ length: 10 }, (_, i) => i),
      async item => {
        running++;
        peak = Math.max(peak, running);
        await sleep(5);
        seen.push(item);
        running--;
      },
      { concurrency: 3, itemTimeoutMs: 1000 },
    );
    expect(peak).toBe(3);
    expect(seen.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(result).toEqual({ succeeded: 10, failed: 0, timedOut: 0, skipped: 0 });
  });

  it('gives up on a hanging item and goes on with the rest', async () => {
    const errors: string[] = [];
    let abortedSignal: AbortSignal | undefined;
    const started = Date.now();
    const result = await runBounded(
      ['hangs', 'a', 'b', 'c'],
      async (item, signal) => {
        if (item === 'hangs') {
          abortedSignal = signal;
          await new Promise(() => {});
        }
      },
      { concurrency: 1, itemTimeoutMs: 50, onError: (item, e) => errors.push(`${item}: ${e.message}`) },
    );
    expect(result).toEqual({ succeeded: 3, failed: 0, timedOut: 1, skipped: 0 });
    expect(errors).toEqual(['hangs: No result within 50 ms']);
    expect(abortedSignal?.aborted).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('reports failures without stopping', async () => {
    const result = await runBounded(
      [1, 2, 3],
      async item => {
        if (item === 2) throw new Error('boom');
      },
      { concurrency: 2, itemTimeoutMs: 1000 },
    );
    expect(result).toEqual({ succeeded: 2, failed: 1, timedOut: 0, skipped: 0 });
  });

  it('stops taking new items when cancelled', async () => {
    const controller = new AbortController();
    const done: number[] = [];
    const result = await runBounded(
      [1, 2, 3, 4, 5],
      async item => {
        done.push(item);
        if (item === 2) controller.abort();
      },
      { concurrency: 1, itemTimeoutMs: 1000, signal: controller.signal },
    );
    expect(done).toEqual([1, 2]);
    expect(result.skipped).toBe(3);
  });
});
