import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccUserGroup, CccUserGroupDetails } from '@internal/plugin-ccc-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { cccApiRef } from '../../api/CccApi';
import { cccTranslationRef } from '../../translation';
import { EntityName } from '../common/EntityName';
import { errorMessage } from '../common/errors';
import { GroupMembersSection } from './GroupMembersSection';
import { GroupSystemsSection } from './GroupSystemsSection';

/**
 * Members and systems of one group (its owner and members see them). The
 * owner manages both here; `onChanged` lets the list refresh its counts.
 */
export function UserGroupDetailsDialog({
  group,
  open,
  isOwner,
  onClose,
  onChanged,
}: {
  group: CccUserGroup;
  open: boolean;
  isOwner: boolean;
  onClose: () => void;
  onChanged: () => void;
}) {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const [details, setDetails] = useState<CccUserGroupDetails | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  // Only the owner adds systems; others need not load the fleet.
  const systems = useAsync(async () => (open && isOwner ? api.listSystems() : undefined), [api, open, isOwner]);

  useEffect(() => {
    if (!open) return undefined;
    let current = true;
    setDetails(null);
    setLoadError(null);
    setActionError(null);
    api.getUserGroup(group.id).then(
      loaded => current && setDetails(loaded),
      error => current && setLoadError(error),
    );
    return () => {
      current = false;
    };
  }, [api, group.id, open]);

  /** Runs a change, then shows the group as the backend has it now. */
  const change = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setActionError(null);
    try {
      await action();
      setDetails(await api.getUserGroup(group.id));
      onChanged();
    } catch (e) {
      setActionError(t('groupDetails.actionFailed', { message: errorMessage(e) }));
    } finally {
      setBusy(false);
    }
  };

  let content;
  if (loadError) {
    content = <Alert severity="error">{t('groupDetails.loadError', { message: errorMessage(loadError) })}</Alert>;
  } else if (!details) {
    content = <Progress />;
  } else {
    content = (
      <>
        <Typography variant="body2" color="textSecondary" gutterBottom>
          {group.description}
        </Typography>
        <Typography variant="body2" gutterBottom>
          {t('groupDetails.owner')} <EntityName entityRef={details.ownerRef} />
        </Typography>
        {!isOwner && (
          <Typography variant="body2" color="textSecondary" gutterBottom>
            {t('groupDetails.ownerOnly')}
          </Typography>
        )}
        {actionError && (
          <Alert severity="error" style={{ marginBottom: 8 }}>
            {actionError}
          </Alert>
        )}
        <GroupMembersSection
          group={details}
          editable={isOwner}
          busy={busy}
          onSetRoles={(memberRef, roles) => change(() => api.setUserGroupMember(group.id, { memberRef, roles }))}
          onAdd={memberRef => change(() => api.setUserGroupMember(group.id, { memberRef }))}
          onRemove={memberRef => change(() => api.removeUserGroupMember(group.id, memberRef))}
        />
        <GroupSystemsSection
          group={details}
          editable={isOwner}
          busy={busy}
          available={systems.value}
          onAdd={systemId => change(() => api.addUserGroupSystem(group.id, systemId))}
          onRemove={systemId => change(() => api.removeUserGroupSystem(group.id, systemId))}
        />
      </>
    );
  }

  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="ccc-group-details-title" maxWidth="md" fullWidth>
      <DialogTitle id="ccc-group-details-title">{group.name}</DialogTitle>
      <DialogContent>{content}</DialogContent>
      <DialogActions>
        <Button onClick={onClose} color="primary">
          {t('common.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
