import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccSystem, licencePageUrl } from '@internal/plugin-ccc-common';
import Link from '@material-ui/core/Link';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { cccTranslationRef } from '../../translation';
import { useDateFormat } from '../common/useDateFormat';
import { maintenanceEndsInDays } from './maintenanceWarning';
import { useMaintenanceWarnDays } from './useMaintenanceWarnDays';

/**
 * Warns on the overview when the system's maintenance ends within
 * `ccc.maintenance.warnDays`: without it the CCC can no longer manage the
 * system, so it must be renewed before, not after.
 */
export function MaintenanceWarning({ system }: { system: Pick<CccSystem, 'device' | 'serialNumber'> }) {
  const { t } = useTranslationRef(cccTranslationRef);
  const format = useDateFormat();
  const warnDays = useMaintenanceWarnDays();
  const ending = maintenanceEndsInDays(system, new Date(), warnDays);
  if (!ending) return null;
  const date = format.date(ending.validUntil) ?? ending.validUntil;
  return (
    <Alert severity="warning" data-testid="ccc-maintenance-warning" style={{ marginBottom: 16 }}>
      <AlertTitle>{t('maintenanceWarning.title')}</AlertTitle>
      {ending.days === 0
        ? t('maintenanceWarning.textToday')
        : t('maintenanceWarning.text', { count: ending.days, date })}{' '}
      {/* Maintenance is bought and shown with the device's licences in the Voucher Center. */}
      <Link href={licencePageUrl(system.serialNumber)} target="_blank" rel="noopener noreferrer">
        {t('maintenanceWarning.renew')}
      </Link>
    </Alert>
  );
}
