import { planWaves } from './planWaves';

describe('planWaves', () => {
  const ids = (n: number) => Array.from({ length: n }, (_, i) => `s${i + 1}`);

  it('puts the canary first, then batches, the last batch taking the rest', () => {
    expect(planWaves(ids(8), { canarySize: 1, batchSize: 3 })).toEqual([
      ['s1'],
      ['s2', 's3', 's4'],
      ['s5', 's6', 's7'],
      ['s8'],
    ]);
  });

  it('starts with a normal batch without a canary', () => {
    expect(planWaves(ids(5), { canarySize: 0, batchSize: 2 })).toEqual([
      ['s1', 's2'],
      ['s3', 's4'],
      ['s5'],
    ]);
  });

  it('keeps every system exactly once and in order', () => {
    for (const [n, canary, batch] of [
      [0, 1, 1],
      [1, 3, 2],
      [17, 2, 5],
      [100, 0, 7],
      [3, 5, 1],
    ]) {
      const waves = planWaves(ids(n), { canarySize: canary, batchSize: batch });
      expect(waves.flat()).toEqual(ids(n));
      expect(waves.every(w => w.length > 0)).toBe(true);
      const hasCanary = n > 0 && canary > 0;
      expect(hasCanary ? waves[0].length : 0).toBe(Math.min(canary, n));
      expect(
        Math.max(0, ...waves.slice(hasCanary ? 1 : 0).map(w => w.length)),
      ).toBeLessThanOrEqual(batch);
    }
  });

  it('has no waves for no systems, and a canary larger than the fleet is the one wave', () => {
    expect(planWaves([], { canarySize: 1, batchSize: 3 })).toEqual([]);
    expect(planWaves(ids(2), { canarySize: 5, batchSize: 3 })).toEqual([
      ['s1', 's2'],
    ]);
  });

  it('refuses sizes that would loop forever or make no sense', () => {
    expect(() => planWaves(ids(3), { canarySize: 1, batchSize: 0 })).toThrow(
      RangeError,
    );
    expect(() => planWaves(ids(3), { canarySize: -1, batchSize: 2 })).toThrow(
      RangeError,
    );
    expect(() => planWaves(ids(3), { canarySize: 1, batchSize: 1.5 })).toThrow(
      RangeError,
    );
  });
});
