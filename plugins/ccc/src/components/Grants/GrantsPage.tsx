import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccGrant } from '@internal/plugin-ccc-common';
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
import DeleteIcon from '@material-ui/icons/Delete';
import EditIcon from '@material-ui/icons/Edit';
import RefreshIcon from '@material-ui/icons/Refresh';
import Alert from '@material-ui/lab/Alert';
import { useMemo, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { cccApiRef } from '../../api/CccApi';
import { cccTranslationRef } from '../../translation';
import { FilterField } from '../common/FilterField';
import { GrantDialog } from '../Access';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { EntityName } from '../common/EntityName';
import { errorMessage } from '../common/errors';
import { useRoleTexts } from '../common/roles';
import { useDateFormat } from '../common/useDateFormat';
import { filterGrants, grantKey } from './filterGrants';

/**
 * The grants the signed-in user gave (manual: "Berechtigungen"): filter,
 * change the roles of one, revoke several at once.
 */
export function GrantsPage() {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const roles = useRoleTexts();
  const format = useDateFormat();
  const { value: grants, loading, error, retry } = useAsyncRetry(() => api.listMyGrants(), [api]);

  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [revoking, setRevoking] = useState(false);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const [editing, setEditing] = useState<CccGrant | null>(null);
  const [editOpen, setEditOpen] = useState(false);

  const rows = useMemo(() => filterGrants(grants ?? [], filter), [grants, filter]);
  // Only what is shown is revoked: a selection hidden by the filter must not go unseen.
  const selectedRows = rows.filter(row => selected.has(grantKey(row)));

  const toggle = (key: string) =>
    setSelected(prev => {
      const next = new Set(prev);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const toggleAll = () => setSelected(selectedRows.length === rows.length ? new Set() : new Set(rows.map(grantKey)));

  const revokeSelected = async () => {
    setRevoking(true);
    setRevokeError(null);
    try {
      // One request: the backend revokes all or nothing, so a failure leaves a consistent state.
      await api.deleteGrants(selectedRows.map(({ systemId, subjectRef }) => ({ systemId, subjectRef })));
      setSelected(new Set());
      setConfirmOpen(false);
      retry();
    } catch (e) {
      setRevokeError(t('grants.revokeFailed', { message: errorMessage(e) }));
    } finally {
      setRevoking(false);
    }
  };

  let body;
  if (loading && !grants) {
    body = <Progress />;
  } else if (error && !grants) {
    body = <Alert severity="error">{t('grants.loadError', { message: errorMessage(error) })}</Alert>;
  } else if (!grants || grants.length === 0) {
    body = <EmptyState missing="data" title={t('grants.emptyTitle')} description={t('grants.emptyDescription')} />;
  } else {
    body = (
      <>
        <Box display="flex" alignItems="center" flexWrap="wrap" mb={1}>
          <FilterField label={t('grants.filter')} value={filter} onChange={setFilter} style={{ minWidth: 320 }} />
          <Box flexGrow={1} />
          {selectedRows.length > 0 && (
            <>
              <Typography variant="body2" style={{ marginRight: 8 }}>
                {t('grants.selected', { count: selectedRows.length })}
              </Typography>
              <Button
                color="secondary"
                variant="outlined"
                startIcon={<DeleteIcon />}
                onClick={() => {
                  setRevokeError(null);
                  setConfirmOpen(true);
                }}
              >
                {t('grants.revoke')}
              </Button>
            </>
          )}
        </Box>
        <Table size="small" aria-label={t('grants.title')}>
          <TableHead>
            <TableRow>
              <TableCell padding="checkbox">
                <Checkbox
                  checked={rows.length > 0 && selectedRows.length === rows.length}
                  indeterminate={selectedRows.length > 0 && selectedRows.length < rows.length}
                  disabled={rows.length === 0}
                  onChange={toggleAll}
                  inputProps={{ 'aria-label': t('grants.selectAll') }}
                />
              </TableCell>
              <TableCell>{t('grants.columns.system')}</TableCell>
              <TableCell>{t('grants.columns.serialNumber')}</TableCell>
              <TableCell>{t('grants.columns.subject')}</TableCell>
              <TableCell>{t('grants.columns.roles')}</TableCell>
              <TableCell>{t('grants.columns.updatedAt')}</TableCell>
              <TableCell padding="checkbox" aria-label={t('grants.columns.actions')} />
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(grant => {
              const key = grantKey(grant);
              const names = { subject: grant.subjectRef, system: grant.systemName };
              return (
                <TableRow key={key} hover selected={selected.has(key)}>
                  <TableCell padding="checkbox">
                    <Checkbox
                      checked={selected.has(key)}
                      onChange={() => toggle(key)}
                      inputProps={{ 'aria-label': t('grants.select', names) }}
                    />
                  </TableCell>
                  <TableCell component="th" scope="row" role="rowheader">
                    {grant.systemName}
                  </TableCell>
                  <TableCell style={{ fontFamily: 'monospace' }}>{grant.serialNumber}</TableCell>
                  <TableCell>
                    <EntityName entityRef={grant.subjectRef} />
                  </TableCell>
                  <TableCell>{roles.list(grant.roles)}</TableCell>
                  <TableCell>{format.dateTime(grant.updatedAt) ?? t('common.none')}</TableCell>
                  <TableCell padding="checkbox">
                    <IconButton
                      size="small"
                      aria-label={t('grants.editRoles', names)}
                      title={t('grants.editRoles', names)}
                      onClick={() => {
                        setEditing(grant);
                        setEditOpen(true);
                      }}
                    >
                      <EditIcon fontSize="small" />
                    </IconButton>
                  </TableCell>
                </TableRow>
              );
            })}
            {rows.length === 0 && (
              <TableRow>
                <TableCell colSpan={7}>
                  <Typography variant="body2" color="textSecondary">
                    {t('grants.noMatch', { filter })}
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
      title={t('grants.title')}
      action={
        <IconButton aria-label={t('common.refresh')} title={t('common.refresh')} onClick={retry} disabled={loading}>
          <RefreshIcon />
        </IconButton>
      }
    >
      {error && grants && (
        <Alert severity="error" style={{ marginBottom: 8 }}>
          {t('grants.loadError', { message: errorMessage(error) })}
        </Alert>
      )}
      {body}
      {editing && (
        <GrantDialog
          open={editOpen}
          system={{ id: editing.systemId, name: editing.systemName }}
          existing={editing}
          onClose={() => setEditOpen(false)}
          onSaved={() => retry()}
        />
      )}
      <ConfirmDialog
        open={confirmOpen}
        title={t('grants.revokeTitle', { count: selectedRows.length })}
        description={t('grants.revokeDescription')}
        confirmLabel={t('grants.revoke')}
        busyLabel={t('grants.revoking')}
        busy={revoking}
        error={revokeError}
        onCancel={() => setConfirmOpen(false)}
        onConfirm={revokeSelected}
      >
        <ul>
          {selectedRows.map(grant => (
            <li key={grantKey(grant)}>
              {grant.systemName} ({grant.serialNumber}): {grant.subjectRef} – {roles.list(grant.roles)}
            </li>
          ))}
        </ul>
      </ConfirmDialog>
    </InfoCard>
  );
}
