import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccSystem, cccSystemUpdatePermission, PairingToken, StateReason } from '@internal/plugin-ccc-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import CheckIcon from '@material-ui/icons/Check';
import CloseIcon from '@material-ui/icons/Close';
import LinkIcon from '@material-ui/icons/Link';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { cccApiRef } from '../../api/CccApi';
import { cccTranslationRef } from '../../translation';
import { CopyButton } from '../common/CopyButton';
import { errorMessage } from '../common/errors';
import { useDateFormat } from '../common/useDateFormat';
import { useSystemPermission } from '../common/usePermissionWithReason';
import { WithReason } from '../common/WithReason';
import { PairingTokenDialog } from './PairingTokenDialog';

/** Reasons after which only a new confirmation code brings the system back. */
const PAIR_AGAIN_REASONS: ReadonlyArray<StateReason> = ['token_expired', 'not_paired', 'access_revoked'];

/** Whether the system can be paired again with a new token (its link is lost or never came about). */
export function canPairAgain(system: Pick<CccSystem, 'state' | 'stateReason'>): boolean {
  return system.state !== 'token_pending' && !!system.stateReason && PAIR_AGAIN_REASONS.includes(system.stateReason);
}

/**
 * The pairing part of a device state: the pending code with copy, expiry,
 * renew (✓) and cancel (✗), or "Pair again" once the link is lost. Renders
 * nothing for paired systems. `onChanged` runs after every successful action.
 * The actions need the update permission on the system; without it they are
 * disabled and say why, while the code itself stays visible for reading out.
 */
export function PairingControls({ system, onChanged }: { system: CccSystem; onChanged: () => void }) {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const format = useDateFormat();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [newToken, setNewToken] = useState<PairingToken | null>(null);
  const update = useSystemPermission(cccSystemUpdatePermission, system.id);
  const disabled = busy || !update.allowed;

  const run = async (action: () => Promise<PairingToken | void>, showToken: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const result = await action();
      if (showToken && result) setNewToken(result);
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const pending = system.state === 'token_pending' && system.token;
  const pairAgain = canPairAgain(system);
  if (!pending && !pairAgain && !newToken && !error) {
    return null;
  }

  let expiry: string | null = null;
  if (pending && system.token) {
    const time = format.dateTime(system.token.expiresAt) ?? system.token.expiresAt;
    expiry =
      new Date(system.token.expiresAt).getTime() < Date.now()
        ? t('token.expiredAt', { time })
        : t('token.validUntil', { time });
  }

  return (
    <Box mt={0.5}>
      {pending && system.token && (
        <>
          <Box display="flex" alignItems="center" flexWrap="wrap">
            <Typography component="code" style={{ fontFamily: 'monospace', fontWeight: 600, userSelect: 'all' }}>
              {system.token.code}
            </Typography>
            <CopyButton text={system.token.code} />
          </Box>
          <Typography variant="caption" color="textSecondary" component="p">
            {expiry}
          </Typography>
          <Box display="flex" flexWrap="wrap">
            <WithReason reason={update.reason}>
              <Button
                title={update.reason ? undefined : t('token.renewHint')}
                size="small"
                startIcon={<CheckIcon />}
                disabled={disabled}
                onClick={() => run(() => api.renewToken(system.id), false)}
              >
                {t('token.renew')}
              </Button>
            </WithReason>
            <WithReason reason={update.reason}>
              <Button
                title={update.reason ? undefined : t('token.cancelHint')}
                size="small"
                startIcon={<CloseIcon />}
                disabled={disabled}
                onClick={() => run(() => api.cancelToken(system.id), false)}
              >
                {t('token.cancel')}
              </Button>
            </WithReason>
          </Box>
        </>
      )}
      {pairAgain && (
        <WithReason reason={update.reason}>
          <Button
            title={update.reason ? undefined : t('token.pairAgainHint')}
            size="small"
            variant="outlined"
            startIcon={<LinkIcon />}
            disabled={disabled}
            onClick={() => run(() => api.renewToken(system.id), true)}
          >
            {t('token.pairAgain')}
          </Button>
        </WithReason>
      )}
      {error && (
        <Alert severity="error" style={{ marginTop: 4 }}>
          {t('systems.actionFailed', { name: system.name, message: error })}
        </Alert>
      )}
      <PairingTokenDialog systemName={system.name} token={newToken} onClose={() => setNewToken(null)} />
    </Box>
  );
}
