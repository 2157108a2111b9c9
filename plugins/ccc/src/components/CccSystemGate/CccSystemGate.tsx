import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccSystem, licencePageUrl, MIN_FIRMWARE_VERSION, systemGate } from '@internal/plugin-ccc-common';
import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { ReactNode } from 'react';
import { cccTranslationRef } from '../../translation';

/** Props of {@link CccSystemGate}. */
export interface CccSystemGateProps {
  system: Pick<CccSystem, 'paired' | 'device' | 'serialNumber'>;
  /** What needs a manageable system; rendered only when the gate is open. */
  children?: ReactNode;
}

/**
 * Renders its children only for a system the CCC may manage (paired, active
 * maintenance, firmware 2.4.4 or later; `systemGate` in ccc-common). Otherwise
 * it says why the functions are unavailable and what to do. Every tab that
 * manages a device wraps its content in it, so all give the same advice.
 */
export function CccSystemGate({ system, children }: CccSystemGateProps) {
  const { t } = useTranslationRef(cccTranslationRef);
  const gate = systemGate(system);
  if (gate.manageable) {
    return <>{children}</>;
  }

  let advice: ReactNode;
  switch (gate.reason) {
    case 'maintenance_inactive':
      advice = t('gate.maintenanceInactive', {
        link: (
          // Maintenance is bought and shown with the device's licences in the Voucher Center.
          <Link href={licencePageUrl(system.serialNumber)} target="_blank" rel="noopener noreferrer">
            {t('gate.maintenanceLink')}
          </Link>
        ),
      });
      break;
    case 'firmware_too_old':
      advice = t('gate.firmwareTooOld', { version: MIN_FIRMWARE_VERSION });
      break;
    default:
      advice = t('gate.notPaired');
  }

  return (
    <Alert severity="warning" data-testid="ccc-system-gate">
      <AlertTitle>{t('gate.title')}</AlertTitle>
      <Typography variant="body2" paragraph>
        {advice}
      </Typography>
      <Typography variant="body2">{t('gate.scope')}</Typography>
    </Alert>
  );
}
