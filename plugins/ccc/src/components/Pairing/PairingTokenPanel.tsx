import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { PAIRING_TOKEN_VALIDITY_HOURS, PairingToken } from '@internal/plugin-ccc-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { cccTranslationRef } from '../../translation';
import { CopyButton } from '../common/CopyButton';
import { useDateFormat } from '../common/useDateFormat';

/**
 * A fresh confirmation code (token), large enough to read out, with its
 * validity and the steps to confirm it on the COMtrexx (manual, "Einrichten
 * der COMtrexx", step 5).
 */
export function PairingTokenPanel({ token }: { token: PairingToken }) {
  const { t } = useTranslationRef(cccTranslationRef);
  const format = useDateFormat();
  return (
    <div>
      <Typography variant="overline" component="p">
        {t('pairing.code')}
      </Typography>
      <Box display="flex" alignItems="center" mb={1}>
        <Typography
          component="code"
          data-testid="pairing-token"
          style={{ fontFamily: 'monospace', fontSize: '1.75rem', letterSpacing: '0.08em', userSelect: 'all' }}
        >
          {token.code}
        </Typography>
        <Box ml={1}>
          <CopyButton text={token.code} size="medium" />
        </Box>
      </Box>
      <Typography variant="body2" gutterBottom>
        {t('pairing.validity', {
          hours: String(PAIRING_TOKEN_VALIDITY_HOURS),
          time: format.dateTime(token.expiresAt) ?? token.expiresAt,
        })}
      </Typography>
      <Typography variant="subtitle2" component="p" style={{ marginTop: 16 }}>
        {t('pairing.stepsTitle')}
      </Typography>
      <Typography variant="body2" component="ol" style={{ paddingLeft: 20, marginTop: 4 }}>
        <li>{t('pairing.step1')}</li>
        <li>{t('pairing.step2')}</li>
        <li>{t('pairing.step3')}</li>
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {t('pairing.afterwards')}
      </Typography>
    </div>
  );
}
