import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  CccRolloutDetails,
  isFinalRolloutState,
} from '@internal/plugin-ccc-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import LinearProgress from '@material-ui/core/LinearProgress';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import ArrowBackIcon from '@material-ui/icons/ArrowBack';
import RefreshIcon from '@material-ui/icons/Refresh';
import Alert from '@material-ui/lab/Alert';
import { useEffect, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { cccApiRef } from '../../api/CccApi';
import { cccTranslationRef } from '../../translation';
import { EntityName } from '../common/EntityName';
import { errorMessage } from '../common/errors';
import { useDateFormat } from '../common/useDateFormat';
import { RolloutControls } from './RolloutControls';
import { RolloutStateChip } from './RolloutStateChip';
import { doneCount, useRolloutTexts } from './rolloutTexts';

/** How often a live rollout is read again. */
const REFRESH_MS = 10_000;

/** One rollout: its settings, progress per wave and per system, and the controls. Refreshes itself while live. */
export function RolloutDetails({
  rolloutId,
  onBack,
}: {
  rolloutId: string;
  onBack: () => void;
}) {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const texts = useRolloutTexts();
  const format = useDateFormat();
  const [changed, setChanged] = useState<CccRolloutDetails | null>(null);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getRollout(rolloutId),
    [api, rolloutId],
  );
  // What a control answered is newer than what was loaded before it.
  const rollout =
    changed && (!value || changed.updatedAt >= value.updatedAt)
      ? changed
      : value;
  const live = rollout ? !rollout.finishedAt : false;
  const none = t('common.none');

  useEffect(() => {
    if (!live) return undefined;
    const timer = setInterval(retry, REFRESH_MS);
    return () => clearInterval(timer);
  }, [live, retry]);

  const back = (
    <Button startIcon={<ArrowBackIcon />} onClick={onBack} size="small">
      {t('rollouts.details.back')}
    </Button>
  );

  if (!rollout) {
    return (
      <InfoCard title={back}>
        {loading || !error ? (
          <Progress />
        ) : (
          <Alert severity="error">
            {t('rollouts.details.loadError', { message: errorMessage(error) })}
          </Alert>
        )}
      </InfoCard>
    );
  }

  const windowNote = () => {
    if (isFinalRolloutState(rollout.state) || rollout.windowOpen) return null;
    return rollout.nextWindowAt
      ? t('rollouts.waitingForWindow', {
          at: format.dateTime(rollout.nextWindowAt) ?? none,
        })
      : t('rollouts.windowNeverOpens');
  };
  const note = windowNote();

  return (
    <InfoCard
      title={
        <Box display="flex" alignItems="center" style={{ gap: 12 }}>
          {back}
          <span>{rollout.name}</span>
          <RolloutStateChip state={rollout.state} />
        </Box>
      }
      action={
        <IconButton
          aria-label={t('rollouts.details.refresh')}
          title={t('rollouts.details.refresh')}
          onClick={retry}
          disabled={loading}
        >
          <RefreshIcon />
        </IconButton>
      }
    >
      {error && (
        <Alert severity="warning">
          {t('rollouts.details.loadError', { message: errorMessage(error) })}
        </Alert>
      )}
      <RolloutControls rollout={rollout} onChanged={setChanged} />
      {rollout.message && (
        <Alert
          severity={rollout.state === 'stopped' ? 'error' : 'info'}
          style={{ marginBottom: 8 }}
        >
          {rollout.message}
        </Alert>
      )}
      {note && (
        <Alert severity="info" style={{ marginBottom: 8 }}>
          {note}
        </Alert>
      )}
      <Typography variant="body2">
        {t('rollouts.details.startedBy')}:{' '}
        <EntityName entityRef={rollout.startedBy} /> ·{' '}
        {format.dateTime(rollout.createdAt)}
      </Typography>
      <Typography variant="body2">
        {t('rollouts.details.policy', {
          canary: String(rollout.canarySize),
          batch: String(rollout.batchSize),
          failures: String(rollout.maxFailuresPerWave),
        })}
      </Typography>
      <Typography variant="body2">
        {rollout.window
          ? texts.window(rollout.window)
          : t('rollouts.details.anyTime')}
        {rollout.window?.endAt &&
          ` · ${t('rollouts.details.windowEnd', {
            at: format.dateTime(rollout.window.endAt) ?? none,
          })}`}
      </Typography>

      <Typography variant="h6" style={{ marginTop: 16 }}>
        {t('rollouts.details.waves')}
      </Typography>
      {rollout.waves.map(wave => {
        const number = String(wave.index + 1);
        const done = doneCount(wave.counts);
        return (
          <Box key={wave.index} mb={1}>
            <Typography variant="body2">
              {t('rollouts.details.wave', { number })}
              {wave.kind === 'canary' && ` · ${t('rollouts.details.canary')}`}
              {wave.index === rollout.currentWave &&
                !rollout.finishedAt &&
                ` · ${t('rollouts.details.current')}`}
              {' — '}
              {t('rollouts.progress', {
                done: String(done),
                total: String(wave.counts.total),
              })}
              {texts.counts(wave.counts) && ` (${texts.counts(wave.counts)})`}
            </Typography>
            <LinearProgress
              variant="determinate"
              value={wave.counts.total ? (100 * done) / wave.counts.total : 0}
              color={wave.counts.failed > 0 ? 'secondary' : 'primary'}
              aria-label={t('rollouts.details.waveProgress', { number })}
            />
          </Box>
        );
      })}

      <Typography variant="h6" style={{ marginTop: 16 }}>
        {t('rollouts.details.systems')}
      </Typography>
      <Table size="small" aria-label={t('rollouts.details.systems')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('rollouts.details.columns.name')}</TableCell>
            <TableCell>{t('rollouts.details.columns.serialNumber')}</TableCell>
            <TableCell>{t('rollouts.details.columns.wave')}</TableCell>
            <TableCell>{t('rollouts.details.columns.step')}</TableCell>
            <TableCell>{t('rollouts.details.columns.versions')}</TableCell>
            <TableCell>{t('rollouts.details.columns.message')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rollout.systems.map(s => (
            <TableRow key={s.systemId}>
              <TableCell component="th" scope="row" role="rowheader">
                {s.name ?? (
                  <Typography
                    variant="body2"
                    color="textSecondary"
                    component="span"
                  >
                    {t('rollouts.details.hiddenSystem')}
                  </Typography>
                )}
              </TableCell>
              <TableCell style={{ fontFamily: 'monospace' }}>
                {s.serialNumber ?? none}
              </TableCell>
              <TableCell>{s.wave + 1}</TableCell>
              <TableCell>
                {texts.step(s.step)}
                {s.stepAt && (
                  <Typography
                    variant="caption"
                    color="textSecondary"
                    component="span"
                    style={{ display: 'block' }}
                  >
                    {format.dateTime(s.stepAt)}
                  </Typography>
                )}
              </TableCell>
              <TableCell>
                {t('firmware.fromTo', {
                  from: s.fromVersion ?? none,
                  to: s.toVersion ?? none,
                })}
              </TableCell>
              <TableCell>
                {s.message ? (
                  <Typography
                    variant="caption"
                    color={s.step === 'failed' ? 'error' : 'textSecondary'}
                  >
                    {s.message}
                  </Typography>
                ) : (
                  none
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </InfoCard>
  );
}
