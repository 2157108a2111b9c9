import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccFirmwareOverview } from '@internal/plugin-ccc-common';
import Typography from '@material-ui/core/Typography';
import { cccTranslationRef } from '../../translation';

const KNOWN_STATES = ['idle', 'checking', 'downloading', 'installing', 'rebooting', 'succeeded', 'failed'] as const;
type KnownState = (typeof KNOWN_STATES)[number];

/** The device's own view of the running or last update (manual: "Update-Status"). */
export function DeviceUpdateStatus({ device }: { device: CccFirmwareOverview['device'] }) {
  const { t } = useTranslationRef(cccTranslationRef);
  const known = (KNOWN_STATES as readonly string[]).includes(device.state);
  // The device's state list is not documented; an unknown word is shown as the device sent it.
  const label = known ? t(`firmware.deviceState.${device.state as KnownState}`) : device.state;
  const active = ['checking', 'downloading', 'installing'].includes(device.state);
  return (
    <>
      <Typography variant="body2" component="span">
        {label}
        {active && ` (${device.progress} %)`}
      </Typography>
      {device.state !== 'idle' && device.toVersion && (
        <Typography variant="body2" color="textSecondary" style={{ display: 'block' }} component="span">
          {t('firmware.fromTo', { from: device.fromVersion ?? t('common.none'), to: device.toVersion })}
        </Typography>
      )}
      {device.message && (
        <Typography
          variant="body2"
          color={device.state === 'failed' ? 'error' : 'textSecondary'}
          style={{ display: 'block' }}
          component="span"
        >
          {device.message}
        </Typography>
      )}
    </>
  );
}
