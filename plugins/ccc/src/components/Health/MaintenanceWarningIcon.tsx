import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccSystem } from '@internal/plugin-ccc-common';
import { useTheme } from '@material-ui/core/styles';
import Tooltip from '@material-ui/core/Tooltip';
import WarningIcon from '@material-ui/icons/ReportProblemOutlined';
import { cccTranslationRef } from '../../translation';
import { useDateFormat } from '../common/useDateFormat';
import { maintenanceEndsInDays } from './maintenanceWarning';
import { useMaintenanceWarnDays } from './useMaintenanceWarnDays';

/** A small warning icon for lists when the system's maintenance ends within `ccc.maintenance.warnDays`. */
export function MaintenanceWarningIcon({ system }: { system: Pick<CccSystem, 'device'> }) {
  const { t } = useTranslationRef(cccTranslationRef);
  const theme = useTheme();
  const format = useDateFormat();
  const warnDays = useMaintenanceWarnDays();
  const ending = maintenanceEndsInDays(system, new Date(), warnDays);
  if (!ending) return null;
  const date = format.date(ending.validUntil) ?? ending.validUntil;
  const label =
    ending.days === 0 ? t('maintenanceWarning.iconToday') : t('maintenanceWarning.icon', { count: ending.days, date });
  return (
    <Tooltip title={label}>
      <WarningIcon
        role="img"
        aria-hidden={false}
        aria-label={label}
        fontSize="small"
        htmlColor={theme.palette.warning.main}
        style={{ verticalAlign: 'middle', marginLeft: 4 }}
        data-testid="ccc-maintenance-warning-icon"
      />
    </Tooltip>
  );
}
