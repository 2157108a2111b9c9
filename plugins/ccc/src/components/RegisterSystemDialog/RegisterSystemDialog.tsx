import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  MIN_FIRMWARE_VERSION,
  RegisterSystemRequest,
  registerSystemRequestSchema,
  RegisterSystemResponse,
} from '@internal/plugin-ccc-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { FormEvent, useState } from 'react';
import { cccApiRef } from '../../api/CccApi';
import { cccTranslationRef } from '../../translation';
import { errorMessage } from '../common/errors';
import { useFormFields } from '../common/useFormFields';
import { PairingTokenPanel } from '../Pairing';

type Field = 'name' | 'serialNumber' | 'catalogOwnerRef';
type FieldErrors = Partial<Record<Field, string>>;

const EMPTY_FORM: Record<Field, string> = { name: '', serialNumber: '', catalogOwnerRef: '' };

/** The request as the backend expects it: an empty owner field means "me", so it is left out. */
function toRequest(form: Record<Field, string>): RegisterSystemRequest {
  const owner = form.catalogOwnerRef.trim();
  return {
    name: form.name,
    serialNumber: form.serialNumber,
    ...(owner ? { catalogOwnerRef: owner } : {}),
  };
}

/**
 * Dialog that registers a COMtrexx and then shows its first confirmation
 * code. `onRegistered` runs as soon as the backend accepted the system, so
 * the list behind the dialog already shows it while the code is displayed.
 */
export function RegisterSystemDialog({
  open,
  onClose,
  onRegistered,
}: {
  open: boolean;
  onClose: () => void;
  onRegistered: (response: RegisterSystemResponse) => void;
}) {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const { form, setForm, setTouched, touchAll, fieldProps: bind } = useFormFields<Field, Record<Field, string>>(EMPTY_FORM);
  const [submitting, setSubmitting] = useState(false);
  const [backendError, setBackendError] = useState<string | null>(null);
  const [result, setResult] = useState<RegisterSystemResponse | null>(null);

  // The shared schema decides what is valid (the backend checks the same);
  // its English messages are replaced by translated ones per field and check.
  const validate = (values: Record<Field, string>): { errors: FieldErrors; request?: RegisterSystemRequest } => {
    const parsed = registerSystemRequestSchema.safeParse(toRequest(values));
    // Send the normalised values (trimmed name, upper-case serial number) the user will see in the list.
    if (parsed.success) return { errors: {}, request: parsed.data };
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as Field;
      if (errors[field]) continue;
      if (field === 'name') {
        errors.name = issue.code === 'too_big' ? t('register.errors.nameTooLong') : t('register.errors.nameRequired');
      } else if (field === 'serialNumber') {
        errors.serialNumber = t('register.errors.serialNumberInvalid');
      } else if (field === 'catalogOwnerRef') {
        errors.catalogOwnerRef = t('register.errors.ownerInvalid');
      }
    }
    return { errors };
  };
  const { errors, request } = validate(form);

  const reset = () => {
    setForm(EMPTY_FORM);
    setTouched({});
    setBackendError(null);
    setResult(null);
    setSubmitting(false);
  };
  const close = () => {
    if (submitting) return;
    reset();
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    touchAll(['name', 'serialNumber', 'catalogOwnerRef']);
    if (!request) return;
    setSubmitting(true);
    setBackendError(null);
    try {
      const response = await api.registerSystem(request);
      setResult(response);
      onRegistered(response);
    } catch (e) {
      // E.g. 409 for a serial number that is already registered: the backend says why.
      setBackendError(errorMessage(e));
    } finally {
      setSubmitting(false);
    }
  };

  const fieldProps = (field: Field, help: string) =>
    bind(field, { help, error: errors[field], disabled: submitting, onEdit: () => setBackendError(null) });

  return (
    <Dialog open={open} onClose={close} aria-labelledby="ccc-register-dialog-title" maxWidth="sm" fullWidth>
      {result ? (
        <>
          <DialogTitle id="ccc-register-dialog-title">{t('register.successTitle')}</DialogTitle>
          <DialogContent>
            <Typography variant="body1" paragraph>
              {t('register.success', { name: result.system.name, serialNumber: result.system.serialNumber })}
            </Typography>
            <PairingTokenPanel token={result.token} />
          </DialogContent>
          <DialogActions>
            <Button onClick={close} color="primary" variant="contained">
              {t('register.done')}
            </Button>
          </DialogActions>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <DialogTitle id="ccc-register-dialog-title">{t('register.title')}</DialogTitle>
          <DialogContent>
            <Typography variant="body2" color="textSecondary">
              {t('register.intro', { version: MIN_FIRMWARE_VERSION })}
            </Typography>
            <TextField
              {...fieldProps('name', t('register.nameHelp'))}
              id="ccc-register-name"
              label={t('register.name')}
              required
            />
            <TextField
              {...fieldProps('serialNumber', t('register.serialNumberHelp'))}
              id="ccc-register-serial"
              label={t('register.serialNumber')}
              required
              inputProps={{ spellCheck: false, autoCapitalize: 'characters' }}
            />
            <TextField
              {...fieldProps('catalogOwnerRef', t('register.ownerHelp'))}
              id="ccc-register-owner"
              label={t('register.owner')}
              placeholder="group:default/telephony"
              inputProps={{ spellCheck: false }}
            />
            {backendError && (
              <Alert severity="error" style={{ marginTop: 8 }}>
                {t('register.failed', { message: backendError })}
              </Alert>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={close} disabled={submitting}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="primary" variant="contained" disabled={submitting}>
              {submitting ? t('register.submitting') : t('register.submit')}
            </Button>
          </DialogActions>
        </form>
      )}
    </Dialog>
  );
}
