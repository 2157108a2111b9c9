import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccSystem } from '@internal/plugin-ccc-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import { FormEvent, useEffect, useState } from 'react';
import { cccApiRef } from '../../api/CccApi';
import { cccTranslationRef } from '../../translation';
import { EntityRefPicker } from '../common/EntityRefPicker';
import { errorMessage } from '../common/errors';

/** Hands a system to another catalog user (owner only); `onTransferred` runs once the backend agreed. */
export function TransferOwnershipDialog({
  open,
  system,
  onClose,
  onTransferred,
}: {
  open: boolean;
  system: Pick<CccSystem, 'id' | 'name' | 'ownerRef'>;
  onClose: () => void;
  onTransferred: () => void;
}) {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const [ownerRef, setOwnerRef] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [backendError, setBackendError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setOwnerRef(null);
    setSubmitted(false);
    setSubmitting(false);
    setBackendError(null);
  }, [open]);

  const ownerError = ownerRef ? undefined : t('transferDialog.errors.ownerRequired');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!ownerRef) return;
    setSubmitting(true);
    setBackendError(null);
    try {
      await api.transferOwnership(system.id, ownerRef);
      setSubmitting(false);
      onTransferred();
      onClose();
    } catch (e) {
      setBackendError(errorMessage(e));
      setSubmitting(false);
    }
  };

  const close = () => {
    if (!submitting) onClose();
  };

  return (
    <Dialog open={open} onClose={close} aria-labelledby="ccc-transfer-dialog-title" maxWidth="sm" fullWidth>
      <form onSubmit={submit} noValidate>
        <DialogTitle id="ccc-transfer-dialog-title">{t('transferDialog.title', { system: system.name })}</DialogTitle>
        <DialogContent>
          <DialogContentText>{t('transferDialog.description')}</DialogContentText>
          <EntityRefPicker
            id="ccc-transfer-owner"
            kinds={['User']}
            value={ownerRef}
            onChange={ref => {
              setOwnerRef(ref);
              setBackendError(null);
            }}
            // The current owner is no choice.
            exclude={[system.ownerRef]}
            label={t('transferDialog.newOwner')}
            helperText={(submitted && ownerError) || t('transferDialog.newOwnerHelp')}
            error={submitted && !!ownerError}
            disabled={submitting}
          />
          {backendError && <Alert severity="error">{t('transferDialog.failed', { message: backendError })}</Alert>}
        </DialogContent>
        <DialogActions>
          <Button onClick={close} disabled={submitting}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="secondary" variant="contained" disabled={submitting}>
            {submitting ? t('transferDialog.transferring') : t('transferDialog.confirm')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
