import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccUserGroup } from '@internal/plugin-ccc-common';
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
import PeopleIcon from '@material-ui/icons/People';
import RefreshIcon from '@material-ui/icons/Refresh';
import Alert from '@material-ui/lab/Alert';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { useMemo, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { cccApiRef } from '../../api/CccApi';
import { cccTranslationRef } from '../../translation';
import { FilterField } from '../common/FilterField';
import { SortableHeaderCell } from '../common/SortableHeaderCell';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { EntityName } from '../common/EntityName';
import { errorMessage } from '../common/errors';
import { useRoleTexts } from '../common/roles';
import { useCurrentUserRef } from '../common/useCurrentUserRef';
import { useDateFormat } from '../common/useDateFormat';
import { WithReason } from '../common/WithReason';
import { filterGroups, GroupOrder, GroupSortKey, GroupView, sortGroups } from './sortGroups';
import { UserGroupDetailsDialog } from './UserGroupDetailsDialog';
import { UserGroupFormDialog } from './UserGroupFormDialog';

/**
 * The CCC user groups (manual: "Benutzergruppen"): every group of the
 * company with filter, views (all, mine, owned) and sorting; joining and
 * leaving; creating, editing and deleting (also several at once) the groups
 * the user owns; members and systems in a dialog.
 */
export function UserGroupsPage() {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const roles = useRoleTexts();
  const format = useDateFormat();
  const userRef = useCurrentUserRef();
  const { value: groups, loading, error, retry } = useAsyncRetry(() => api.listUserGroups(), [api]);

  const [filter, setFilter] = useState('');
  const [view, setView] = useState<GroupView>('all');
  const [order, setOrder] = useState<GroupOrder>({ key: 'name', direction: 'asc' });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [actionError, setActionError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [editing, setEditing] = useState<CccUserGroup | undefined>();
  const [showing, setShowing] = useState<CccUserGroup | null>(null);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const [leaving, setLeaving] = useState<CccUserGroup | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [dialogError, setDialogError] = useState<string | null>(null);

  const rows = useMemo(
    () => sortGroups(filterGroups(groups ?? [], { filter, view, userRef }), order),
    [groups, filter, view, userRef, order],
  );
  const owns = (group: CccUserGroup) => !!userRef && group.ownerRef === userRef;
  const ownedRows = rows.filter(owns);
  // Only shown groups the user owns can be deleted; a hidden selection must not be deleted unseen.
  const selectedRows = ownedRows.filter(group => selected.has(group.id));

  const sortBy = (key: GroupSortKey) =>
    setOrder(prev => ({ key, direction: prev.key === key && prev.direction === 'asc' ? 'desc' : 'asc' }));
  const toggle = (id: string) =>
    setSelected(prev => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const toggleAll = () =>
    setSelected(selectedRows.length === ownedRows.length ? new Set() : new Set(ownedRows.map(g => g.id)));

  /** Runs a row action (join, leave) and reloads; a refusal names the group. */
  const rowAction = async (group: CccUserGroup, action: () => Promise<unknown>) => {
    setBusyId(group.id);
    setActionError(null);
    try {
      await action();
      retry();
      return true;
    } catch (e) {
      setActionError(t('groups.actionFailed', { name: group.name, message: errorMessage(e) }));
      return false;
    } finally {
      setBusyId(null);
    }
  };

  const leave = async () => {
    if (!leaving) return;
    const group = leaving;
    setLeaving(null);
    await rowAction(group, () => api.leaveUserGroup(group.id));
  };

  const deleteSelected = async () => {
    setDeleting(true);
    setDialogError(null);
    try {
      // One request: the backend deletes all or nothing.
      await api.deleteUserGroups(selectedRows.map(g => g.id));
      setSelected(new Set());
      setConfirmDelete(false);
      retry();
    } catch (e) {
      setDialogError(t('groups.deleteFailed', { message: errorMessage(e) }));
    } finally {
      setDeleting(false);
    }
  };

  const openForm = (group?: CccUserGroup) => {
    setEditing(group);
    setFormOpen(true);
  };

  const createButton = (
    <Button color="primary" variant="contained" startIcon={<AddIcon />} onClick={() => openForm()}>
      {t('groups.create')}
    </Button>
  );

  const column = (key: GroupSortKey, label: string) => (
    <SortableHeaderCell column={key} label={label} sortKey={order.key} direction={order.direction} onSort={sortBy} />
  );

  let body;
  if (loading && !groups) {
    body = <Progress />;
  } else if (error && !groups) {
    body = <Alert severity="error">{t('groups.loadError', { message: errorMessage(error) })}</Alert>;
  } else if (!groups || groups.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title={t('groups.emptyTitle')}
        description={t('groups.emptyDescription')}
        action={createButton}
      />
    );
  } else {
    body = (
      <>
        <Box display="flex" alignItems="center" flexWrap="wrap" mb={1} style={{ gap: 8 }}>
          <FilterField label={t('groups.filter')} value={filter} onChange={setFilter} style={{ minWidth: 280 }} />
          <ToggleButtonGroup
            exclusive
            size="small"
            value={view}
            onChange={(_event, next: GroupView | null) => next && setView(next)}
            aria-label={t('groups.view.label')}
          >
            <ToggleButton value="all">{t('groups.view.all')}</ToggleButton>
            <ToggleButton value="member">{t('groups.view.member')}</ToggleButton>
            <ToggleButton value="owned">{t('groups.view.owned')}</ToggleButton>
          </ToggleButtonGroup>
          <Box flexGrow={1} />
          {selectedRows.length > 0 && (
            <>
              <Typography variant="body2">{t('groups.selected', { count: selectedRows.length })}</Typography>
              <Button
                color="secondary"
                variant="outlined"
                startIcon={<DeleteIcon />}
                onClick={() => {
                  setDialogError(null);
                  setConfirmDelete(true);
                }}
              >
                {t('groups.delete')}
              </Button>
            </>
          )}
        </Box>
        <Table size="small" aria-label={t('groups.title')}>
          <TableHead>
            <TableRow>
              <TableCell padding="checkbox">
                <Checkbox
                  checked={ownedRows.length > 0 && selectedRows.length === ownedRows.length}
                  indeterminate={selectedRows.length > 0 && selectedRows.length < ownedRows.length}
                  disabled={ownedRows.length === 0}
                  onChange={toggleAll}
                  inputProps={{ 'aria-label': t('groups.selectAll') }}
                />
              </TableCell>
              {column('name', t('groups.columns.name'))}
              <TableCell>{t('groups.columns.description')}</TableCell>
              {column('defaultRole', t('groups.columns.defaultRole'))}
              {column('ownerRef', t('groups.columns.owner'))}
              {column('memberCount', t('groups.columns.members'))}
              {column('systemCount', t('groups.columns.systems'))}
              {column('visibility', t('groups.columns.visibility'))}
              {column('createdAt', t('groups.columns.createdAt'))}
              <TableCell aria-label={t('groups.columns.actions')} />
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(group => {
              const mine = owns(group);
              const busy = busyId === group.id;
              return (
                <TableRow key={group.id} hover selected={selected.has(group.id)}>
                  <TableCell padding="checkbox">
                    <WithReason reason={mine ? undefined : t('groups.ownerOnly')}>
                      <Checkbox
                        checked={selected.has(group.id)}
                        disabled={!mine}
                        onChange={() => toggle(group.id)}
                        inputProps={{ 'aria-label': t('groups.select', { name: group.name }) }}
                      />
                    </WithReason>
                  </TableCell>
                  <TableCell component="th" scope="row" role="rowheader">
                    {group.name}
                  </TableCell>
                  <TableCell style={{ maxWidth: 320 }}>{group.description || t('common.none')}</TableCell>
                  <TableCell>{roles.label(group.defaultRole)}</TableCell>
                  <TableCell>
                    <EntityName entityRef={group.ownerRef} /> {mine && t('common.you')}
                  </TableCell>
                  <TableCell align="right">{group.memberCount}</TableCell>
                  <TableCell align="right">{group.systemCount}</TableCell>
                  <TableCell>{t(`groups.visibility.${group.visibility}`)}</TableCell>
                  <TableCell>{format.date(group.createdAt) ?? t('common.none')}</TableCell>
                  <TableCell style={{ whiteSpace: 'nowrap' }}>
                    {group.visibility === 'public' && !group.member && (
                      <Button
                        size="small"
                        color="primary"
                        disabled={busy}
                        title={t('groups.joinHint', { name: group.name, role: roles.label(group.defaultRole) })}
                        onClick={() => rowAction(group, () => api.joinUserGroup(group.id))}
                      >
                        {t('groups.join')}
                      </Button>
                    )}
                    {group.member && (
                      <Button
                        size="small"
                        disabled={busy}
                        title={t('groups.leaveHint', { name: group.name })}
                        onClick={() => setLeaving(group)}
                      >
                        {t('groups.leave')}
                      </Button>
                    )}
                    {(group.member || mine) && (
                      <IconButton
                        size="small"
                        aria-label={t('groups.details', { name: group.name })}
                        title={t('groups.details', { name: group.name })}
                        onClick={() => {
                          setShowing(group);
                          setDetailsOpen(true);
                        }}
                      >
                        <PeopleIcon fontSize="small" />
                      </IconButton>
                    )}
                    {mine && (
                      <IconButton
                        size="small"
                        aria-label={t('groups.edit', { name: group.name })}
                        title={t('groups.edit', { name: group.name })}
                        onClick={() => openForm(group)}
                      >
                        <EditIcon fontSize="small" />
                      </IconButton>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
            {rows.length === 0 && (
              <TableRow>
                <TableCell colSpan={10}>
                  <Typography variant="body2" color="textSecondary">
                    {t('groups.noMatch')}
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
      title={t('groups.title')}
      action={
        <Box display="flex" alignItems="center">
          <IconButton aria-label={t('common.refresh')} title={t('common.refresh')} onClick={retry} disabled={loading}>
            <RefreshIcon />
          </IconButton>
          {groups && groups.length > 0 && createButton}
        </Box>
      }
    >
      {error && groups && (
        <Alert severity="error" style={{ marginBottom: 8 }}>
          {t('groups.loadError', { message: errorMessage(error) })}
        </Alert>
      )}
      {actionError && (
        <Alert severity="error" style={{ marginBottom: 8 }} onClose={() => setActionError(null)}>
          {actionError}
        </Alert>
      )}
      {body}
      <UserGroupFormDialog open={formOpen} group={editing} onClose={() => setFormOpen(false)} onSaved={() => retry()} />
      {showing && (
        <UserGroupDetailsDialog
          group={showing}
          open={detailsOpen}
          isOwner={owns(showing)}
          onClose={() => setDetailsOpen(false)}
          onChanged={retry}
        />
      )}
      <ConfirmDialog
        open={leaving !== null}
        title={t('groups.leaveTitle', { name: leaving?.name ?? '' })}
        description={t('groups.leaveDescription')}
        confirmLabel={t('groups.leave')}
        busyLabel={t('groups.leave')}
        busy={false}
        onCancel={() => setLeaving(null)}
        onConfirm={leave}
      />
      <ConfirmDialog
        open={confirmDelete}
        title={t('groups.deleteTitle', { count: selectedRows.length })}
        description={t('groups.deleteDescription')}
        confirmLabel={t('groups.delete')}
        busyLabel={t('groups.deleting')}
        busy={deleting}
        error={dialogError}
        onCancel={() => setConfirmDelete(false)}
        onConfirm={deleteSelected}
      >
        <ul>
          {selectedRows.map(group => (
            <li key={group.id}>{group.name}</li>
          ))}
        </ul>
      </ConfirmDialog>
    </InfoCard>
  );
}
