import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { cccTranslationRef } from '../../translation';

const useStyles = makeStyles(theme => ({
  badge: {
    display: 'inline-block',
    minWidth: 48,
    padding: theme.spacing(0.25, 1),
    borderRadius: theme.shape.borderRadius,
    textAlign: 'center',
    fontWeight: theme.typography.fontWeightBold as number,
    color: theme.palette.common.white,
  },
  good: { backgroundColor: theme.palette.success.main },
  fair: { backgroundColor: theme.palette.warning.main },
  poor: { backgroundColor: theme.palette.error.main },
  none: { backgroundColor: theme.palette.grey[500] },
}));

/** Which colour a score gets: the same thresholds everywhere the score is shown. */
export function scoreTone(score: number | null): 'good' | 'fair' | 'poor' | 'none' {
  if (score === null) return 'none';
  if (score >= 80) return 'good';
  if (score >= 50) return 'fair';
  return 'poor';
}

/** A health score from 0 to 100 as a coloured badge, or "No score". */
export function ScoreBadge({ score, size = 'body2' }: { score: number | null; size?: 'body2' | 'h5' }) {
  const classes = useStyles();
  const { t } = useTranslationRef(cccTranslationRef);
  const tone = scoreTone(score);
  return (
    <Typography
      component="span"
      variant={size}
      className={`${classes.badge} ${classes[tone]}`}
      title={score === null ? undefined : t('health.scoreOf', { score: String(score) })}
    >
      {score === null ? t('health.noScore') : score}
    </Typography>
  );
}
