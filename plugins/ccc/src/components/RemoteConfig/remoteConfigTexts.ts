import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { CccSystem, systemGate } from '@internal/plugin-ccc-common';
import { useMemo } from 'react';
import { cccTranslationRef } from '../../translation';
import { errorMessage } from '../common/errors';

/** Why remote configuration cannot be used on a system, as the manual's "not possible" cases and the gate. */
export type RemoteConfigBlock = 'notAllowed' | 'firmwareTooOld' | 'maintenanceInactive' | 'notPaired';

/** What stands in the way of remote configuration before anyone asks the device; null when nothing known does. */
export function remoteConfigBlock(system: Pick<CccSystem, 'paired' | 'device'>): RemoteConfigBlock | null {
  const gate = systemGate(system);
  if (gate.reason === 'firmware_too_old') return 'firmwareTooOld';
  if (gate.reason === 'maintenance_inactive') return 'maintenanceInactive';
  if (!gate.manageable) return 'notPaired';
  // Only an explicit "no" counts: a device that has not said yet may well allow it.
  if (system.device?.remoteConfigEnabled === false) return 'notAllowed';
  return null;
}

/**
 * Which block a refused request means. The backend answers the two "not
 * possible" cases with 412: `reason: remote_config_disabled` (or the
 * device's own refusal) and the device's firmware refusal; the gate's
 * refusal carries its reason too.
 */
export function remoteConfigBlockOf(error: unknown): RemoteConfigBlock | null {
  if (!ResponseError.is(error) || error.statusCode !== 412) return null;
  const body = error.body?.error as { name?: string; reason?: unknown } | undefined;
  const reason = body?.reason;
  const name = body?.name ?? error.cause?.name;
  if (reason === 'remote_config_disabled' || name === 'DeviceRemoteConfigDisabledError') return 'notAllowed';
  if (reason === 'firmware_too_old' || name === 'DeviceFirmwareUnsupportedError') return 'firmwareTooOld';
  if (reason === 'maintenance_inactive') return 'maintenanceInactive';
  if (reason === 'not_paired') return 'notPaired';
  return null;
}

/** Texts of the blocks, and of a failed request in words. */
export function useRemoteConfigTexts() {
  const { t } = useTranslationRef(cccTranslationRef);
  return useMemo(() => {
    const block = (b: RemoteConfigBlock) => t(`remoteConfig.${b}`);
    return {
      block,
      /** A known block explains itself; anything else shows the backend's sentence. */
      failure: (error: unknown) => {
        const known = remoteConfigBlockOf(error);
        return known ? block(known) : t('remoteConfig.failed', { message: errorMessage(error) });
      },
    };
  }, [t]);
}
