import { CccCallCounts, CccCallDataStatistics } from '@internal/plugin-ccc-common';
import { DateTime } from 'luxon';
import { CallDataAggregates } from '../database/CallDataStore';

/** The range and presentation of one statistics answer. */
export interface StatisticsFrame {
  /** ISO 8601 UTC; from inclusive, to exclusive. */
  from: string;
  to: string;
  timeZone: string;
  masked: boolean;
}

/**
 * Turns the database's aggregates into the answer: the UTC quarter hours become local days and hours of day (exact,
 * as zones are whole quarter hours off UTC), every day of the range listed, shares and averages rounded for people.
 */
export function toStatistics(aggregates: CallDataAggregates, frame: StatisticsFrame): CccCallDataStatistics {
  const { timeZone } = frame;
  const perDay = new Map<string, CccCallCounts>();
  const end = DateTime.fromISO(frame.to, { zone: timeZone });
  for (let day = DateTime.fromISO(frame.from, { zone: timeZone }).startOf('day'); day < end; day = day.plus({ days: 1 })) {
    perDay.set(day.toISODate()!, { calls: 0, answered: 0 });
  }
  const perHour = Array.from({ length: 24 }, (): CccCallCounts => ({ calls: 0, answered: 0 }));
  for (const quarter of aggregates.quarterHours) {
    const local = DateTime.fromISO(quarter.start, { zone: 'utc' }).setZone(timeZone);
    const day = perDay.get(local.toISODate()!);
    // Every record lies in the range, so its day is listed; the guard only keeps a clock oddity from throwing.
    if (day) add(day, quarter);
    add(perHour[local.hour], quarter);
  }
  const { totals } = aggregates;
  return {
    from: frame.from,
    to: frame.to,
    timeZone,
    masked: frame.masked,
    totals: {
      calls: totals.calls,
      answered: totals.answered,
      answeredShare: totals.calls > 0 ? round(totals.answered / totals.calls, 4) : null,
      talkSeconds: totals.talkSeconds,
      averageDurationSeconds: totals.averageDurationSeconds === null ? null : round(totals.averageDurationSeconds, 1),
      medianDurationSeconds: totals.medianDurationSeconds,
    },
    peakConcurrent: aggregates.peakConcurrent,
    perDay: [...perDay].map(([day, counts]) => ({ day, ...counts })),
    perHourOfDay: perHour.map((counts, hour) => ({ hour, ...counts })),
    topExtensions: aggregates.topExtensions,
    topLines: aggregates.topLines,
    topExternalNumbers: aggregates.topExternalNumbers,
    systems: aggregates.systems,
  };
}

function add(into: CccCallCounts, counts: CccCallCounts): void {
  into.calls += counts.calls;
  into.answered += counts.answered;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
