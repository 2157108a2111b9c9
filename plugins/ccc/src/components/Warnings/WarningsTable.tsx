import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccWarningSeverity, WARNING_SEVERITIES } from '@internal/plugin-ccc-common';
import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import RefreshIcon from '@material-ui/icons/Refresh';
import Alert from '@material-ui/lab/Alert';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useDebounce from 'react-use/esm/useDebounce';
import { cccApiRef } from '../../api/CccApi';
import { WarningSortKey } from '../../api/smtpTypes';
import { cccTranslationRef } from '../../translation';
import { FilterField } from '../common/FilterField';
import { SortableHeaderCell } from '../common/SortableHeaderCell';
import { errorMessage } from '../common/errors';
import { PAGE_SIZES, TablePager } from '../common/TablePager';
import { useDateFormat } from '../common/useDateFormat';
import { SeverityIcon } from './SeverityIcon';
import { SeverityLabel, useSeverityText } from './SeverityLabel';

// A new column starts where one usually looks first: newest, most severe, alphabetical.
const FIRST_DIRECTION: Record<WarningSortKey, 'asc' | 'desc'> = { ts: 'desc', severity: 'desc', text: 'asc' };
const TEXT_DEBOUNCE_MS = 300;

/**
 * A system's warnings (manual: "Warnungen"), filtered, sorted and paged by
 * the backend, since a busy system collects thousands: severity classes to
 * show, a free text, sorting by time, severity or text, and when each went
 * out by mail.
 */
export function WarningsTable({ systemId }: { systemId: string }) {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const format = useDateFormat();
  const severityText = useSeverityText();

  const [severities, setSeverities] = useState<CccWarningSeverity[]>([]);
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [sort, setSort] = useState<{ key: WarningSortKey; order: 'asc' | 'desc' }>({ key: 'ts', order: 'desc' });
  const [page, setPage] = useState(0);
  const [rowsPerPage, setRowsPerPage] = useState(PAGE_SIZES[1]);

  // Typing asks the backend once the user pauses, not on every key.
  const trimmed = text.trim();
  useDebounce(
    () => {
      if (trimmed === q) return;
      setQ(trimmed);
      setPage(0);
    },
    TEXT_DEBOUNCE_MS,
    [trimmed],
  );

  const { value, loading, error, retry } = useAsyncRetry(
    () =>
      api.listWarnings(systemId, {
        severities,
        q: q || undefined,
        sort: sort.key,
        order: sort.order,
        limit: rowsPerPage,
        offset: page * rowsPerPage,
      }),
    [api, systemId, severities, q, sort, page, rowsPerPage],
  );
  const filtered = severities.length > 0 || q !== '';

  const sortBy = (key: WarningSortKey) => {
    setSort(prev => {
      if (prev.key !== key) return { key, order: FIRST_DIRECTION[key] };
      return { key, order: prev.order === 'asc' ? 'desc' : 'asc' };
    });
    setPage(0);
  };

  const column = (key: WarningSortKey, label: string) => (
    <SortableHeaderCell
      column={key}
      label={label}
      sortKey={sort.key}
      direction={sort.order}
      onSort={sortBy}
      firstDirection={FIRST_DIRECTION[key]}
    />
  );

  let body;
  if (loading && !value) {
    body = <Progress />;
  } else if (error && !value) {
    body = <Alert severity="error">{t('warnings.loadError', { message: errorMessage(error) })}</Alert>;
  } else {
    const items = value?.items ?? [];
    body = (
      <>
        <Table size="small" aria-label={t('warnings.title')}>
          <TableHead>
            <TableRow>
              {column('ts', t('warnings.columns.time'))}
              {column('severity', t('warnings.columns.severity'))}
              <TableCell>{t('warnings.columns.category')}</TableCell>
              {column('text', t('warnings.columns.text'))}
              <TableCell>{t('warnings.columns.mailedAt')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map(warning => (
              <TableRow key={warning.id} hover>
                <TableCell style={{ whiteSpace: 'nowrap' }}>{format.dateTime(warning.ts) ?? warning.ts}</TableCell>
                <TableCell>
                  <SeverityLabel severity={warning.severity} />
                </TableCell>
                <TableCell>{warning.category}</TableCell>
                <TableCell component="th" scope="row" role="rowheader" style={{ fontWeight: 'normal' }}>
                  {warning.text}
                </TableCell>
                <TableCell style={{ whiteSpace: 'nowrap' }}>
                  {format.dateTime(warning.mailedAt) ?? (
                    <Typography variant="body2" color="textSecondary" component="span">
                      {t('warnings.notMailed')}
                    </Typography>
                  )}
                </TableCell>
              </TableRow>
            ))}
            {items.length === 0 && (
              <TableRow>
                <TableCell colSpan={5}>
                  <Typography variant="body2" color="textSecondary">
                    {filtered ? t('warnings.noMatch') : t('warnings.empty')}
                  </Typography>
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
        <TablePager
          count={value?.totalCount ?? 0}
          page={page}
          rowsPerPage={rowsPerPage}
          onPageChange={setPage}
          onRowsPerPageChange={setRowsPerPage}
        />
      </>
    );
  }

  return (
    <InfoCard
      title={t('warnings.title')}
      subheader={t('warnings.description')}
      action={
        <IconButton aria-label={t('common.refresh')} title={t('common.refresh')} onClick={retry} disabled={loading}>
          <RefreshIcon />
        </IconButton>
      }
    >
      <Box display="flex" alignItems="center" flexWrap="wrap" mb={1} style={{ gap: 8 }}>
        <FilterField label={t('warnings.filter')} value={text} onChange={setText} style={{ minWidth: 280 }} />
        <ToggleButtonGroup
          size="small"
          value={severities}
          onChange={(_event, next: CccWarningSeverity[]) => {
            // Sent in the classes' own order, so the same choice always makes the same request.
            setSeverities(WARNING_SEVERITIES.filter(s => next.includes(s)));
            setPage(0);
          }}
          aria-label={t('warnings.severityFilter')}
          title={t('warnings.severityFilterHint')}
        >
          {WARNING_SEVERITIES.map(severity => (
            <ToggleButton key={severity} value={severity} style={{ textTransform: 'none', gap: 4 }}>
              <SeverityIcon severity={severity} />
              {severityText(severity)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Box>
      {error && value && (
        <Alert severity="error" style={{ marginBottom: 8 }}>
          {t('warnings.loadError', { message: errorMessage(error) })}
        </Alert>
      )}
      {body}
    </InfoCard>
  );
}
