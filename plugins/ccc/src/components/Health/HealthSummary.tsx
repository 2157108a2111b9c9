import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { SCORE_CHECKS } from '@internal/plugin-ccc-common';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import useAsync from 'react-use/esm/useAsync';
import { cccApiRef } from '../../api/CccApi';
import { cccTranslationRef } from '../../translation';
import { errorMessage } from '../common/errors';
import { CheckIcon } from './CheckIcon';
import { ScoreBadge } from './ScoreBadge';
import { useCheckTexts } from './useCheckTexts';

/**
 * The health score of one system for its overview tab: the score, every
 * check as an icon, and the checks that warn or fail in words.
 */
export function HealthSummary({ systemId }: { systemId: string }) {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const texts = useCheckTexts();
  const { value: card, loading, error } = useAsync(() => api.getScorecard(systemId), [api, systemId]);

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error || !card) {
    body = <Alert severity="error">{t('health.summaryLoadError', { message: errorMessage(error) })}</Alert>;
  } else {
    const checks = SCORE_CHECKS.flatMap(id => card.checks.filter(check => check.id === id));
    const findings = checks.filter(check => check.status === 'warn' || check.status === 'fail');
    body = (
      <>
        <Box display="flex" alignItems="center" flexWrap="wrap" mb={1}>
          <Box mr={2}>
            <ScoreBadge score={card.score} size="h5" />
          </Box>
          {checks.map(check => (
            <CheckIcon key={check.id} check={check} />
          ))}
        </Box>
        {findings.length === 0 ? (
          <Typography variant="body2" color="textSecondary">
            {card.score === null ? t('health.summaryNoScore') : t('health.allPassed')}
          </Typography>
        ) : (
          <List dense disablePadding aria-label={t('health.columns.findings')}>
            {findings.map(check => (
              <ListItem key={check.id} disableGutters>
                <ListItemIcon style={{ minWidth: 32 }}>
                  <CheckIcon check={check} />
                </ListItemIcon>
                <ListItemText primary={texts.name(check)} secondary={texts.explanation(check)} />
              </ListItem>
            ))}
          </List>
        )}
      </>
    );
  }

  return <InfoCard title={t('health.summaryTitle')}>{body}</InfoCard>;
}
