import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccSystem, UpdateSystemRequest, updateSystemRequestSchema } from '@internal/plugin-ccc-common';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormHelperText from '@material-ui/core/FormHelperText';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { FormEvent, useEffect, useState } from 'react';
import { cccApiRef } from '../../api/CccApi';
import { cccTranslationRef } from '../../translation';
import { errorMessage } from '../common/errors';
import { useFormFields } from '../common/useFormFields';

interface Form {
  name: string;
  url: string;
  allowSelfSignedTls: boolean;
}
type Field = 'name' | 'url';
type FieldErrors = Partial<Record<Field, string>>;

function formOf(system: CccSystem): Form {
  return {
    name: system.name,
    url: system.deviceAddress.url ?? '',
    allowSelfSignedTls: system.deviceAddress.allowSelfSignedTls,
  };
}

/**
 * Only what differs from the system: an unchanged field is left out so the
 * request cannot overwrite a change someone else made meanwhile. The device
 * address travels as a whole (URL and TLS flag belong together); an empty URL
 * field means "back to the configured gateway", which the API spells `null`.
 */
function changesOf(system: CccSystem, form: Form): UpdateSystemRequest {
  const request: UpdateSystemRequest = {};
  if (form.name.trim() !== system.name) {
    request.name = form.name;
  }
  const url = form.url.trim() || null;
  if (url !== system.deviceAddress.url || form.allowSelfSignedTls !== system.deviceAddress.allowSelfSignedTls) {
    request.deviceAddress = { url, allowSelfSignedTls: form.allowSelfSignedTls };
  }
  return request;
}

/**
 * Dialog that renames a system or changes how the backend reaches the
 * device (direct URL or the configured gateway, self-signed TLS). It opens
 * with the system's current values; after the backend accepted the change it
 * calls `onSaved` with the updated system and then `onClose`.
 */
export function EditSystemDialog({
  system,
  open,
  onClose,
  onSaved,
}: {
  system: CccSystem;
  open: boolean;
  onClose: () => void;
  onSaved: (system: CccSystem) => void;
}) {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const { form, setForm, setTouched, touchAll, fieldProps: bind } = useFormFields<Field, Form>(() => formOf(system));
  const [submitting, setSubmitting] = useState(false);
  const [backendError, setBackendError] = useState<string | null>(null);

  // Start from the system's current values every time the dialog opens (the
  // table reuses one dialog for all rows; a cancelled edit must not linger).
  useEffect(() => {
    if (!open) return;
    setForm(formOf(system));
    setTouched({});
    setBackendError(null);
    setSubmitting(false);
  }, [open, system, setForm, setTouched]);

  const changes = changesOf(system, form);
  const changed = changes.name !== undefined || changes.deviceAddress !== undefined;

  // The shared schema decides what is valid (the backend checks the same);
  // its English messages are replaced by translated ones per field and check.
  const validate = (): { errors: FieldErrors; request?: UpdateSystemRequest } => {
    if (!changed) return { errors: {} };
    const parsed = updateSystemRequestSchema.safeParse(changes);
    // Send the normalised values (trimmed name and URL) the user will see afterwards.
    if (parsed.success) return { errors: {}, request: parsed.data };
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      if (issue.path[0] === 'name' && !errors.name) {
        // Same rule and wording as at registration.
        errors.name = issue.code === 'too_big' ? t('register.errors.nameTooLong') : t('register.errors.nameRequired');
      } else if (issue.path[0] === 'deviceAddress' && issue.path[1] === 'url' && !errors.url) {
        // Not a URL at all comes first; a URL of another scheme (ftp:, javascript:) only fails the refinement.
        errors.url = issue.code === 'custom' ? t('edit.errors.urlScheme') : t('edit.errors.urlInvalid');
      }
    }
    return { errors };
  };
  const { errors, request } = validate();

  const close = () => {
    if (submitting) return;
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    touchAll(['name', 'url']);
    if (!request) return;
    setSubmitting(true);
    setBackendError(null);
    try {
      const updated = await api.updateSystem(system.id, request);
      setSubmitting(false);
      onSaved(updated);
      onClose();
    } catch (e) {
      // E.g. 403 for a system the user may not change: the backend says why.
      setBackendError(errorMessage(e));
      setSubmitting(false);
    }
  };

  const fieldProps = (field: Field, help: string) =>
    bind(field, { help, error: errors[field], disabled: submitting, onEdit: () => setBackendError(null) });

  return (
    <Dialog open={open} onClose={close} aria-labelledby="ccc-edit-dialog-title" maxWidth="sm" fullWidth>
      <form onSubmit={submit} noValidate>
        <DialogTitle id="ccc-edit-dialog-title">{t('edit.title', { name: system.name })}</DialogTitle>
        <DialogContent>
          <TextField
            {...fieldProps('name', t('edit.nameHelp'))}
            id="ccc-edit-name"
            label={t('edit.name')}
            required
          />
          <TextField
            {...fieldProps('url', t('edit.urlHelp'))}
            id="ccc-edit-url"
            label={t('edit.url')}
            placeholder="https://192.0.2.10"
            type="url"
            inputProps={{ spellCheck: false }}
          />
          <FormControlLabel
            control={
              <Checkbox
                checked={form.allowSelfSignedTls}
                onChange={(_event, checked) => {
                  setForm(prev => ({ ...prev, allowSelfSignedTls: checked }));
                  setBackendError(null);
                }}
                disabled={submitting}
                color="primary"
                inputProps={{ 'aria-describedby': 'ccc-edit-tls-help' }}
              />
            }
            label={t('edit.allowSelfSignedTls')}
          />
          <FormHelperText id="ccc-edit-tls-help" style={{ marginTop: 0 }}>
            {t('edit.allowSelfSignedTlsHelp')}
          </FormHelperText>
          {backendError && (
            <Alert severity="error" style={{ marginTop: 8 }}>
              {t('edit.failed', { message: backendError })}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={close} disabled={submitting}>
            {t('common.cancel')}
          </Button>
          {/* Nothing changed, nothing to send: the backend would refuse an empty change anyway. */}
          <Button type="submit" color="primary" variant="contained" disabled={submitting || !changed}>
            {submitting ? t('edit.submitting') : t('edit.submit')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
