import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  CccSystem,
  cccSystemCreatePermission,
  DEVICE_STATES,
  DeviceState,
  SystemSortColumn,
} from '@internal/plugin-ccc-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import IconButton from '@material-ui/core/IconButton';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import DeleteIcon from '@material-ui/icons/Delete';
import RefreshIcon from '@material-ui/icons/Refresh';
import Alert from '@material-ui/lab/Alert';
import { useCallback, useEffect, useId, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useDebounce from 'react-use/esm/useDebounce';
import { cccApiRef } from '../../api/CccApi';
import { cccTranslationRef } from '../../translation';
import { FilterField } from '../common/FilterField';
import { SortableHeaderCell } from '../common/SortableHeaderCell';
import { errorMessage } from '../common/errors';
import { PAGE_SIZES, TablePager } from '../common/TablePager';
import { useBasicPermission } from '../common/usePermissionWithReason';
import { useDeviceStateLabel } from '../DeviceState/DeviceStateDisplay';
import { WithReason } from '../common/WithReason';
import { EditSystemDialog } from '../EditSystemDialog';
import { BulkRegisterDialog } from '../BulkRegister/BulkRegisterDialog';
import { RegisterSystemDialog } from '../RegisterSystemDialog';
import { DeleteSystemsDialog } from './DeleteSystemsDialog';
import { SystemRow } from './SystemRow';

// Typing waits this long before the backend is asked again.
const FILTER_DEBOUNCE_MS = 300;

interface SortOrder {
  key: SystemSortColumn;
  direction: 'asc' | 'desc';
}

interface DeleteFailure {
  system: CccSystem;
  message: string;
}

/**
 * The systems overview of the CCC page (manual: "Systeme > Übersicht"):
 * name, serial number, first registration and device state of every system
 * the user may see, with filter, sorting, pairing actions, registration,
 * editing and bulk delete. The backend filters, sorts and pages, so a fleet
 * of thousands loads one page at a time.
 */
export function SystemsOverview() {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const stateLabel = useDeviceStateLabel();
  // The label of the state filter needs an id to point at.
  const fieldId = useId();
  const create = useBasicPermission(cccSystemCreatePermission, t('permission.createDenied'));

  const [filter, setFilter] = useState('');
  const [text, setText] = useState('');
  const [state, setState] = useState<DeviceState | ''>('');
  const [order, setOrder] = useState<SortOrder>({ key: 'name', direction: 'asc' });
  const [page, setPage] = useState(0);
  const [rowsPerPage, setRowsPerPage] = useState(PAGE_SIZES[0]);
  useDebounce(
    () => {
      setText(filter.trim());
      setPage(0);
    },
    FILTER_DEBOUNCE_MS,
    [filter],
  );
  const { value, loading, error, retry } = useAsyncRetry(
    () =>
      api.listSystemsPage({
        q: text || undefined,
        state: state || undefined,
        sort: order.key,
        order: order.direction,
        limit: rowsPerPage,
        offset: page * rowsPerPage,
      }),
    [api, text, state, order, page, rowsPerPage],
  );
  const filtered = text !== '' || state !== '';
  // After a delete the page shown may lie behind the last one: show the last page there is.
  useEffect(() => {
    if (value && page > 0 && value.items.length === 0 && value.totalCount > 0) {
      setPage(Math.ceil(value.totalCount / rowsPerPage) - 1);
    }
  }, [value, page, rowsPerPage]);

  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [registerOpen, setRegisterOpen] = useState(false);
  const [bulkOpen, setBulkOpen] = useState(false);
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [deleteFailures, setDeleteFailures] = useState<DeleteFailure[]>([]);
  // The system stays set after closing so the dialog keeps its content while it fades out.
  const [editing, setEditing] = useState<CccSystem | null>(null);
  const [editOpen, setEditOpen] = useState(false);
  // Systems the user may delete, as each row learns from the permission framework.
  const [deletable, setDeletable] = useState<ReadonlySet<string>>(new Set());
  const onDeletable = useCallback(
    (id: string, allowed: boolean) =>
      setDeletable(prev => {
        if (prev.has(id) === allowed) return prev;
        const next = new Set(prev);
        if (allowed) next.add(id);
        else next.delete(id);
        return next;
      }),
    [],
  );

  const rows = value?.items ?? [];
  // Selecting is for deleting, so only systems the user may delete count.
  const selectableRows = rows.filter(row => deletable.has(row.id));
  // Only what is shown can be deleted: a selection on another page or hidden by the filter must not be deleted unseen.
  const selectedRows = selectableRows.filter(row => selected.has(row.id));

  const sortBy = (key: SystemSortColumn) => {
    setOrder(prev => ({ key, direction: prev.key === key && prev.direction === 'asc' ? 'desc' : 'asc' }));
    setPage(0);
  };

  const toggle = (id: string) =>
    setSelected(prev => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const toggleAll = () =>
    setSelected(selectedRows.length === selectableRows.length ? new Set() : new Set(selectableRows.map(row => row.id)));

  const deleteSelected = async () => {
    setDeleting(true);
    // One call per system; the backend decides per system (only its owner may delete it).
    const results = await Promise.allSettled(selectedRows.map(system => api.deleteSystem(system.id)));
    const failures = results.flatMap((result, i) =>
      result.status === 'rejected' ? [{ system: selectedRows[i], message: errorMessage(result.reason) }] : [],
    );
    setDeleteFailures(failures);
    // Keep the failed ones selected so they can be retried or inspected.
    setSelected(new Set(failures.map(f => f.system.id)));
    setDeleting(false);
    setConfirmOpen(false);
    retry();
  };

  const edit = (system: CccSystem) => {
    setEditing(system);
    setEditOpen(true);
  };

  const registerButton = (
    <WithReason reason={create.reason}>
      <Button
        color="primary"
        variant="contained"
        startIcon={<AddIcon />}
        disabled={!create.allowed}
        onClick={() => setRegisterOpen(true)}
      >
        {t('register.button')}
      </Button>
    </WithReason>
  );
  const bulkButton = (
    <WithReason reason={create.reason}>
      <Button variant="outlined" disabled={!create.allowed} onClick={() => setBulkOpen(true)}>
        {t('bulkRegister.button')}
      </Button>
    </WithReason>
  );

  const column = (key: SystemSortColumn, label: string) => (
    <SortableHeaderCell column={key} label={label} sortKey={order.key} direction={order.direction} onSort={sortBy} />
  );

  let body;
  if (loading && !value) {
    body = <Progress />;
  } else if (error || !value) {
    body = <Alert severity="error">{t('systems.loadError', { message: errorMessage(error) })}</Alert>;
  } else if (value.totalCount === 0 && !filtered) {
    body = (
      <EmptyState
        missing="data"
        title={t('systems.emptyTitle')}
        description={t('systems.emptyDescription')}
        action={
          <Box display="flex" style={{ gap: 8 }}>
            {registerButton}
            {bulkButton}
          </Box>
        }
      />
    );
  } else {
    body = (
      <>
        <Box display="flex" alignItems="center" flexWrap="wrap" mb={1}>
          <FilterField label={t('systems.filter')} value={filter} onChange={setFilter} />
          <TextField
            select
            id={`${fieldId}-state`}
            value={state}
            onChange={e => {
              setState(e.target.value as DeviceState | '');
              setPage(0);
            }}
            label={t('systems.stateFilter')}
            SelectProps={{ native: true }}
            InputLabelProps={{ shrink: true }}
            size="small"
            variant="outlined"
            style={{ marginLeft: 8, minWidth: 220 }}
          >
            <option value="">{t('systems.allStates')}</option>
            {DEVICE_STATES.map(s => (
              <option key={s} value={s}>
                {stateLabel(s)}
              </option>
            ))}
          </TextField>
          <Box flexGrow={1} />
          {selectedRows.length > 0 && (
            <>
              <Typography variant="body2" style={{ marginRight: 8 }}>
                {t('systems.selected', { count: selectedRows.length })}
              </Typography>
              <Button
                color="secondary"
                variant="outlined"
                startIcon={<DeleteIcon />}
                onClick={() => setConfirmOpen(true)}
              >
                {t('systems.delete')}
              </Button>
            </>
          )}
        </Box>
        {deleteFailures.length > 0 && (
          <Alert severity="error" onClose={() => setDeleteFailures([])}>
            {t('deleteDialog.failed', { count: deleteFailures.length })}
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {deleteFailures.map(({ system, message }) => (
                <li key={system.id}>{t('systems.actionFailed', { name: system.name, message })}</li>
              ))}
            </ul>
          </Alert>
        )}
        <Table size="small" aria-label={t('systems.title')}>
          <TableHead>
            <TableRow>
              <TableCell padding="checkbox">
                <Checkbox
                  checked={selectableRows.length > 0 && selectedRows.length === selectableRows.length}
                  indeterminate={selectedRows.length > 0 && selectedRows.length < selectableRows.length}
                  disabled={selectableRows.length === 0}
                  onChange={toggleAll}
                  inputProps={{ 'aria-label': t('systems.selectAll') }}
                />
              </TableCell>
              {column('name', t('systems.columns.name'))}
              {column('serialNumber', t('systems.columns.serialNumber'))}
              {column('firstRegisteredAt', t('systems.columns.firstRegistration'))}
              {column('state', t('systems.columns.deviceState'))}
              <TableCell padding="checkbox" aria-label={t('systems.columns.actions')} />
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(system => (
              <SystemRow
                key={system.id}
                system={system}
                selected={selected.has(system.id)}
                onToggle={() => toggle(system.id)}
                onEdit={() => edit(system)}
                onChanged={retry}
                onDeletable={onDeletable}
              />
            ))}
            {rows.length === 0 && (
              <TableRow>
                <TableCell colSpan={6}>
                  <Typography variant="body2" color="textSecondary">
                    {text ? t('systems.noMatch', { filter: text }) : t('systems.noMatchState')}
                  </Typography>
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
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
      title={t('systems.title')}
      action={
        <Box display="flex" alignItems="center">
          <IconButton aria-label={t('common.refresh')} title={t('common.refresh')} onClick={retry} disabled={loading}>
            <RefreshIcon />
          </IconButton>
          {value && (value.totalCount > 0 || filtered) && (
            <Box display="flex" style={{ gap: 8 }}>
              {bulkButton}
              {registerButton}
            </Box>
          )}
        </Box>
      }
    >
      {body}
      {editing && (
        <EditSystemDialog system={editing} open={editOpen} onClose={() => setEditOpen(false)} onSaved={retry} />
      )}
      <RegisterSystemDialog open={registerOpen} onClose={() => setRegisterOpen(false)} onRegistered={retry} />
      <BulkRegisterDialog open={bulkOpen} onClose={() => setBulkOpen(false)} onRegistered={retry} />
      <DeleteSystemsDialog
        systems={selectedRows}
        open={confirmOpen}
        deleting={deleting}
        onCancel={() => setConfirmOpen(false)}
        onConfirm={deleteSelected}
      />
    </InfoCard>
  );
}
