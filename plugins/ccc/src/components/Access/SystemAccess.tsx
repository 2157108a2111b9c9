import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  CccSystem,
  cccSystemAuditReadPermission,
  cccSystemGrantsManagePermission,
  cccSystemTransferPermission,
  GrantableRole,
} from '@internal/plugin-ccc-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import PersonAddIcon from '@material-ui/icons/PersonAdd';
import RefreshIcon from '@material-ui/icons/Refresh';
import SwapHorizIcon from '@material-ui/icons/SwapHoriz';
import Alert from '@material-ui/lab/Alert';
import { useCallback, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { AuditPage, cccApiRef } from '../../api/CccApi';
import { cccTranslationRef } from '../../translation';
import { AuditTrail } from '../AuditTrail';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { errorMessage } from '../common/errors';
import { useRoleTexts } from '../common/roles';
import { WithReason } from '../common/WithReason';
import { AccessEntriesTable } from './AccessEntriesTable';
import { GrantDialog } from './GrantDialog';
import { RolePermissionsTable } from './RolePermissionsTable';
import { TransferOwnershipDialog } from './TransferOwnershipDialog';

/**
 * The access view of one system: who holds which role and through what,
 * granting, revoking and handing the system on, the role → permission table
 * and the system's audit trail. What the user may do comes from the access
 * endpoint's `me.permissions`, the backend's own decision for this system.
 */
export function SystemAccess({ system, onSystemChanged }: { system: CccSystem; onSystemChanged: () => void }) {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const roles = useRoleTexts();
  const { value: access, loading, error, retry } = useAsyncRetry(() => api.getAccess(system.id), [api, system.id]);

  const [grantOpen, setGrantOpen] = useState(false);
  // Kept in state so the dialog gets the same object while it is open.
  const [editing, setEditing] = useState<{ subjectRef: string; roles: GrantableRole[] } | undefined>();
  const [revoking, setRevoking] = useState<string | null>(null);
  const [revokeBusy, setRevokeBusy] = useState(false);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const [transferOpen, setTransferOpen] = useState(false);

  const loadAudit = useCallback((page: AuditPage) => api.listSystemAudit(system.id, page), [api, system.id]);

  if (loading && !access) return <Progress />;
  if (!access) {
    return <Alert severity="error">{t('access.loadError', { message: errorMessage(error) })}</Alert>;
  }

  const may = (name: string) => access.me.permissions.includes(name);
  const manageReason = may(cccSystemGrantsManagePermission.name)
    ? undefined
    : roles.needsRole(cccSystemGrantsManagePermission.name);
  const transferReason = may(cccSystemTransferPermission.name)
    ? undefined
    : roles.needsRole(cccSystemTransferPermission.name);

  const revoke = async () => {
    if (!revoking) return;
    setRevokeBusy(true);
    setRevokeError(null);
    try {
      await api.revokeGrant(system.id, revoking);
      setRevoking(null);
      retry();
    } catch (e) {
      setRevokeError(t('access.revokeFailed', { message: errorMessage(e) }));
    } finally {
      setRevokeBusy(false);
    }
  };

  const openGrant = (existing?: { subjectRef: string; roles: GrantableRole[] }) => {
    setEditing(existing);
    setGrantOpen(true);
  };

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard
          title={t('access.title')}
          subheader={
            access.me.roles.length > 0
              ? t('access.myRoles', { roles: roles.list(access.me.roles) })
              : t('access.noRoles')
          }
          action={
            <Box display="flex" alignItems="center">
              <IconButton
                aria-label={t('common.refresh')}
                title={t('common.refresh')}
                onClick={retry}
                disabled={loading}
              >
                <RefreshIcon />
              </IconButton>
              <WithReason reason={transferReason}>
                <Button
                  startIcon={<SwapHorizIcon />}
                  title={transferReason ? undefined : t('access.transferHint')}
                  disabled={!!transferReason}
                  onClick={() => setTransferOpen(true)}
                >
                  {t('access.transfer')}
                </Button>
              </WithReason>
              <WithReason reason={manageReason}>
                <Button
                  color="primary"
                  variant="contained"
                  startIcon={<PersonAddIcon />}
                  title={manageReason ? undefined : t('access.grantHint')}
                  disabled={!!manageReason}
                  onClick={() => openGrant()}
                >
                  {t('access.grant')}
                </Button>
              </WithReason>
            </Box>
          }
        >
          {error && (
            <Alert severity="error" style={{ marginBottom: 8 }}>
              {t('access.loadError', { message: errorMessage(error) })}
            </Alert>
          )}
          <AccessEntriesTable
            entries={access.entries}
            manageReason={manageReason}
            onEdit={grant => openGrant(grant)}
            onRevoke={subjectRef => {
              setRevokeError(null);
              setRevoking(subjectRef);
            }}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} lg={6}>
        <InfoCard title={t('rolePermissions.title')} subheader={t('rolePermissions.description')}>
          <RolePermissionsTable />
        </InfoCard>
      </Grid>
      <Grid item xs={12} lg={6}>
        <InfoCard title={t('audit.title')}>
          {may(cccSystemAuditReadPermission.name) ? (
            <AuditTrail load={loadAudit} ariaLabel={t('audit.title')} />
          ) : (
            <Typography variant="body2" color="textSecondary">
              {roles.needsRole(cccSystemAuditReadPermission.name)}
            </Typography>
          )}
        </InfoCard>
      </Grid>
      <GrantDialog
        open={grantOpen}
        system={system}
        existing={editing}
        onClose={() => setGrantOpen(false)}
        onSaved={() => retry()}
      />
      <ConfirmDialog
        open={revoking !== null}
        title={t('access.revokeTitle', { subject: revoking ?? '' })}
        description={t('access.revokeDescription', { subject: revoking ?? '', system: system.name })}
        confirmLabel={t('access.revokeConfirm')}
        busyLabel={t('grants.revoking')}
        busy={revokeBusy}
        error={revokeError}
        onCancel={() => setRevoking(null)}
        onConfirm={revoke}
      />
      <TransferOwnershipDialog
        open={transferOpen}
        system={system}
        onClose={() => setTransferOpen(false)}
        onTransferred={() => {
          retry();
          onSystemChanged();
        }}
      />
    </Grid>
  );
}
