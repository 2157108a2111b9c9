import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  cccFirmwareUpdatePermission,
  CccRolloutDetails,
  isFinalRolloutState,
  rolesAllowing,
} from '@internal/plugin-ccc-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { cccApiRef } from '../../api/CccApi';
import { cccTranslationRef } from '../../translation';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { errorMessage } from '../common/errors';
import { useRoleTexts } from '../common/roles';
import { WithReason } from '../common/WithReason';

/** Pause, resume and abort, each disabled with the reason when it does not apply or is not allowed. */
export function RolloutControls({
  rollout,
  onChanged,
}: {
  rollout: CccRolloutDetails;
  onChanged: (rollout: CccRolloutDetails) => void;
}) {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const roles = useRoleTexts();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirmAbort, setConfirmAbort] = useState(false);

  const ended = isFinalRolloutState(rollout.state);
  const notAllowed = rollout.mayControl
    ? null
    : t('rollouts.actions.notAllowed', {
        roles: roles.list(rolesAllowing(cccFirmwareUpdatePermission.name)),
      });
  // Why a control is disabled: not allowed, the rollout has ended, or it is not in the state the control needs.
  const reasonFor = (needs: 'running' | 'paused' | null) => {
    if (notAllowed) return notAllowed;
    if (ended) return t('rollouts.actions.ended');
    if (needs === 'running' && rollout.state !== 'running')
      return t('rollouts.actions.notRunning');
    if (needs === 'paused' && rollout.state !== 'paused')
      return t('rollouts.actions.notPaused');
    return null;
  };
  const pauseReason = reasonFor('running');
  const resumeReason = reasonFor('paused');
  const abortReason = reasonFor(null);

  const act = async (action: (id: string) => Promise<CccRolloutDetails>) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await action(rollout.id));
      setConfirmAbort(false);
    } catch (e) {
      setError(t('rollouts.actions.failed', { message: errorMessage(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Box display="flex" style={{ gap: 8 }} mb={1}>
        <WithReason reason={pauseReason}>
          <Button
            variant="outlined"
            disabled={busy || Boolean(pauseReason)}
            onClick={() => act(id => api.pauseRollout(id))}
          >
            {t('rollouts.actions.pause')}
          </Button>
        </WithReason>
        <WithReason reason={resumeReason}>
          <Button
            variant="outlined"
            disabled={busy || Boolean(resumeReason)}
            onClick={() => act(id => api.resumeRollout(id))}
          >
            {t('rollouts.actions.resume')}
          </Button>
        </WithReason>
        <WithReason reason={abortReason}>
          <Button
            variant="outlined"
            color="secondary"
            disabled={busy || Boolean(abortReason)}
            onClick={() => setConfirmAbort(true)}
          >
            {t('rollouts.actions.abort')}
          </Button>
        </WithReason>
      </Box>
      {error && !confirmAbort && <Alert severity="error">{error}</Alert>}
      <ConfirmDialog
        open={confirmAbort}
        title={t('rollouts.actions.abortTitle', { name: rollout.name })}
        description={t('rollouts.actions.abortDescription')}
        confirmLabel={t('rollouts.actions.abortConfirm')}
        busyLabel={t('rollouts.actions.aborting')}
        busy={busy}
        error={error}
        onCancel={() => {
          setConfirmAbort(false);
          setError(null);
        }}
        onConfirm={() => act(id => api.abortRollout(id))}
      />
    </>
  );
}
