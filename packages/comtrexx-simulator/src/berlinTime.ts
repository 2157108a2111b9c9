/**
 * German local time (Europe/Berlin) without a time-zone database: CET/CEST by
 * the EU rule, summer time from the last Sunday of March to the last Sunday of
 * October, switching at 01:00 UTC. Good for every year the EU rule holds.
 */

const HOUR_MS = 60 * 60 * 1000;

/** Offset of German local time from UTC at a moment, in milliseconds (1 h in winter, 2 h in summer). */
export function berlinOffsetMs(ts: number): number {
  const year = new Date(ts).getUTCFullYear();
  const lastSunday = (month: number) => {
    const last = new Date(Date.UTC(year, month + 1, 0));
    return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
  };
  const summer = ts >= lastSunday(2) && ts < lastSunday(9);
  return (summer ? 2 : 1) * HOUR_MS;
}

/** Calendar fields of a moment in German local time. */
export interface BerlinTime {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Days since 1970-01-01 of the local date, so that days can be told apart and counted. */
  dayNumber: number;
}

/** The German local calendar fields of a moment. */
export function berlinTime(ts: number): BerlinTime {
  const localMs = ts + berlinOffsetMs(ts);
  const local = new Date(localMs);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    weekday: local.getUTCDay(),
    dayNumber: Math.floor(localMs / (24 * HOUR_MS)),
  };
}

/** `dd.mm.yyyy hh:mm:ss` in German local time, as German PBX call lists show it. */
export function formatBerlinDateTime(ts: number): string {
  const t = berlinTime(ts);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(t.day)}.${two(t.month)}.${t.year} ${two(t.hour)}:${two(t.minute)}:${two(t.second)}`;
}
