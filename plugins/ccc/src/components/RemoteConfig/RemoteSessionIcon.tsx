import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccSystem } from '@internal/plugin-ccc-common';
import Tooltip from '@material-ui/core/Tooltip';
import SettingsRemoteIcon from '@material-ui/icons/SettingsRemote';
import { cccTranslationRef } from '../../translation';

/**
 * The "active connection to the Remote-Access-Server" icon of the systems
 * overview (manual: "Fernkonfiguration"), as of the last status poll.
 */
export function RemoteSessionIcon({ system }: { system: CccSystem }) {
  const { t } = useTranslationRef(cccTranslationRef);
  if (!system.device?.remoteSessionActive) return null;
  return (
    <Tooltip title={t('remoteSessionIcon.active')}>
      {/* titleAccess: MUI hides an icon from assistive technology unless it has one. */}
      <SettingsRemoteIcon
        titleAccess={t('remoteSessionIcon.active')}
        color="primary"
        fontSize="small"
        style={{ verticalAlign: 'middle', marginLeft: 4 }}
      />
    </Tooltip>
  );
}
