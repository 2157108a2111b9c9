import { makeStyles } from '@material-ui/core/styles';
import { SvgIconProps } from '@material-ui/core/SvgIcon';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { ComponentType } from 'react';

/** How good a state is; decides the icon's colour. */
export type StateTone = 'ok' | 'warning' | 'error' | 'neutral';

const useStyles = makeStyles(theme => ({
  root: { display: 'inline-flex', alignItems: 'center', gap: theme.spacing(0.75) },
  ok: { color: theme.palette.success.main },
  warning: { color: theme.palette.warning.main },
  error: { color: theme.palette.error.main },
  neutral: { color: theme.palette.text.secondary },
}));

/**
 * A state as a coloured icon followed by its text; the icon is decoration,
 * the text says it (also to screen readers). `description` becomes a tooltip.
 */
export function StateLabel({
  icon: Icon,
  tone,
  text,
  description,
}: {
  icon: ComponentType<SvgIconProps>;
  tone: StateTone;
  text: string;
  description?: string;
}) {
  const classes = useStyles();
  const label = (
    <Typography component="span" variant="body2" className={classes.root} data-tone={tone}>
      <Icon fontSize="small" className={classes[tone]} aria-hidden />
      {text}
    </Typography>
  );
  return description ? <Tooltip title={description}>{label}</Tooltip> : label;
}
