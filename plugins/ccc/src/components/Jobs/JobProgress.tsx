import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccJob } from '@internal/plugin-ccc-common';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { cccTranslationRef } from '../../translation';
import { RESTART_PHASES, useJobTexts } from './jobTexts';

/**
 * A followed job: while it runs its step with a progress bar (without a
 * percentage while the device waits or restarts, when it cannot say how far
 * it is), afterwards its result with the device's message.
 */
export function JobProgress({
  job,
  pollError,
  onDismiss,
}: {
  job: CccJob;
  pollError?: string | null;
  onDismiss?: () => void;
}) {
  const { t } = useTranslationRef(cccTranslationRef);
  const texts = useJobTexts();
  const kind = texts.kind(job.kind);

  if (job.state === 'succeeded') {
    const text =
      job.kind === 'firmware'
        ? t('jobs.succeeded.firmware', { version: job.toVersion ?? t('common.none') })
        : t(`jobs.succeeded.${job.kind}`);
    return (
      <Alert severity="success" onClose={onDismiss}>
        {text}
        {job.message && ` ${job.message}`}
      </Alert>
    );
  }
  if (job.state === 'failed') {
    return (
      <Alert severity="error" onClose={onDismiss}>
        {job.message ? t('jobs.failed', { kind, message: job.message }) : t('jobs.failedNoReason', { kind })}
      </Alert>
    );
  }

  const restarting = RESTART_PHASES.includes(job.phase);
  const indeterminate = restarting || job.phase === 'queued' || job.progress <= 0;
  return (
    <Box my={1}>
      <Typography variant="body2" gutterBottom>
        {t('jobs.runningStep', { kind, phase: texts.phase(job.phase) })}
        {!indeterminate && ` (${job.progress} %)`}
      </Typography>
      <LinearProgress
        variant={indeterminate ? 'indeterminate' : 'determinate'}
        value={indeterminate ? undefined : job.progress}
        aria-label={t('jobs.progress', { kind })}
      />
      {restarting && (
        <Typography variant="body2" color="textSecondary" style={{ marginTop: 4 }}>
          {t('jobs.restartNote')}
        </Typography>
      )}
      {pollError && (
        <Typography variant="body2" color="error" style={{ marginTop: 4 }}>
          {t('jobs.pollFailed', { message: pollError })}
        </Typography>
      )}
    </Box>
  );
}
