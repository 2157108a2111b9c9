import { CccWarningSeverity } from '@internal/plugin-ccc-common';
import { useTheme } from '@material-ui/core/styles';
import ErrorIcon from '@material-ui/icons/Error';
import InfoOutlinedIcon from '@material-ui/icons/InfoOutlined';
import SecurityIcon from '@material-ui/icons/Security';
import WarningIcon from '@material-ui/icons/Warning';

// Each class has its own shape as well as its own colour, so colour is never the only cue.
const ICONS: Record<CccWarningSeverity, typeof ErrorIcon> = {
  info: InfoOutlinedIcon,
  malfunction: WarningIcon,
  serious: ErrorIcon,
  security: SecurityIcon,
};

/** The icon of a severity class in its colour; decorative, the class is always written next to it. */
export function SeverityIcon({ severity }: { severity: CccWarningSeverity }) {
  const { palette } = useTheme();
  const colours: Record<CccWarningSeverity, string> = {
    info: palette.info.main,
    malfunction: palette.warning.main,
    serious: palette.error.main,
    security: palette.error.dark,
  };
  const Icon = ICONS[severity];
  return <Icon fontSize="small" aria-hidden style={{ color: colours[severity], verticalAlign: 'middle' }} />;
}
