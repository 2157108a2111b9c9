import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { cccBackupReadPermission, rolesAllowing, systemEntityRef } from '@internal/plugin-ccc-common';
import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import MenuItem from '@material-ui/core/MenuItem';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import RefreshIcon from '@material-ui/icons/Refresh';
import Alert from '@material-ui/lab/Alert';
import { useMemo, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { cccApiRef } from '../../api/CccApi';
import { cccTranslationRef } from '../../translation';
import { AssuranceChip } from '../Backups/AssuranceChip';
import { ASSURANCE_STATUSES, AssuranceStatus, useAssuranceTexts } from '../Backups/assuranceTexts';
import { useAgeText } from '../Backups/useAgeText';
import { FilterField } from '../common/FilterField';
import { SortableHeaderCell } from '../common/SortableHeaderCell';
import { errorMessage } from '../common/errors';
import { useRoleTexts } from '../common/roles';
import { useDateFormat } from '../common/useDateFormat';
import { filterFleetBackups, FleetSortKey, FleetSortOrder, sortFleetBackups } from './sortFleetBackups';

/**
 * The Backups tab of the CCC page: backup assurance of every system the user
 * may see backups of, with the age of the last success, the last failure and
 * the next automatic run; sortable, filterable, each system linked to its
 * catalog page (where its Backup tab is). Problems sort first by default.
 */
export function FleetBackupsPage() {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const roles = useRoleTexts();
  const assurance = useAssuranceTexts();
  const format = useDateFormat();
  const age = useAgeText();
  const { value: items, loading, error, retry } = useAsyncRetry(() => api.listFleetBackups(), [api]);
  const [filter, setFilter] = useState('');
  const [status, setStatus] = useState<AssuranceStatus | 'all'>('all');
  const [order, setOrder] = useState<FleetSortOrder>({ key: 'status', direction: 'asc' });

  const rows = useMemo(
    () => sortFleetBackups(filterFleetBackups(items ?? [], filter, status), order),
    [items, filter, status, order],
  );
  const none = t('common.none');

  const sortBy = (key: FleetSortKey) =>
    setOrder(prev => ({ key, direction: prev.key === key && prev.direction === 'asc' ? 'desc' : 'asc' }));
  const column = (key: FleetSortKey, label: string) => (
    <SortableHeaderCell column={key} label={label} sortKey={order.key} direction={order.direction} onSort={sortBy} />
  );

  let body;
  if (loading && !items) {
    body = <Progress />;
  } else if (error) {
    body = <Alert severity="error">{t('fleetBackups.loadError', { message: errorMessage(error) })}</Alert>;
  } else if (!items || items.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title={t('fleetBackups.emptyTitle')}
        description={t('fleetBackups.emptyDescription', {
          roles: roles.list(rolesAllowing(cccBackupReadPermission.name)),
        })}
      />
    );
  } else {
    body = (
      <>
        <Box display="flex" alignItems="center" flexWrap="wrap" mb={1} style={{ gap: 16 }}>
          <FilterField label={t('fleetBackups.filter')} value={filter} onChange={setFilter} />
          <TextField
            select
            value={status}
            onChange={e => setStatus(e.target.value as AssuranceStatus | 'all')}
            label={t('fleetBackups.statusFilter')}
            size="small"
            variant="outlined"
            style={{ minWidth: 200 }}
            id="ccc-fleet-backups-status"
          >
            <MenuItem value="all">{t('fleetBackups.allStatuses')}</MenuItem>
            {ASSURANCE_STATUSES.map(s => (
              <MenuItem key={s} value={s}>
                {assurance.label(s)}
              </MenuItem>
            ))}
          </TextField>
        </Box>
        <Table size="small" aria-label={t('fleetBackups.title')}>
          <TableHead>
            <TableRow>
              {column('name', t('fleetBackups.columns.name'))}
              {column('serialNumber', t('fleetBackups.columns.serialNumber'))}
              {column('status', t('fleetBackups.columns.status'))}
              {column('lastSuccessAt', t('fleetBackups.columns.lastSuccess'))}
              <TableCell>{t('fleetBackups.columns.lastFailure')}</TableCell>
              {column('nextRunAt', t('fleetBackups.columns.nextRun'))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(row => (
              <TableRow key={row.systemId} hover>
                <TableCell component="th" scope="row" role="rowheader">
                  <EntityRefLink entityRef={systemEntityRef(row.serialNumber)}>{row.name}</EntityRefLink>
                </TableCell>
                <TableCell style={{ fontFamily: 'monospace' }}>{row.serialNumber}</TableCell>
                <TableCell>
                  <AssuranceChip status={row.assurance.status} />
                </TableCell>
                <TableCell title={format.dateTime(row.assurance.lastSuccessAt) ?? undefined}>
                  {age(row.assurance.lastSuccessAt) ?? t('fleetBackups.never')}
                </TableCell>
                <TableCell>
                  {row.assurance.lastFailureAt ? (
                    <>
                      {format.dateTime(row.assurance.lastFailureAt)}
                      {row.assurance.lastFailureMessage && (
                        <Typography
                          variant="caption"
                          color={row.assurance.status === 'failed' ? 'error' : 'textSecondary'}
                          component="span"
                          style={{ display: 'block' }}
                        >
                          {row.assurance.lastFailureMessage}
                        </Typography>
                      )}
                    </>
                  ) : (
                    none
                  )}
                </TableCell>
                <TableCell>{format.dateTime(row.assurance.nextRunAt) ?? none}</TableCell>
              </TableRow>
            ))}
            {rows.length === 0 && (
              <TableRow>
                <TableCell colSpan={6}>
                  <Typography variant="body2" color="textSecondary">
                    {t('fleetBackups.noMatch')}
                  </Typography>
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </>
    );
  }

  return (
    <InfoCard
      title={t('fleetBackups.title')}
      subheader={t('fleetBackups.subheader')}
      action={
        <IconButton aria-label={t('common.refresh')} title={t('common.refresh')} onClick={retry} disabled={loading}>
          <RefreshIcon />
        </IconButton>
      }
    >
      {body}
    </InfoCard>
  );
}
