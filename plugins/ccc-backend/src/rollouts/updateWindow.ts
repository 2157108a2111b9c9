import { CccRolloutWindow } from '@internal/plugin-ccc-common';

const QUARTER_HOUR_MS = 15 * 60_000;
// A week plus a day: every weekly window opens within it at least once.
const SCAN_MS = 8 * 24 * 60 * 60_000;
const WEEKDAYS: Record<string, number> = {
  Mon: 1,
  Tue: 2,
  Wed: 3,
  Thu: 4,
  Fri: 5,
  Sat: 6,
  Sun: 7,
};
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Day of the week (ISO, 1 Monday) and hour of `at` in `timeZone`. */
export function localDayAndHour(
  at: Date,
  timeZone: string,
): { day: number; hour: number } {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const weekday = parts.find(p => p.type === 'weekday')?.value ?? '';
  const hour = Number(parts.find(p => p.type === 'hour')?.value);
  return { day: WEEKDAYS[weekday], hour: hour % 24 };
}

/**
 * Whether updates may start at `at`: inside `startAt`/`endAt` and inside the
 * daily hours on one of the days. A window over midnight belongs to the day
 * it opens (Friday 22–4 runs into Saturday morning). No window: always.
 */
export function isWindowOpen(
  window: CccRolloutWindow | null,
  at: Date,
): boolean {
  if (!window) return true;
  const ms = at.getTime();
  if (window.startAt && ms < Date.parse(window.startAt)) return false;
  if (window.endAt && ms >= Date.parse(window.endAt)) return false;
  const { day, hour } = localDayAndHour(at, window.timeZone);
  const { days, fromHour, toHour } = window;
  if (fromHour < toHour)
    return days.includes(day) && hour >= fromHour && hour < toHour;
  const previousDay = day === 1 ? 7 : day - 1;
  return (
    (days.includes(day) && hour >= fromHour) ||
    (days.includes(previousDay) && hour < toHour)
  );
}

/** Whether the window is over for good at `at` (its `endAt` has passed). */
export function isWindowOver(
  window: CccRolloutWindow | null,
  at: Date,
): boolean {
  return Boolean(window?.endAt && at.getTime() >= Date.parse(window.endAt));
}

/**
 * The first moment at or after `from` when the window is open, or null when
 * it never opens again (it ends first). Windows open on whole local hours
 * and every time zone is a multiple of 15 minutes from UTC, so looking at
 * each quarter hour finds the opening exactly, DST changes included.
 */
export function nextWindowOpening(
  window: CccRolloutWindow | null,
  from: Date,
): Date | null {
  if (isWindowOpen(window, from)) return from;
  if (!window) return from;
  let ms = Math.max(
    from.getTime(),
    window.startAt ? Date.parse(window.startAt) : 0,
  );
  const limit = Math.min(
    ms + SCAN_MS,
    window.endAt ? Date.parse(window.endAt) : Infinity,
  );
  if (isWindowOpen(window, new Date(ms))) return new Date(ms);
  ms = Math.ceil((ms + 1) / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
  for (; ms < limit; ms += QUARTER_HOUR_MS) {
    if (isWindowOpen(window, new Date(ms))) return new Date(ms);
  }
  return null;
}
