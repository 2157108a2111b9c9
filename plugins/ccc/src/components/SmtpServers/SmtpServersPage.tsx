import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccSmtpServer, cccSmtpManagePermission } from '@internal/plugin-ccc-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import IconButton from '@material-ui/core/IconButton';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import DeleteIcon from '@material-ui/icons/Delete';
import EditIcon from '@material-ui/icons/Edit';
import RefreshIcon from '@material-ui/icons/Refresh';
import SendIcon from '@material-ui/icons/Send';
import Alert from '@material-ui/lab/Alert';
import { useMemo, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { cccApiRef } from '../../api/CccApi';
import { cccTranslationRef } from '../../translation';
import { FilterField } from '../common/FilterField';
import { SortableHeaderCell } from '../common/SortableHeaderCell';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { errorMessage } from '../common/errors';
import { useBasicPermission } from '../common/usePermissionWithReason';
import { WithReason } from '../common/WithReason';
import { SmtpCheckOutcome, SmtpCheckResultAlert } from './SmtpCheckResultAlert';
import { SmtpServerFormDialog } from './SmtpServerFormDialog';
import { filterSmtpServers, SmtpOrder, SmtpSortKey, sortSmtpServers } from './sortSmtpServers';

const COLUMN_COUNT = 12;

/**
 * The company's outgoing mail servers (manual: "Administration > SMTP"), for
 * fleet administrators: filter and sort, add and edit, delete one or several
 * (the backend refuses while systems depend on a server and says why), the
 * number of systems using each, and "Check", which sends a real test mail.
 */
export function SmtpServersPage() {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const manage = useBasicPermission(cccSmtpManagePermission, t('smtp.manageDenied'));
  const { value: list, loading, error, retry } = useAsyncRetry(() => api.listSmtpServers(), [api]);
  // Without the right the backend sends names only; those belong to the system tab, not here.
  const servers = list?.details ? list.items : undefined;

  const [filter, setFilter] = useState('');
  const [order, setOrder] = useState<SmtpOrder>({ key: 'name', direction: 'asc' });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [formOpen, setFormOpen] = useState(false);
  const [editing, setEditing] = useState<CccSmtpServer | undefined>();
  const [deleting, setDeleting] = useState<CccSmtpServer[] | null>(null);
  const [deleteBusy, setDeleteBusy] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [checkingId, setCheckingId] = useState<string | null>(null);
  const [checkOutcome, setCheckOutcome] = useState<SmtpCheckOutcome | null>(null);

  const rows = useMemo(
    () => sortSmtpServers(filterSmtpServers(servers ?? [], filter), order),
    [servers, filter, order],
  );
  // Only what is shown is deleted: a selection hidden by the filter must not go unseen.
  const selectedRows = rows.filter(row => selected.has(row.id));

  const sortBy = (key: SmtpSortKey) =>
    setOrder(prev => ({ key, direction: prev.key === key && prev.direction === 'asc' ? 'desc' : 'asc' }));
  const toggle = (id: string) =>
    setSelected(prev => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const toggleAll = () => setSelected(selectedRows.length === rows.length ? new Set() : new Set(rows.map(r => r.id)));

  const openForm = (server?: CccSmtpServer) => {
    setEditing(server);
    setFormOpen(true);
  };
  const askDelete = (targets: CccSmtpServer[]) => {
    setDeleteError(null);
    setDeleting(targets);
  };

  const deleteServers = async () => {
    if (!deleting) return;
    setDeleteBusy(true);
    setDeleteError(null);
    try {
      // Several at once in one request: the backend deletes all or nothing.
      if (deleting.length === 1) await api.deleteSmtpServer(deleting[0].id);
      else await api.deleteSmtpServers(deleting.map(s => s.id));
      setSelected(prev => new Set([...prev].filter(id => !deleting.some(s => s.id === id))));
      setDeleting(null);
      retry();
    } catch (e) {
      setDeleteError(t('smtp.deleteFailed', { message: errorMessage(e) }));
    } finally {
      setDeleteBusy(false);
    }
  };

  const check = async (server: CccSmtpServer) => {
    setCheckingId(server.id);
    setCheckOutcome(null);
    try {
      setCheckOutcome({ name: server.name, result: await api.checkSmtpServer(server.id) });
    } catch (e) {
      setCheckOutcome({ name: server.name, error: errorMessage(e) });
    } finally {
      setCheckingId(null);
    }
  };

  const createButton = (
    <WithReason reason={manage.reason}>
      <Button
        color="primary"
        variant="contained"
        startIcon={<AddIcon />}
        disabled={!manage.allowed}
        onClick={() => openForm()}
      >
        {t('smtp.create')}
      </Button>
    </WithReason>
  );

  const column = (key: SmtpSortKey, label: string, align?: 'right') => (
    <SortableHeaderCell column={key} label={label} sortKey={order.key} direction={order.direction} onSort={sortBy} align={align} />
  );

  let body;
  if (loading && !list) {
    body = <Progress />;
  } else if (error && !list) {
    body = <Alert severity="error">{t('smtp.loadError', { message: errorMessage(error) })}</Alert>;
  } else if (!servers) {
    body = <Alert severity="info">{t('smtp.manageDenied')}</Alert>;
  } else if (servers.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title={t('smtp.emptyTitle')}
        description={t('smtp.emptyDescription')}
        action={createButton}
      />
    );
  } else {
    body = (
      <>
        <Box display="flex" alignItems="center" flexWrap="wrap" mb={1} style={{ gap: 8 }}>
          <FilterField label={t('smtp.filter')} value={filter} onChange={setFilter} style={{ minWidth: 360 }} />
          <Box flexGrow={1} />
          {selectedRows.length > 0 && (
            <>
              <Typography variant="body2">{t('smtp.selected', { count: selectedRows.length })}</Typography>
              <Button
                color="secondary"
                variant="outlined"
                startIcon={<DeleteIcon />}
                disabled={!manage.allowed}
                onClick={() => askDelete(selectedRows)}
              >
                {t('smtp.delete')}
              </Button>
            </>
          )}
        </Box>
        <Table size="small" aria-label={t('smtp.title')}>
          <TableHead>
            <TableRow>
              <TableCell padding="checkbox">
                <Checkbox
                  checked={rows.length > 0 && selectedRows.length === rows.length}
                  indeterminate={selectedRows.length > 0 && selectedRows.length < rows.length}
                  disabled={rows.length === 0 || !manage.allowed}
                  onChange={toggleAll}
                  inputProps={{ 'aria-label': t('smtp.selectAll') }}
                />
              </TableCell>
              {column('name', t('smtp.columns.name'))}
              {column('host', t('smtp.columns.host'))}
              {column('port', t('smtp.columns.port'), 'right')}
              <TableCell>{t('smtp.columns.username')}</TableCell>
              <TableCell>{t('smtp.columns.password')}</TableCell>
              {column('sender', t('smtp.columns.sender'))}
              {column('recipient', t('smtp.columns.recipient'))}
              <TableCell>{t('smtp.columns.tls')}</TableCell>
              {column('isDefault', t('smtp.columns.isDefault'))}
              {column('systemCount', t('smtp.columns.systems'), 'right')}
              <TableCell aria-label={t('smtp.columns.actions')} />
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(server => {
              const names = { name: server.name };
              const busy = checkingId === server.id;
              return (
                <TableRow key={server.id} hover selected={selected.has(server.id)}>
                  <TableCell padding="checkbox">
                    <Checkbox
                      checked={selected.has(server.id)}
                      disabled={!manage.allowed}
                      onChange={() => toggle(server.id)}
                      inputProps={{ 'aria-label': t('smtp.select', names) }}
                    />
                  </TableCell>
                  <TableCell component="th" scope="row" role="rowheader">
                    {server.name}
                  </TableCell>
                  <TableCell style={{ fontFamily: 'monospace' }}>{server.host}</TableCell>
                  <TableCell align="right">{server.port}</TableCell>
                  <TableCell>{server.username ?? t('common.none')}</TableCell>
                  <TableCell>{server.passwordSet ? t('smtp.passwordSet') : t('smtp.passwordNotSet')}</TableCell>
                  <TableCell>{server.sender}</TableCell>
                  <TableCell>{server.recipient}</TableCell>
                  <TableCell>{server.noTls ? t('smtp.tlsNotUsed') : t('smtp.tlsUsed')}</TableCell>
                  <TableCell>{server.isDefault ? t('smtp.isDefault') : t('common.none')}</TableCell>
                  <TableCell align="right" title={t('smtp.systemsHint')}>
                    {server.systemCount}
                  </TableCell>
                  <TableCell style={{ whiteSpace: 'nowrap' }}>
                    <WithReason reason={manage.reason}>
                      <Button
                        size="small"
                        startIcon={<SendIcon fontSize="small" />}
                        disabled={!manage.allowed || busy}
                        title={t('smtp.checkHint', { name: server.name, recipient: server.recipient })}
                        onClick={() => check(server)}
                      >
                        {busy ? t('smtp.checking') : t('smtp.check')}
                      </Button>
                    </WithReason>
                    <WithReason reason={manage.reason}>
                      <IconButton
                        size="small"
                        aria-label={t('smtp.edit', names)}
                        title={t('smtp.edit', names)}
                        disabled={!manage.allowed}
                        onClick={() => openForm(server)}
                      >
                        <EditIcon fontSize="small" />
                      </IconButton>
                    </WithReason>
                    <WithReason reason={manage.reason}>
                      <IconButton
                        size="small"
                        aria-label={t('smtp.remove', names)}
                        title={t('smtp.remove', names)}
                        disabled={!manage.allowed}
                        onClick={() => askDelete([server])}
                      >
                        <DeleteIcon fontSize="small" />
                      </IconButton>
                    </WithReason>
                  </TableCell>
                </TableRow>
              );
            })}
            {rows.length === 0 && (
              <TableRow>
                <TableCell colSpan={COLUMN_COUNT}>
                  <Typography variant="body2" color="textSecondary">
                    {t('smtp.noMatch', { filter })}
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
      title={t('smtp.title')}
      subheader={t('smtp.subheader')}
      action={
        <Box display="flex" alignItems="center">
          <IconButton aria-label={t('common.refresh')} title={t('common.refresh')} onClick={retry} disabled={loading}>
            <RefreshIcon />
          </IconButton>
          {servers && servers.length > 0 && createButton}
        </Box>
      }
    >
      {error && list && (
        <Alert severity="error" style={{ marginBottom: 8 }}>
          {t('smtp.loadError', { message: errorMessage(error) })}
        </Alert>
      )}
      {checkOutcome && <SmtpCheckResultAlert outcome={checkOutcome} onClose={() => setCheckOutcome(null)} />}
      {body}
      <SmtpServerFormDialog
        open={formOpen}
        server={editing}
        onClose={() => setFormOpen(false)}
        onSaved={() => retry()}
      />
      <ConfirmDialog
        open={deleting !== null}
        title={t('smtp.deleteTitle', { count: deleting?.length ?? 0 })}
        description={t('smtp.deleteDescription')}
        confirmLabel={t('smtp.delete')}
        busyLabel={t('smtp.deleting')}
        busy={deleteBusy}
        error={deleteError}
        onCancel={() => setDeleting(null)}
        onConfirm={deleteServers}
      >
        <ul>
          {deleting?.map(server => (
            <li key={server.id}>
              {server.name} ({server.host}:{server.port})
            </li>
          ))}
        </ul>
      </ConfirmDialog>
    </InfoCard>
  );
}
