import { nearestIndex, RANGE_MS, segments, timeTicks, valueTicks } from './chartScale';

describe('chart scales', () => {
  it('breaks the line where samples are missing', () => {
    expect(segments([], 60)).toEqual([]);
    expect(segments([0], 60)).toEqual([[0, 0]]);
    expect(segments([0, 60, 120, 400, 460, 1000], 150)).toEqual([
      [0, 2],
      [3, 4],
      [5, 5],
    ]);
  });

  it('finds the point nearest to a time', () => {
    const times = [0, 100, 200, 300];
    expect(nearestIndex([], 5)).toBe(-1);
    expect(nearestIndex(times, -50)).toBe(0);
    expect(nearestIndex(times, 140)).toBe(1);
    expect(nearestIndex(times, 160)).toBe(2);
    expect(nearestIndex(times, 999)).toBe(3);
  });

  it('puts time ticks on round local times inside the range', () => {
    const to = new Date(2026, 10, 27, 14, 37).getTime();
    const hour = timeTicks(to - RANGE_MS.hour, to, 'hour');
    expect(hour).toHaveLength(6);
    for (const tick of hour) expect(new Date(tick).getMinutes() % 10).toBe(0);

    const day = timeTicks(to - RANGE_MS.day, to, 'day');
    expect(day).toHaveLength(8);
    for (const tick of day) expect(new Date(tick).getHours() % 3).toBe(0);

    const week = timeTicks(to - RANGE_MS.week, to, 'week');
    expect(week).toHaveLength(7);
    for (const tick of week) expect(new Date(tick).getHours()).toBe(0);

    const month = timeTicks(to - RANGE_MS.month, to, 'month');
    expect(month).toHaveLength(6);
    for (const tick of [...hour, ...day, ...week, ...month]) {
      expect(tick).toBeGreaterThanOrEqual(to - RANGE_MS.month);
      expect(tick).toBeLessThanOrEqual(to);
    }
  });

  it('divides the value axis in quarters', () => {
    expect(valueTicks(100)).toEqual([0, 25, 50, 75, 100]);
  });
});
