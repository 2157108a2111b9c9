import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import TextField from '@material-ui/core/TextField';
import RefreshIcon from '@material-ui/icons/Refresh';
import Alert from '@material-ui/lab/Alert';
import { Fragment, ReactNode, useId, useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { cccApiRef } from '../../api/CccApi';
import { FleetStatusPage, FleetStatusQuery } from '../../api/monitoringTypes';
import { cccTranslationRef } from '../../translation';
import { errorMessage } from '../common/errors';
import { PAGE_SIZES, TablePager } from '../common/TablePager';
import { SystemLabel } from '../Registration';

/** A group of states in the state filter (e.g. the STUN states of an account). */
export interface StateOptionGroup {
  /** Shown as an option group; without it the options stand alone. */
  label?: string;
  options: Array<{ value: string; label: string }>;
}

/**
 * A fleet view over the last known state of every system the user sees:
 * filter by system and state, paged by the backend (a fleet has far more
 * phones than a page should hold).
 */
export function FleetStatusView<T>({
  title,
  emptyTitle,
  load,
  stateGroups,
  renderTable,
}: {
  title: string;
  emptyTitle: string;
  /** Loads a page; must keep its identity between renders (`useCallback`), it is a dependency of the query. */
  load(query: FleetStatusQuery): Promise<FleetStatusPage<T>>;
  stateGroups: StateOptionGroup[];
  renderTable(items: T[], systems: ReadonlyMap<string, SystemLabel>, emptyText: string): ReactNode;
}) {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  // The labels of the selects need ids to point at.
  const id = useId();
  const [systemId, setSystemId] = useState('');
  const [state, setState] = useState('');
  const [page, setPage] = useState(0);
  const [rowsPerPage, setRowsPerPage] = useState(PAGE_SIZES[0]);

  // The rows carry system ids only; names come from the systems the user sees.
  const { value: systems } = useAsync(() => api.listSystems(), [api]);
  const systemLabels = useMemo(
    () => new Map((systems ?? []).map(s => [s.id, { name: s.name, serialNumber: s.serialNumber }])),
    [systems],
  );
  const sortedSystems = useMemo(() => [...(systems ?? [])].sort((a, b) => a.name.localeCompare(b.name)), [systems]);

  const { value, loading, error, retry } = useAsyncRetry(
    () =>
      load({
        systemId: systemId || undefined,
        state: state || undefined,
        limit: rowsPerPage,
        offset: page * rowsPerPage,
      }),
    [load, systemId, state, page, rowsPerPage],
  );

  // A new filter shows its first page; the old page number may not exist any more.
  const filterBy = (set: (v: string) => void) => (event: { target: { value: string } }) => {
    set(event.target.value);
    setPage(0);
  };
  const filtered = systemId !== '' || state !== '';

  let body;
  if (loading && !value) {
    body = <Progress />;
  } else if (error || !value) {
    body = <Alert severity="error">{t('fleetStatus.loadError', { message: errorMessage(error) })}</Alert>;
  } else if (value.totalCount === 0 && !filtered) {
    body = <EmptyState missing="data" title={emptyTitle} description={t('fleetStatus.emptyDescription')} />;
  } else {
    body = (
      <>
        {renderTable(value.items, systemLabels, t('fleetStatus.noMatch'))}
        <TablePager
          count={value.totalCount}
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
      title={title}
      subheader={t('fleetStatus.description')}
      action={
        <IconButton aria-label={t('common.refresh')} title={t('common.refresh')} onClick={retry} disabled={loading}>
          <RefreshIcon />
        </IconButton>
      }
    >
      <Box display="flex" flexWrap="wrap" mb={1} style={{ gap: 16 }}>
        <TextField
          select
          id={`${id}-system`}
          label={t('fleetStatus.system')}
          value={systemId}
          onChange={filterBy(setSystemId)}
          SelectProps={{ native: true }}
          size="small"
          variant="outlined"
          InputLabelProps={{ shrink: true }}
        >
          <option value="">{t('fleetStatus.allSystems')}</option>
          {sortedSystems.map(s => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </TextField>
        <TextField
          select
          id={`${id}-state`}
          label={t('fleetStatus.state')}
          value={state}
          onChange={filterBy(setState)}
          SelectProps={{ native: true }}
          size="small"
          variant="outlined"
          InputLabelProps={{ shrink: true }}
        >
          <option value="">{t('fleetStatus.allStates')}</option>
          {stateGroups.map((group, g) => {
            const options = group.options.map(o => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ));
            return group.label ? (
              <optgroup key={group.label} label={group.label}>
                {options}
              </optgroup>
            ) : (
              <Fragment key={g}>{options}</Fragment>
            );
          })}
        </TextField>
      </Box>
      {body}
    </InfoCard>
  );
}
