import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccBackupAssurance } from '@internal/plugin-ccc-common';
import { useMemo } from 'react';
import { cccTranslationRef } from '../../translation';

/** Backup assurance status, e.g. "failed". */
export type AssuranceStatus = CccBackupAssurance['status'];

/** Ascending order puts what needs attention first: failed, stale, never backed up, not set up, unknown, ok. */
export const ASSURANCE_RANK: Record<AssuranceStatus, number> = {
  failed: 0,
  stale: 1,
  never: 2,
  not_configured: 3,
  unknown: 4,
  ok: 5,
};

/** Every assurance status in {@link ASSURANCE_RANK} order (for filters). */
export const ASSURANCE_STATUSES = (Object.keys(ASSURANCE_RANK) as AssuranceStatus[]).sort(
  (a, b) => ASSURANCE_RANK[a] - ASSURANCE_RANK[b],
);

// Message keys are camel case; the API's status is snake case.
const KEY: Record<AssuranceStatus, 'ok' | 'stale' | 'failed' | 'never' | 'notConfigured' | 'unknown'> = {
  ok: 'ok',
  stale: 'stale',
  failed: 'failed',
  never: 'never',
  not_configured: 'notConfigured',
  unknown: 'unknown',
};

/** Translated name and explanation of an assurance status. */
export interface AssuranceTexts {
  /** "OK", "Outdated", … */
  label(status: AssuranceStatus): string;
  /** What the status means and what to do about it. */
  explanation(status: AssuranceStatus): string;
}

/** Assurance texts in the app's language. */
export function useAssuranceTexts(): AssuranceTexts {
  const { t } = useTranslationRef(cccTranslationRef);
  return useMemo(
    () => ({
      label: status => t(`assurance.status.${KEY[status] ?? 'unknown'}`),
      explanation: status => t(`assurance.explanation.${KEY[status] ?? 'unknown'}`),
    }),
    [t],
  );
}
