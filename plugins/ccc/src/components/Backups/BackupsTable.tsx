import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccBackup, compareFirmware } from '@internal/plugin-ccc-common';
import Checkbox from '@material-ui/core/Checkbox';
import IconButton from '@material-ui/core/IconButton';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import RestoreIcon from '@material-ui/icons/Restore';
import { cccTranslationRef } from '../../translation';
import { useDateFormat } from '../common/useDateFormat';
import { WithReason } from '../common/WithReason';
import { formatSize } from './formatSize';

/** Whether a backup was made on older firmware than the PBX runs now (it may lack newer settings). */
export function madeOnOlderFirmware(backup: Pick<CccBackup, 'firmwareVersion'>, installed: string | null): boolean {
  return !!installed && compareFirmware(backup.firmwareVersion, installed) < 0;
}

/**
 * The backups on the backup server, newest first: when, on which firmware,
 * how large, made by hand or automatically. Selecting is for deleting, so
 * `selectReason` (no delete permission) disables the checkboxes; `restoreReason`
 * disables restoring and says why.
 */
export function BackupsTable({
  backups,
  installedFirmware,
  selected,
  onToggle,
  onToggleAll,
  selectReason,
  restoreReason,
  onRestore,
}: {
  backups: readonly CccBackup[];
  installedFirmware: string | null;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleAll: () => void;
  selectReason?: string;
  restoreReason?: string;
  onRestore: (backup: CccBackup) => void;
}) {
  const { t } = useTranslationRef(cccTranslationRef);
  const format = useDateFormat();

  if (backups.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {t('backups.empty')}
      </Typography>
    );
  }

  const selectedCount = backups.filter(b => selected.has(b.id)).length;
  return (
    <Table size="small" aria-label={t('backups.available')}>
      <TableHead>
        <TableRow>
          <TableCell padding="checkbox">
            <WithReason reason={selectReason}>
              <Checkbox
                checked={selectedCount > 0 && selectedCount === backups.length}
                indeterminate={selectedCount > 0 && selectedCount < backups.length}
                disabled={!!selectReason}
                onChange={onToggleAll}
                inputProps={{ 'aria-label': t('backups.selectAll') }}
              />
            </WithReason>
          </TableCell>
          <TableCell>{t('backups.columns.createdAt')}</TableCell>
          <TableCell>{t('backups.columns.firmware')}</TableCell>
          <TableCell>{t('backups.columns.size')}</TableCell>
          <TableCell>{t('backups.columns.trigger')}</TableCell>
          <TableCell padding="checkbox" aria-label={t('backups.columns.actions')} />
        </TableRow>
      </TableHead>
      <TableBody>
        {backups.map(backup => {
          const date = format.dateTime(backup.createdAt) ?? backup.createdAt;
          const older = madeOnOlderFirmware(backup, installedFirmware);
          return (
            <TableRow key={backup.id} hover selected={selected.has(backup.id)}>
              <TableCell padding="checkbox">
                <WithReason reason={selectReason}>
                  <Checkbox
                    checked={selected.has(backup.id)}
                    disabled={!!selectReason}
                    onChange={() => onToggle(backup.id)}
                    inputProps={{ 'aria-label': t('backups.select', { date }) }}
                  />
                </WithReason>
              </TableCell>
              {/* MUI v4 gives a body cell with `component` the role "cell"; this one heads its row. */}
              <TableCell component="th" scope="row" role="rowheader">
                {date}
              </TableCell>
              <TableCell>
                {backup.firmwareVersion}
                {older && (
                  <Typography variant="caption" color="textSecondary" component="span" style={{ display: 'block' }}>
                    {t('backups.olderFirmware')}
                  </Typography>
                )}
              </TableCell>
              <TableCell>{formatSize(backup.sizeBytes)}</TableCell>
              <TableCell>{t(`backups.trigger.${backup.trigger}`)}</TableCell>
              <TableCell padding="checkbox">
                <WithReason reason={restoreReason}>
                  <IconButton
                    size="small"
                    aria-label={t('backups.restore', { date })}
                    title={restoreReason ? undefined : t('backups.restore', { date })}
                    disabled={!!restoreReason}
                    onClick={() => onRestore(backup)}
                  >
                    <RestoreIcon fontSize="small" />
                  </IconButton>
                </WithReason>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
