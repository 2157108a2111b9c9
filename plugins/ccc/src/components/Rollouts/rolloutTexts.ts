import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  CccRolloutCounts,
  CccRolloutWindow,
  RolloutState,
  RolloutSystemStep,
} from '@internal/plugin-ccc-common';
import { useMemo } from 'react';
import { cccTranslationRef } from '../../translation';

const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Texts of rollout states, system steps, counts and windows. */
export function useRolloutTexts() {
  const { t } = useTranslationRef(cccTranslationRef);
  return useMemo(
    () => ({
      state: (state: RolloutState) => t(`rollouts.state.${state}`),
      step: (step: RolloutSystemStep) => t(`rollouts.step.${step}`),
      /** ISO weekday (1 Monday) as a short name. */
      weekday: (day: number) => t(`rollouts.weekdays.${WEEKDAY_KEYS[day - 1]}`),
      /** The non-zero counts besides the total, e.g. "3 updated, 1 failed". */
      counts: (counts: CccRolloutCounts) =>
        (
          [
            'succeeded',
            'failed',
            'running',
            'pending',
            'skipped',
            'cancelled',
          ] as const
        )
          .filter(key => counts[key] > 0)
          .map(key => t(`rollouts.counts.${key}`, { count: counts[key] }))
          .join(', '),
      window: (window: CccRolloutWindow) =>
        t('rollouts.details.window', {
          days: window.days
            .map(d => t(`rollouts.weekdays.${WEEKDAY_KEYS[d - 1]}`))
            .join(', '),
          from: String(window.fromHour).padStart(2, '0'),
          to: String(window.toHour).padStart(2, '0'),
          timeZone: window.timeZone,
        }),
    }),
    [t],
  );
}

/** How many systems of a rollout have reached a final step. */
export function doneCount(counts: CccRolloutCounts): number {
  return counts.succeeded + counts.failed + counts.skipped + counts.cancelled;
}
