import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccGrant, GrantableRole, setGrantRequestSchema } from '@internal/plugin-ccc-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { FormEvent, useEffect, useState } from 'react';
import { cccApiRef } from '../../api/CccApi';
import { cccTranslationRef } from '../../translation';
import { EntityName } from '../common/EntityName';
import { EntityRefPicker } from '../common/EntityRefPicker';
import { errorMessage } from '../common/errors';
import { RoleCheckboxes } from '../common/RoleCheckboxes';

/** The system a grant is about. */
export interface GrantTarget {
  id: string;
  name: string;
  ownerRef?: string;
}

/**
 * Grants roles on a system to a catalog user or group, or (with `existing`)
 * changes the roles of one subject. Roles replace the subject's earlier
 * direct roles on the system; `onSaved` runs with the stored grant.
 */
export function GrantDialog({
  open,
  system,
  existing,
  onClose,
  onSaved,
}: {
  open: boolean;
  system: GrantTarget;
  existing?: { subjectRef: string; roles: readonly GrantableRole[] };
  onClose: () => void;
  onSaved: (grant: CccGrant) => void;
}) {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const [subjectRef, setSubjectRef] = useState<string | null>(null);
  const [roles, setRoles] = useState<GrantableRole[]>([]);
  const [submitted, setSubmitted] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [backendError, setBackendError] = useState<string | null>(null);

  // Start afresh on every opening; one dialog serves all rows of a table.
  useEffect(() => {
    if (!open) return;
    setSubjectRef(existing?.subjectRef ?? null);
    setRoles(existing ? [...existing.roles] : []);
    setSubmitted(false);
    setSubmitting(false);
    setBackendError(null);
  }, [open, existing]);

  let subjectError: string | undefined;
  if (!subjectRef) subjectError = t('grantDialog.errors.subjectRequired');
  // The backend refuses this too; saying it here spares a round trip and names the reason.
  else if (subjectRef === system.ownerRef) subjectError = t('grantDialog.errors.isOwner', { subject: subjectRef });
  const rolesError = roles.length === 0 ? t('grantDialog.errors.rolesRequired') : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const parsed = setGrantRequestSchema.safeParse({ subjectRef, roles });
    if (subjectError || rolesError || !parsed.success) return;
    setSubmitting(true);
    setBackendError(null);
    try {
      const grant = await api.setGrant(system.id, parsed.data);
      setSubmitting(false);
      onSaved(grant);
      onClose();
    } catch (e) {
      setBackendError(errorMessage(e));
      setSubmitting(false);
    }
  };

  const close = () => {
    if (!submitting) onClose();
  };

  let submitLabel: string = existing ? t('common.save') : t('grantDialog.submit');
  if (submitting) submitLabel = t('grantDialog.submitting');

  const title = existing
    ? t('grantDialog.editTitle', { subject: existing.subjectRef, system: system.name })
    : t('grantDialog.title', { system: system.name });

  return (
    <Dialog open={open} onClose={close} aria-labelledby="ccc-grant-dialog-title" maxWidth="sm" fullWidth>
      <form onSubmit={submit} noValidate>
        <DialogTitle id="ccc-grant-dialog-title">{title}</DialogTitle>
        <DialogContent>
          {existing ? (
            <Typography variant="body1" gutterBottom>
              <EntityName entityRef={existing.subjectRef} />
            </Typography>
          ) : (
            <EntityRefPicker
              id="ccc-grant-subject"
              kinds={['User', 'Group']}
              value={subjectRef}
              onChange={ref => {
                setSubjectRef(ref);
                setBackendError(null);
              }}
              label={t('grantDialog.subject')}
              helperText={(submitted && subjectError) || t('grantDialog.subjectHelp')}
              error={submitted && !!subjectError}
              disabled={submitting}
            />
          )}
          <RoleCheckboxes
            label={t('grantDialog.roles')}
            value={roles}
            onChange={next => {
              setRoles(next);
              setBackendError(null);
            }}
            helperText={(submitted && rolesError) || t('grantDialog.rolesHelp')}
            error={submitted && !!rolesError}
            disabled={submitting}
          />
          {backendError && <Alert severity="error">{t('grantDialog.failed', { message: backendError })}</Alert>}
        </DialogContent>
        <DialogActions>
          <Button onClick={close} disabled={submitting}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="primary" variant="contained" disabled={submitting}>
            {submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
