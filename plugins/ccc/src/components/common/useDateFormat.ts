import { coreApis, useApiHolder } from '@backstage/frontend-plugin-api';
import { useEffect, useMemo, useState } from 'react';

/** Formats ISO timestamps for display; `null` for a missing or unparsable value. */
export interface DateFormat {
  /** Date only, e.g. "27 Nov 2026". */
  date(iso: string | null | undefined): string | null;
  /** Date and time, e.g. "27 Nov 2026, 07:00". */
  dateTime(iso: string | null | undefined): string | null;
  /** Date and time to the second, e.g. "27 Nov 2026, 07:00:05" (call data, whose start is exact). */
  dateTimeSeconds(iso: string | null | undefined): string | null;
}

/**
 * Date formatting in the app's language. The language API is looked up
 * optionally because legacy apps and some test apps do not provide one; then
 * the browser's locale is used. It subscribes to language changes so dates
 * switch together with the translated texts.
 */
export function useDateFormat(): DateFormat {
  const languageApi = useApiHolder().get(coreApis.appLanguage);
  const [language, setLanguage] = useState(() => languageApi?.getLanguage().language);

  useEffect(() => {
    if (!languageApi) return undefined;
    const subscription = languageApi.language$().subscribe(({ language: next }) => setLanguage(next));
    return () => subscription.unsubscribe();
  }, [languageApi]);

  return useMemo(() => {
    const make = (options: Intl.DateTimeFormatOptions) => {
      let format: Intl.DateTimeFormat;
      try {
        format = new Intl.DateTimeFormat(language, options);
      } catch {
        // An app language Intl does not know (a custom code) must not break the page.
        format = new Intl.DateTimeFormat(undefined, options);
      }
      return (iso: string | null | undefined) => {
        if (!iso) return null;
        const date = new Date(iso);
        return Number.isNaN(date.getTime()) ? null : format.format(date);
      };
    };
    return {
      date: make({ dateStyle: 'medium' }),
      dateTime: make({ dateStyle: 'medium', timeStyle: 'short' }),
      dateTimeSeconds: make({ dateStyle: 'medium', timeStyle: 'medium' }),
    };
  }, [language]);
}
