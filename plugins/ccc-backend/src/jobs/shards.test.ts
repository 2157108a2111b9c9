import { randomUUID } from 'node:crypto';
import { inShard, shardOf } from './shards';

describe('shards', () => {
  const ids = Array.from({ length: 4000 }, () => randomUUID());

  it('puts every system in exactly one slice, the same on every call', () => {
    const slices = [0, 1, 2, 3].map(index => inShard(ids.map(id => ({ id })), { index, count: 4 }));
    expect(slices.reduce((n, s) => n + s.length, 0)).toBe(ids.length);
    expect(new Set(slices.flat().map(s => s.id)).size).toBe(ids.length);
    for (const id of ids.slice(0, 50)) expect(shardOf(id, 4)).toBe(shardOf(id, 4));
  });

  it('spreads systems evenly enough', () => {
    const counts = [0, 0, 0, 0, 0, 0, 0, 0];
    for (const id of ids) counts[shardOf(id, 8)]++;
    for (const n of counts) expect(n).toBeGreaterThan(ids.length / 8 / 1.5);
  });

  it('keeps everything in one slice without sharding', () => {
    expect(shardOf(ids[0], 1)).toBe(0);
    expect(inShard([{ id: 'a' }])).toEqual([{ id: 'a' }]);
  });
});
