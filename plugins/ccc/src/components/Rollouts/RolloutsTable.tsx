import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccRollout } from '@internal/plugin-ccc-common';
import Link from '@material-ui/core/Link';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { cccTranslationRef } from '../../translation';
import { EntityName } from '../common/EntityName';
import { useDateFormat } from '../common/useDateFormat';
import { RolloutStateChip } from './RolloutStateChip';
import { doneCount, useRolloutTexts } from './rolloutTexts';

/** Rollouts newest first: state (and when a closed window opens), progress, who started them and when. */
export function RolloutsTable({
  items,
  onOpen,
}: {
  items: readonly CccRollout[];
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslationRef(cccTranslationRef);
  const texts = useRolloutTexts();
  const format = useDateFormat();
  const none = t('common.none');
  return (
    <Table size="small" aria-label={t('rollouts.title')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('rollouts.columns.name')}</TableCell>
          <TableCell>{t('rollouts.columns.state')}</TableCell>
          <TableCell>{t('rollouts.columns.progress')}</TableCell>
          <TableCell>{t('rollouts.columns.startedBy')}</TableCell>
          <TableCell>{t('rollouts.columns.createdAt')}</TableCell>
          <TableCell>{t('rollouts.columns.finishedAt')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {items.map(r => (
          <TableRow key={r.id} hover>
            <TableCell component="th" scope="row" role="rowheader">
              <Link
                component="button"
                variant="body2"
                onClick={() => onOpen(r.id)}
              >
                {r.name}
              </Link>
            </TableCell>
            <TableCell>
              <RolloutStateChip state={r.state} />
              {r.state === 'running' && !r.windowOpen && r.nextWindowAt && (
                <Typography
                  variant="caption"
                  color="textSecondary"
                  component="span"
                  style={{ display: 'block' }}
                >
                  {t('rollouts.waitingForWindow', {
                    at: format.dateTime(r.nextWindowAt) ?? none,
                  })}
                </Typography>
              )}
            </TableCell>
            <TableCell>
              {t('rollouts.progress', {
                done: String(doneCount(r.counts)),
                total: String(r.counts.total),
              })}
              <Typography
                variant="caption"
                color="textSecondary"
                component="span"
                style={{ display: 'block' }}
              >
                {texts.counts(r.counts)}
              </Typography>
            </TableCell>
            <TableCell>
              <EntityName entityRef={r.startedBy} />
            </TableCell>
            <TableCell>{format.dateTime(r.createdAt) ?? none}</TableCell>
            <TableCell>{format.dateTime(r.finishedAt) ?? none}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
