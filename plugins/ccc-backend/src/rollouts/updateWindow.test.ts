import { CccRolloutWindow } from '@internal/plugin-ccc-common';
import {
  isWindowOpen,
  isWindowOver,
  localDayAndHour,
  nextWindowOpening,
} from './updateWindow';

const window = (patch: Partial<CccRolloutWindow> = {}): CccRolloutWindow => ({
  days: [1, 2, 3, 4, 5],
  fromHour: 22,
  toHour: 24,
  timeZone: 'Europe/Berlin',
  startAt: null,
  endAt: null,
  ...patch,
});
const at = (iso: string) => new Date(iso);

describe('update window', () => {
  it('reads day and hour in the time zone, not in UTC', () => {
    // Friday 23:30 UTC is Saturday 00:30 in Berlin (winter, UTC+1) and Friday 18:30 in New York.
    expect(
      localDayAndHour(at('2026-11-27T23:30:00Z'), 'Europe/Berlin'),
    ).toEqual({ day: 6, hour: 0 });
    expect(
      localDayAndHour(at('2026-11-27T23:30:00Z'), 'America/New_York'),
    ).toEqual({ day: 5, hour: 18 });
    expect(localDayAndHour(at('2026-11-27T23:30:00Z'), 'Asia/Kolkata')).toEqual(
      { day: 6, hour: 5 },
    );
  });

  it('is open on the chosen days within the hours, in the window time zone', () => {
    // Wednesday 2026-11-25.
    expect(isWindowOpen(window(), at('2026-11-25T20:59:00Z'))).toBe(false); // 21:59 Berlin
    expect(isWindowOpen(window(), at('2026-11-25T21:00:00Z'))).toBe(true); // 22:00 Berlin
    expect(isWindowOpen(window(), at('2026-11-25T22:59:00Z'))).toBe(true); // 23:59 Berlin
    expect(isWindowOpen(window(), at('2026-11-25T23:00:00Z'))).toBe(false); // Thursday 00:00 Berlin
    // Saturday 22:30 Berlin: not a chosen day.
    expect(isWindowOpen(window(), at('2026-11-28T21:30:00Z'))).toBe(false);
  });

  it('runs a window over midnight into the next day, counted for the day it opens', () => {
    const overnight = window({ days: [5], fromHour: 22, toHour: 4 });
    expect(isWindowOpen(overnight, at('2026-11-27T21:30:00Z'))).toBe(true); // Fri 22:30
    expect(isWindowOpen(overnight, at('2026-11-28T02:30:00Z'))).toBe(true); // Sat 03:30
    expect(isWindowOpen(overnight, at('2026-11-28T03:00:00Z'))).toBe(false); // Sat 04:00
    expect(isWindowOpen(overnight, at('2026-11-27T02:30:00Z'))).toBe(false); // Fri 03:30: Thursday is not chosen
  });

  it('follows daylight saving time', () => {
    // 22:00 Berlin is 20:00 UTC in summer (UTC+2).
    expect(isWindowOpen(window(), at('2026-07-01T20:00:00Z'))).toBe(true);
    expect(isWindowOpen(window(), at('2026-07-01T19:59:00Z'))).toBe(false);
  });

  it('honours startAt and endAt', () => {
    const bounded = window({
      startAt: '2026-11-26T00:00:00Z',
      endAt: '2026-11-27T00:00:00Z',
    });
    expect(isWindowOpen(bounded, at('2026-11-25T21:30:00Z'))).toBe(false);
    expect(isWindowOpen(bounded, at('2026-11-26T21:30:00Z'))).toBe(true);
    expect(isWindowOver(bounded, at('2026-11-26T23:59:59Z'))).toBe(false);
    expect(isWindowOver(bounded, at('2026-11-27T00:00:00Z'))).toBe(true);
    expect(isWindowOver(null, at('2030-01-01T00:00:00Z'))).toBe(false);
  });

  it('is always open without a window', () => {
    expect(isWindowOpen(null, at('2026-11-28T12:00:00Z'))).toBe(true);
    expect(nextWindowOpening(null, at('2026-11-28T12:00:00Z'))).toEqual(
      at('2026-11-28T12:00:00Z'),
    );
  });

  it('finds the next opening, also across the weekend and in half-hour time zones', () => {
    // Friday noon → Friday 22:00 Berlin.
    expect(nextWindowOpening(window(), at('2026-11-27T11:07:13Z'))).toEqual(
      at('2026-11-27T21:00:00Z'),
    );
    // Saturday noon → Monday 22:00 Berlin.
    expect(nextWindowOpening(window(), at('2026-11-28T12:00:00Z'))).toEqual(
      at('2026-11-30T21:00:00Z'),
    );
    // Open now → now.
    expect(nextWindowOpening(window(), at('2026-11-27T21:10:00Z'))).toEqual(
      at('2026-11-27T21:10:00Z'),
    );
    // 01:00 in Kolkata (UTC+5:30) is 19:30 UTC the day before.
    const kolkata = window({
      days: [1, 2, 3, 4, 5, 6, 7],
      fromHour: 1,
      toHour: 3,
      timeZone: 'Asia/Kolkata',
    });
    expect(nextWindowOpening(kolkata, at('2026-11-27T12:00:00Z'))).toEqual(
      at('2026-11-27T19:30:00Z'),
    );
    // Not before startAt.
    expect(
      nextWindowOpening(
        window({ startAt: '2026-12-01T00:00:00Z' }),
        at('2026-11-27T12:00:00Z'),
      ),
    ).toEqual(at('2026-12-01T21:00:00Z'));
  });

  it('says null when the window never opens before it ends', () => {
    // Weekdays only, but the rollout must end before Monday.
    const weekend = window({ endAt: '2026-11-30T00:00:00Z' });
    expect(nextWindowOpening(weekend, at('2026-11-28T08:00:00Z'))).toBeNull();
    expect(
      nextWindowOpening(
        window({ endAt: '2026-11-01T00:00:00Z' }),
        at('2026-11-27T08:00:00Z'),
      ),
    ).toBeNull();
  });
});
