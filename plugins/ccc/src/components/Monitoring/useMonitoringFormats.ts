import { coreApis, useApiHolder } from '@backstage/frontend-plugin-api';
import { MonitoringRange } from '@internal/plugin-ccc-common';
import { useEffect, useMemo, useState } from 'react';

/** Number and time formats of the monitoring charts in the app's language and the browser's time zone. */
export interface MonitoringFormats {
  /** Label of a time-axis tick, coarser for longer ranges ("14:00", "Fri 27", "27 Nov"). */
  tick(range: MonitoringRange): (ms: number) => string;
  /** A point's time with date ("27 Nov 2026, 14:05"). */
  time(ms: number): string;
  /** CPU load in percent ("23%" in English, "23 %" in German). */
  percent(value: number): string;
  /** Bytes in the unit that suits `reference` (GB from a gigabyte on, else MB). */
  bytes(reference: number): (value: number) => string;
}

const TICK_OPTIONS: Record<MonitoringRange, Intl.DateTimeFormatOptions> = {
  hour: { hour: '2-digit', minute: '2-digit' },
  day: { hour: '2-digit', minute: '2-digit' },
  week: { weekday: 'short', day: 'numeric' },
  month: { day: 'numeric', month: 'short' },
};

// An app language Intl does not know (a custom code) must not break the page: fall back to the browser's.
function safe<T>(make: (locale: string | undefined) => T, locale: string | undefined): T {
  try {
    return make(locale);
  } catch {
    return make(undefined);
  }
}

/**
 * The formats of the monitoring charts. Like `useDateFormat` it follows the
 * app language (looked up optionally: legacy and test apps may have none)
 * and leaves the time zone to the browser, which is the user's.
 */
export function useMonitoringFormats(): MonitoringFormats {
  const languageApi = useApiHolder().get(coreApis.appLanguage);
  const [language, setLanguage] = useState(() => languageApi?.getLanguage().language);

  useEffect(() => {
    if (!languageApi) return undefined;
    const subscription = languageApi.language$().subscribe(({ language: next }) => setLanguage(next));
    return () => subscription.unsubscribe();
  }, [languageApi]);

  return useMemo(() => {
    const dateTime = (options: Intl.DateTimeFormatOptions) =>
      safe(locale => new Intl.DateTimeFormat(locale, options), language);
    const ticks = Object.fromEntries(
      (Object.keys(TICK_OPTIONS) as MonitoringRange[]).map(range => [range, dateTime(TICK_OPTIONS[range])]),
    ) as Record<MonitoringRange, Intl.DateTimeFormat>;
    const full = dateTime({ dateStyle: 'medium', timeStyle: 'short' });
    const percent = safe(
      locale => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }),
      language,
    );
    const unit = (name: 'gigabyte' | 'megabyte') =>
      safe(locale => new Intl.NumberFormat(locale, { style: 'unit', unit: name, maximumFractionDigits: 1 }), language);
    const gigabytes = unit('gigabyte');
    const megabytes = unit('megabyte');
    return {
      tick: range => ms => ticks[range].format(ms),
      time: ms => full.format(ms),
      percent: value => percent.format(value / 100),
      // Decimal units, as the device reports bytes and storage is sold in them.
      bytes: reference =>
        reference >= 1e9 ? value => gigabytes.format(value / 1e9) : value => megabytes.format(value / 1e6),
    };
  }, [language]);
}
