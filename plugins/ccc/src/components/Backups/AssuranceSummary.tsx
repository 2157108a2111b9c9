import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccBackupAssurance } from '@internal/plugin-ccc-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { cccTranslationRef } from '../../translation';
import { useDateFormat } from '../common/useDateFormat';
import { AssuranceChip } from './AssuranceChip';
import { useAssuranceTexts } from './assuranceTexts';
import { useAgeText } from './useAgeText';

/**
 * How the system's backups stand ("backup assurance"): the status with what
 * it means, the last success and the last failure with the device's reason.
 */
export function AssuranceSummary({ assurance }: { assurance: CccBackupAssurance }) {
  const { t } = useTranslationRef(cccTranslationRef);
  const texts = useAssuranceTexts();
  const format = useDateFormat();
  const age = useAgeText();
  const lastSuccess = format.dateTime(assurance.lastSuccessAt);
  const lastFailure = format.dateTime(assurance.lastFailureAt);

  return (
    <Box mb={1} aria-label={t('assurance.title')} role="group">
      <Box display="flex" alignItems="center" flexWrap="wrap" style={{ gap: 8 }}>
        <Typography variant="subtitle2" component="span">
          {t('assurance.title')}
        </Typography>
        <AssuranceChip status={assurance.status} />
        <Typography variant="body2" color="textSecondary" component="span">
          {texts.explanation(assurance.status)}
        </Typography>
      </Box>
      <Typography variant="body2">
        {t('assurance.lastSuccess')}:{' '}
        {lastSuccess ? `${lastSuccess} (${age(assurance.lastSuccessAt)})` : t('assurance.noSuccess')}
      </Typography>
      {lastFailure && (
        <Typography variant="body2" color={assurance.status === 'failed' ? 'error' : 'textSecondary'}>
          {t('assurance.lastFailure')}: {lastFailure}
          {assurance.lastFailureMessage && ` — ${assurance.lastFailureMessage}`}
        </Typography>
      )}
    </Box>
  );
}
