import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccSmtpServer } from '@internal/plugin-ccc-common';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import Grid from '@material-ui/core/Grid';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { FormEvent, useEffect, useState } from 'react';
import { cccApiRef } from '../../api/CccApi';
import { cccTranslationRef } from '../../translation';
import { errorMessage } from '../common/errors';
import { useFormFields } from '../common/useFormFields';
import {
  changesOf,
  formOf,
  PasswordAction,
  SmtpServerForm,
  SmtpTextField,
  validateSmtpForm,
} from './smtpServerForm';

const TEXT_FIELDS: readonly SmtpTextField[] = ['name', 'host', 'port', 'username', 'password', 'sender', 'recipient'];

/**
 * Adds an SMTP server, or with `server` edits one (manual: "Administration >
 * SMTP > Konfigurieren"). The password is write-only: the dialog only says
 * whether one is set and offers to keep, replace or remove it.
 */
export function SmtpServerFormDialog({
  open,
  server,
  onClose,
  onSaved,
}: {
  open: boolean;
  server?: CccSmtpServer;
  onClose: () => void;
  onSaved: (server: CccSmtpServer) => void;
}) {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const { form, setForm, setTouched, touchAll, fieldProps: bind } = useFormFields<SmtpTextField, SmtpServerForm>(
    () => formOf(server),
  );
  const [submitting, setSubmitting] = useState(false);
  const [backendError, setBackendError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setForm(formOf(server));
    setTouched({});
    setSubmitting(false);
    setBackendError(null);
  }, [open, server, setForm, setTouched]);

  const { errors, request } = validateSmtpForm(form, server);
  const changes = server && request ? changesOf(server, request, form.passwordAction) : undefined;
  const unchanged = !!server && !!changes && Object.keys(changes).length === 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    touchAll(TEXT_FIELDS);
    if (!request || unchanged) return;
    setSubmitting(true);
    setBackendError(null);
    try {
      const saved = server ? await api.updateSmtpServer(server.id, changes!) : await api.createSmtpServer(request);
      setSubmitting(false);
      onSaved(saved);
      onClose();
    } catch (e) {
      setBackendError(errorMessage(e));
      setSubmitting(false);
    }
  };

  const close = () => {
    if (!submitting) onClose();
  };

  const fieldProps = (field: SmtpTextField, help: string) => {
    const error = errors[field];
    return bind(field, {
      help,
      error: error ? t(`smtpForm.errors.${error}`) : undefined,
      disabled: submitting,
      onEdit: () => setBackendError(null),
    });
  };
  const setFlag = (flag: 'noTls' | 'isDefault') => (_event: unknown, checked: boolean) =>
    setForm(prev => ({ ...prev, [flag]: checked }));

  // Never autofill a browser-saved password here: it would silently replace the stored one.
  const passwordInput = (label: string, help: string) => (
    <TextField
      {...fieldProps('password', help)}
      id="ccc-smtp-password"
      label={label}
      type="password"
      autoComplete="new-password"
    />
  );

  let submitLabel: string = server ? t('common.save') : t('smtpForm.create');
  if (submitting) submitLabel = server ? t('common.saving') : t('smtpForm.creating');

  return (
    <Dialog open={open} onClose={close} aria-labelledby="ccc-smtp-form-title" maxWidth="sm" fullWidth>
      <form onSubmit={submit} noValidate autoComplete="off">
        <DialogTitle id="ccc-smtp-form-title">
          {server ? t('smtpForm.editTitle', { name: server.name }) : t('smtpForm.createTitle')}
        </DialogTitle>
        <DialogContent>
          <TextField
            {...fieldProps('name', t('smtpForm.nameHelp'))}
            id="ccc-smtp-name"
            label={t('smtpForm.name')}
            required
          />
          <Grid container spacing={2}>
            <Grid item xs={12} sm={8}>
              <TextField
                {...fieldProps('host', t('smtpForm.hostHelp'))}
                id="ccc-smtp-host"
                label={t('smtpForm.host')}
                required
              />
            </Grid>
            <Grid item xs={12} sm={4}>
              <TextField
                {...fieldProps('port', t('smtpForm.portHelp'))}
                id="ccc-smtp-port"
                label={t('smtpForm.port')}
                inputProps={{ inputMode: 'numeric' }}
                required
              />
            </Grid>
          </Grid>
          <TextField
            {...fieldProps('username', t('smtpForm.usernameHelp'))}
            id="ccc-smtp-username"
            label={t('smtpForm.username')}
            autoComplete="off"
          />
          {server ? (
            <FormControl component="fieldset" margin="normal" fullWidth disabled={submitting}>
              <FormLabel component="legend">{t('smtpForm.passwordAction')}</FormLabel>
              <FormHelperText>
                {server.passwordSet ? t('smtpForm.passwordIsSet') : t('smtpForm.passwordIsNotSet')}
              </FormHelperText>
              <RadioGroup
                row
                aria-label={t('smtpForm.passwordAction')}
                value={form.passwordAction}
                onChange={e => {
                  const passwordAction = e.target.value as PasswordAction;
                  setForm(prev => ({ ...prev, passwordAction, password: '' }));
                  setTouched(prev => ({ ...prev, password: false }));
                }}
              >
                <FormControlLabel value="keep" control={<Radio color="primary" />} label={t('smtpForm.passwordKeep')} />
                <FormControlLabel
                  value="replace"
                  control={<Radio color="primary" />}
                  label={server.passwordSet ? t('smtpForm.passwordReplace') : t('smtpForm.passwordSetNew')}
                />
                {server.passwordSet && (
                  <FormControlLabel
                    value="remove"
                    control={<Radio color="primary" />}
                    label={t('smtpForm.passwordRemove')}
                  />
                )}
              </RadioGroup>
              {form.passwordAction === 'replace' &&
                passwordInput(t('smtpForm.newPassword'), t('smtpForm.newPasswordHelp'))}
            </FormControl>
          ) : (
            passwordInput(t('smtpForm.password'), t('smtpForm.passwordHelp'))
          )}
          <TextField
            {...fieldProps('sender', t('smtpForm.senderHelp'))}
            id="ccc-smtp-sender"
            label={t('smtpForm.sender')}
            type="email"
            required
          />
          <TextField
            {...fieldProps('recipient', t('smtpForm.recipientHelp'))}
            id="ccc-smtp-recipient"
            label={t('smtpForm.recipient')}
            type="email"
            required
          />
          <FormControl margin="dense" fullWidth disabled={submitting}>
            <FormControlLabel
              control={<Checkbox color="primary" checked={form.noTls} onChange={setFlag('noTls')} />}
              label={t('smtpForm.noTls')}
            />
            <FormHelperText>{t('smtpForm.noTlsHelp')}</FormHelperText>
          </FormControl>
          <FormControl margin="dense" fullWidth disabled={submitting}>
            <FormControlLabel
              control={<Checkbox color="primary" checked={form.isDefault} onChange={setFlag('isDefault')} />}
              label={t('smtpForm.isDefault')}
            />
            <FormHelperText>{t('smtpForm.isDefaultHelp')}</FormHelperText>
          </FormControl>
          {backendError && <Alert severity="error">{t('smtpForm.failed', { message: backendError })}</Alert>}
        </DialogContent>
        <DialogActions>
          <Button onClick={close} disabled={submitting}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="primary" variant="contained" disabled={submitting || unchanged}>
            {submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
