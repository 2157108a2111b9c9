import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccSmtpServerChoice, cccSmtpAssignPermission, CccSystem } from '@internal/plugin-ccc-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import RefreshIcon from '@material-ui/icons/Refresh';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { cccApiRef } from '../../api/CccApi';
import { cccTranslationRef } from '../../translation';
import { errorMessage } from '../common/errors';
import { useSystemPermission } from '../common/usePermissionWithReason';
import { WithReason } from '../common/WithReason';

/**
 * The mail server of one system (manual: "Ausgewähltes System > SMTP"):
 * which server mails its warnings, choosing one of the company's servers,
 * and removing the choice so that the default server is used again.
 */
export function SystemSmtp({ system }: { system: CccSystem }) {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const assignRight = useSystemPermission(cccSmtpAssignPermission, system.id);
  const smtp = useAsyncRetry(() => api.getSystemSmtp(system.id), [api, system.id]);
  const servers = useAsyncRetry(async () => (await api.listSmtpServers()).items, [api]);

  const [choice, setChoice] = useState('');
  const [busy, setBusy] = useState<'assign' | 'unassign' | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const refresh = () => {
    smtp.retry();
    servers.retry();
  };

  if ((smtp.loading && !smtp.value) || (servers.loading && !servers.value)) return <Progress />;
  if (!smtp.value) {
    return <Alert severity="error">{t('systemSmtp.loadError', { message: errorMessage(smtp.error) })}</Alert>;
  }

  const { assigned, effective } = smtp.value;
  const choices = servers.value ?? [];
  // A value the list does not offer (list failed, server just deleted) would leave the select blank anyway.
  const selected = [choice, assigned?.id].find(id => id && choices.some(c => c.id === id)) ?? '';
  const label = (server: CccSmtpServerChoice) =>
    server.isDefault ? t('systemSmtp.defaultMark', { name: server.name }) : server.name;

  const run = async (kind: 'assign' | 'unassign', action: () => Promise<unknown>) => {
    setBusy(kind);
    setActionError(null);
    try {
      await action();
      setChoice('');
      smtp.retry();
    } catch (e) {
      setActionError(t('systemSmtp.actionFailed', { message: errorMessage(e) }));
    } finally {
      setBusy(null);
    }
  };

  const reason = assignRight.reason;
  const canAssign = assignRight.allowed && !busy && !!selected && selected !== assigned?.id;

  return (
    <InfoCard
      title={t('systemSmtp.title')}
      subheader={t('systemSmtp.description')}
      action={
        <IconButton
          aria-label={t('common.refresh')}
          title={t('common.refresh')}
          onClick={refresh}
          disabled={smtp.loading || servers.loading}
        >
          <RefreshIcon />
        </IconButton>
      }
    >
      {smtp.error && (
        <Alert severity="error" style={{ marginBottom: 8 }}>
          {t('systemSmtp.loadError', { message: errorMessage(smtp.error) })}
        </Alert>
      )}
      {servers.error && (
        <Alert severity="error" style={{ marginBottom: 8 }}>
          {t('smtp.loadError', { message: errorMessage(servers.error) })}
        </Alert>
      )}
      {actionError && (
        <Alert severity="error" style={{ marginBottom: 8 }} onClose={() => setActionError(null)}>
          {actionError}
        </Alert>
      )}
      <dl style={{ margin: 0 }}>
        <Typography component="dt" variant="subtitle2">
          {t('systemSmtp.effective')}
        </Typography>
        <Typography component="dd" variant="body1" style={{ margin: '0 0 8px' }} data-testid="ccc-smtp-effective">
          {effective ? label(effective) : t('common.none')}
        </Typography>
        <Typography component="dt" variant="subtitle2">
          {t('systemSmtp.assigned')}
        </Typography>
        <Typography component="dd" variant="body1" style={{ margin: '0 0 8px' }} data-testid="ccc-smtp-assigned">
          {assigned ? label(assigned) : t('systemSmtp.noneAssigned')}
        </Typography>
      </dl>
      {!effective && (
        <Alert severity="warning" style={{ marginBottom: 8 }}>
          {t('systemSmtp.noServer')}
        </Alert>
      )}
      {servers.value && choices.length === 0 ? (
        <Alert severity="info">{t('systemSmtp.noServers')}</Alert>
      ) : (
        <Box display="flex" alignItems="center" flexWrap="wrap" style={{ gap: 8 }}>
          <WithReason reason={reason}>
            <TextField
              id="ccc-system-smtp-server"
              select
              label={t('systemSmtp.server')}
              helperText={t('systemSmtp.serverHelp')}
              value={selected}
              onChange={e => setChoice(e.target.value)}
              disabled={!assignRight.allowed || !!busy}
              variant="outlined"
              margin="normal"
              style={{ minWidth: 320 }}
            >
              {choices.map(server => (
                <MenuItem key={server.id} value={server.id}>
                  {label(server)}
                </MenuItem>
              ))}
            </TextField>
          </WithReason>
          <WithReason reason={reason}>
            <Button
              color="primary"
              variant="contained"
              disabled={!canAssign}
              onClick={() => run('assign', () => api.assignSystemSmtp(system.id, selected))}
            >
              {busy === 'assign' ? t('systemSmtp.assigning') : t('systemSmtp.assign')}
            </Button>
          </WithReason>
          {assigned && (
            <WithReason reason={reason}>
              <Button
                title={reason ? undefined : t('systemSmtp.unassignHint')}
                disabled={!assignRight.allowed || !!busy}
                onClick={() => run('unassign', () => api.unassignSystemSmtp(system.id))}
              >
                {t('systemSmtp.unassign')}
              </Button>
            </WithReason>
          )}
        </Box>
      )}
    </InfoCard>
  );
}
