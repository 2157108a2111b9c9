import { StatusAborted, StatusError, StatusOK, StatusPending, StatusWarning } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccSystem, DeviceState, MIN_FIRMWARE_VERSION } from '@internal/plugin-ccc-common';
import Typography from '@material-ui/core/Typography';
import { ReactElement } from 'react';
import { cccTranslationRef } from '../../translation';

// The status components mark themselves aria-hidden, so they are used for the
// icon only and the state is written out next to them for screen readers.
const STATE_ICONS: Record<DeviceState, ReactElement> = {
  paired_ok: <StatusOK />,
  paired_restricted: <StatusWarning />,
  error: <StatusError />,
  token_pending: <StatusPending />,
  unknown: <StatusAborted />,
};

/** The label of a device state, e.g. "Paired, restricted". */
export function useDeviceStateLabel(): (state: DeviceState) => string {
  const { t } = useTranslationRef(cccTranslationRef);
  return state => {
    switch (state) {
      case 'paired_ok':
        return t('deviceState.pairedOk');
      case 'paired_restricted':
        return t('deviceState.pairedRestricted');
      case 'error':
        return t('deviceState.error');
      case 'token_pending':
        return t('deviceState.tokenPending');
      default:
        return t('deviceState.unknown');
    }
  };
}

/** Why a system is in its state, in words; null when there is nothing to explain. */
export function useStateReasonText(): (system: Pick<CccSystem, 'stateReason' | 'stateMessage'>) => string | null {
  const { t } = useTranslationRef(cccTranslationRef);
  return ({ stateReason, stateMessage }) => {
    switch (stateReason) {
      case 'token_expired':
        return t('deviceState.reason.tokenExpired');
      case 'not_paired':
        return t('deviceState.reason.notPaired');
      case 'access_revoked':
        return t('deviceState.reason.accessRevoked');
      case 'unreachable':
        return t('deviceState.reason.unreachable');
      case 'rebooting':
        return t('deviceState.reason.rebooting');
      case 'locked_out':
        return t('deviceState.reason.lockedOut');
      case 'device_error':
        return stateMessage
          ? t('deviceState.reason.deviceErrorWithMessage', { message: stateMessage })
          : t('deviceState.reason.deviceError');
      case 'maintenance_inactive':
        return t('deviceState.reason.maintenanceInactive');
      case 'firmware_too_old':
        return t('deviceState.reason.firmwareTooOld', { version: MIN_FIRMWARE_VERSION });
      default:
        // No known reason: the backend's own detail is better than nothing.
        return stateMessage;
    }
  };
}

/**
 * Icon and text of a system's device state ("Gerätezustand") with the reason
 * in words. Used by the systems table and the entity overview alike.
 */
export function DeviceStateDisplay({ system }: { system: Pick<CccSystem, 'state' | 'stateReason' | 'stateMessage'> }) {
  const label = useDeviceStateLabel();
  const reason = useStateReasonText();
  const explanation = reason(system);
  return (
    <div>
      <Typography component="span" variant="body2">
        {STATE_ICONS[system.state] ?? STATE_ICONS.unknown}
        {label(system.state)}
      </Typography>
      {explanation && (
        <Typography variant="body2" color="textSecondary">
          {explanation}
        </Typography>
      )}
    </div>
  );
}
