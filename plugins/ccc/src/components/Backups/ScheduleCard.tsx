import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { BACKUP_INTERVAL_OPTIONS, BackupInterval, CccBackupOverview } from '@internal/plugin-ccc-common';
import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Tooltip from '@material-ui/core/Tooltip';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { cccApiRef } from '../../api/CccApi';
import { cccTranslationRef } from '../../translation';
import { errorMessage } from '../common/errors';
import { useDateFormat } from '../common/useDateFormat';

/**
 * The interval of automatic backups (manual: "Intervall für automatische
 * Backups") with the last and next periodic backup. The device fixes the time
 * of day when automatic backups are switched on; the card says so, because
 * changing the interval later does not move that time.
 */
export function ScheduleCard({
  systemId,
  schedule,
  reason,
  onSaved,
}: {
  systemId: string;
  schedule: CccBackupOverview['schedule'];
  /** Why the interval cannot be changed (missing permission); undefined when it can. */
  reason?: string;
  onSaved: () => void;
}) {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const format = useDateFormat();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const none = t('common.none');

  const change = async (interval: BackupInterval) => {
    if (interval === schedule.interval) return;
    setSaving(true);
    setError(null);
    try {
      await api.setBackupSchedule(systemId, interval);
      onSaved();
    } catch (e) {
      setError(t('schedule.saveFailed', { message: errorMessage(e) }));
    } finally {
      setSaving(false);
    }
  };

  const select = (
    <FormControl variant="outlined" size="small" fullWidth disabled={!!reason || saving}>
      <InputLabel id="ccc-backup-interval-label">{t('schedule.interval')}</InputLabel>
      <Select
        labelId="ccc-backup-interval-label"
        label={t('schedule.interval')}
        value={schedule.interval}
        onChange={e => change(e.target.value as BackupInterval)}
      >
        {BACKUP_INTERVAL_OPTIONS.map(option => (
          <MenuItem key={option} value={option}>
            {t(`schedule.intervals.${option}`)}
          </MenuItem>
        ))}
      </Select>
      <FormHelperText>{schedule.interval === 'off' ? t('schedule.offHelp') : t('schedule.onHelp')}</FormHelperText>
    </FormControl>
  );

  const rows: Array<[string, string]> = [
    [t('schedule.anchorTime'), format.dateTime(schedule.anchorTime) ?? none],
    [t('schedule.lastRun'), format.dateTime(schedule.lastRun) ?? none],
    [t('schedule.nextRun'), schedule.interval === 'off' ? none : format.dateTime(schedule.nextRun) ?? none],
  ];

  return (
    <InfoCard title={t('schedule.title')}>
      {reason ? (
        <Tooltip title={reason}>
          <div>{select}</div>
        </Tooltip>
      ) : (
        select
      )}
      <Alert severity="info" style={{ marginTop: 8 }}>
        {t('schedule.timeNote')}
      </Alert>
      {error && (
        <Alert severity="error" style={{ marginTop: 8 }}>
          {error}
        </Alert>
      )}
      <Table size="small" aria-label={t('schedule.title')} style={{ marginTop: 8 }}>
        <TableBody>
          {rows.map(([label, value]) => (
            <TableRow key={label}>
              <TableCell component="th" scope="row" role="rowheader" style={{ width: '50%' }}>
                {label}
              </TableCell>
              <TableCell>{value}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </InfoCard>
  );
}
