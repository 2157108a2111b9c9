import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccJob } from '@internal/plugin-ccc-common';
import { useMemo } from 'react';
import { cccTranslationRef } from '../../translation';

/** Phases in which the PBX restarts and cannot say how far it is. */
export const RESTART_PHASES: readonly string[] = ['restarting', 'rebooting'];

/** Translated names of job kinds, phases and states. */
export interface JobTexts {
  /** "Backup", "Restore", "Firmware update". */
  kind(kind: CccJob['kind']): string;
  /** The device's step in words; an unknown step as the device named it. */
  phase(phase: string): string;
  /** "Running", "Succeeded", "Failed". */
  state(state: CccJob['state']): string;
}

/** Job texts in the app's language. */
export function useJobTexts(): JobTexts {
  const { t } = useTranslationRef(cccTranslationRef);
  return useMemo(
    () => ({
      kind: kind => t(`jobs.kind.${kind}`),
      phase: phase => {
        switch (phase) {
          case 'queued':
          case 'running':
          case 'restarting':
          case 'rebooting':
          case 'checking':
          case 'downloading':
          case 'installing':
          case 'done':
            return t(`jobs.phase.${phase}`);
          default:
            // The device's step list is not documented; showing its word beats hiding progress.
            return phase;
        }
      },
      state: state => t(`jobs.state.${state}`),
    }),
    [t],
  );
}
