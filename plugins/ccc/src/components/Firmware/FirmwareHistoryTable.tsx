import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccJob } from '@internal/plugin-ccc-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { cccTranslationRef } from '../../translation';
import { EntityName } from '../common/EntityName';
import { useDateFormat } from '../common/useDateFormat';
import { useJobTexts } from '../Jobs';
import { RolloutName } from '../Rollouts/RolloutName';

/** Firmware updates started in the CCC, newest first: when, by whom, from and to which version, and how they ended. */
export function FirmwareHistoryTable({ jobs }: { jobs: readonly CccJob[] }) {
  const { t } = useTranslationRef(cccTranslationRef);
  const format = useDateFormat();
  const texts = useJobTexts();
  const none = t('common.none');

  if (jobs.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {t('firmware.historyEmpty')}
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label={t('firmware.history')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('firmware.columns.startedAt')}</TableCell>
          <TableCell>{t('firmware.columns.startedBy')}</TableCell>
          <TableCell>{t('firmware.columns.versions')}</TableCell>
          <TableCell>{t('firmware.columns.result')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {jobs.map(job => (
          <TableRow key={job.id}>
            <TableCell component="th" scope="row" role="rowheader">
              {format.dateTime(job.startedAt) ?? none}
            </TableCell>
            <TableCell>
              <EntityName entityRef={job.startedBy} />
            </TableCell>
            <TableCell>{t('firmware.fromTo', { from: job.fromVersion ?? none, to: job.toVersion ?? none })}</TableCell>
            <TableCell>
              {job.state === 'running' ? texts.phase(job.phase) : texts.state(job.state)}
              {job.finishedAt && (
                <Typography variant="caption" color="textSecondary" component="span" style={{ display: 'block' }}>
                  {format.dateTime(job.finishedAt)}
                </Typography>
              )}
              {job.state === 'failed' && job.message && (
                <Typography variant="caption" color="error" component="span" style={{ display: 'block' }}>
                  {job.message}
                </Typography>
              )}
              {job.rolloutId && (
                <Typography variant="caption" color="textSecondary" component="span" style={{ display: 'block' }}>
                  <RolloutName rolloutId={job.rolloutId} />
                </Typography>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
