import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccSmtpCheckResult } from '@internal/plugin-ccc-common';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { cccTranslationRef } from '../../translation';

/** The outcome of "Check" on a server: what was sent, or why the check could not run at all. */
export type SmtpCheckOutcome =
  | { name: string; result: CccSmtpCheckResult }
  | { name: string; error: string };

/**
 * Shows what a test mail did: the backend's sentence in plain words and the
 * mail server's own last reply, which is what a provider's support asks for.
 */
export function SmtpCheckResultAlert({ outcome, onClose }: { outcome: SmtpCheckOutcome; onClose: () => void }) {
  const { t } = useTranslationRef(cccTranslationRef);
  if ('error' in outcome) {
    return (
      <Alert severity="error" role="alert" style={{ marginBottom: 8 }} onClose={onClose}>
        {t('smtp.checkFailed', { name: outcome.name, message: outcome.error })}
      </Alert>
    );
  }
  const { result } = outcome;
  return (
    <Alert severity={result.delivered ? 'success' : 'error'} role="alert" style={{ marginBottom: 8 }} onClose={onClose}>
      <AlertTitle>
        {result.delivered
          ? t('smtp.checkDelivered', { name: outcome.name })
          : t('smtp.checkNotDelivered', { name: outcome.name })}
      </AlertTitle>
      <Typography variant="body2">{result.message}</Typography>
      {result.response && (
        <Typography variant="body2" style={{ fontFamily: 'monospace', marginTop: 4 }}>
          {t('smtp.checkResponse', { response: result.response })}
        </Typography>
      )}
    </Alert>
  );
}
