import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CallDataSortColumn, CccCallDataRecord } from '@internal/plugin-ccc-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import Typography from '@material-ui/core/Typography';
import CallMadeIcon from '@material-ui/icons/CallMade';
import CallReceivedIcon from '@material-ui/icons/CallReceived';
import { ReactNode } from 'react';
import { cccTranslationRef } from '../../translation';
import { useDateFormat } from '../common/useDateFormat';
import { formatDuration } from './callDataFormat';

/** Props of {@link CallDataTable}. */
export interface CallDataTableProps {
  records: CccCallDataRecord[];
  sort: CallDataSortColumn;
  order: 'asc' | 'desc';
  /** A column header was clicked. */
  onSort: (column: CallDataSortColumn) => void;
  /** Fleet view: names of the records' systems, shown in a first column (not sortable). */
  systemNames?: Record<string, string>;
}

/**
 * One page of call records in the columns of the manual's call data page, in its order, plus the direction.
 * Every header sorts: the backend sorts the whole result, not just this page.
 */
export function CallDataTable({ records, sort, order, onSort, systemNames }: CallDataTableProps) {
  const { t } = useTranslationRef(cccTranslationRef);
  const format = useDateFormat();
  const none = t('common.none');
  const text = (value: string) => value || none;

  // Names may wrap; times, durations and numbers read badly when broken.
  const columns: Array<{
    key: CallDataSortColumn;
    render: (r: CccCallDataRecord) => ReactNode;
    numeric?: boolean;
    wraps?: boolean;
  }> = [
    { key: 'startAt', render: r => format.dateTimeSeconds(r.startAt) ?? r.startAt },
    { key: 'duration', render: r => formatDuration(r.durationSeconds), numeric: true },
    { key: 'externalNumber', render: r => text(r.externalNumber) },
    { key: 'externalName', render: r => text(r.externalName), wraps: true },
    { key: 'billingNumber', render: r => text(r.billingNumber) },
    { key: 'billingName', render: r => text(r.billingName), wraps: true },
    { key: 'realName', render: r => text(r.realName), wraps: true },
    { key: 'line', render: r => text(r.line) },
    {
      key: 'success',
      render: r =>
        r.success ? (
          t('callData.success.successful')
        ) : (
          <Typography variant="inherit" color="textSecondary">
            {t('callData.success.unsuccessful')}
          </Typography>
        ),
    },
    { key: 'callType', render: r => text(r.callType) },
    {
      key: 'direction',
      render: r =>
        r.direction === 'incoming' ? (
          <CallReceivedIcon fontSize="small" titleAccess={t('callData.direction.incoming')} />
        ) : (
          <CallMadeIcon fontSize="small" titleAccess={t('callData.direction.outgoing')} />
        ),
    },
  ];

  return (
    <Table size="small" aria-label={t('callData.title')}>
      <TableHead>
        <TableRow>
          {systemNames && <TableCell>{t('callData.columns.system')}</TableCell>}
          {columns.map(({ key, numeric }) => (
            <TableCell key={key} align={numeric ? 'right' : undefined} sortDirection={sort === key ? order : false}>
              <TableSortLabel
                active={sort === key}
                direction={sort === key ? order : 'asc'}
                onClick={() => onSort(key)}
              >
                {t(`callData.columns.${key}`)}
              </TableSortLabel>
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {records.map(record => (
          <TableRow key={record.id}>
            {systemNames && (
              <TableCell style={{ whiteSpace: 'nowrap' }}>{systemNames[record.systemId] ?? record.systemId}</TableCell>
            )}
            {columns.map(({ key, render, numeric, wraps }) => (
              <TableCell
                key={key}
                align={numeric ? 'right' : undefined}
                style={wraps ? undefined : { whiteSpace: 'nowrap' }}
              >
                {render(record)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
