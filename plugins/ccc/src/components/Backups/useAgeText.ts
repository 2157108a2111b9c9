import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useCallback } from 'react';
import { cccTranslationRef } from '../../translation';

/**
 * How long ago a timestamp was, e.g. "3 days ago", in the app's language;
 * null for a missing or unparsable value. Whole minutes, hours and days are
 * enough to judge whether backups are recent.
 */
export function useAgeText(): (iso: string | null | undefined, now?: number) => string | null {
  const { t } = useTranslationRef(cccTranslationRef);
  return useCallback(
    (iso, now = Date.now()) => {
      if (!iso) return null;
      const at = Date.parse(iso);
      if (Number.isNaN(at)) return null;
      const minutes = Math.floor(Math.max(0, now - at) / 60_000);
      if (minutes < 1) return t('age.justNow');
      if (minutes < 60) return t('age.minutes', { count: minutes });
      const hours = Math.floor(minutes / 60);
      if (hours < 24) return t('age.hours', { count: hours });
      return t('age.days', { count: Math.floor(hours / 24) });
    },
    [t],
  );
}
