import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  CccJob,
  CccSystem,
  cccBackupCreatePermission,
  cccBackupDeletePermission,
  cccBackupReadPermission,
  cccBackupRestorePermission,
  cccBackupSchedulePermission,
  cccFirmwareUpdatePermission,
} from '@internal/plugin-ccc-common';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useCallback, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { cccApiRef } from '../../api/CccApi';
import { cccTranslationRef } from '../../translation';
import { errorMessage } from '../common/errors';
import { useRoleTexts } from '../common/roles';
import { FirmwareCard } from '../Firmware';
import { BackupReasons, BackupsSection } from './BackupsSection';

/**
 * Backups and firmware of one manageable system. What the user may do comes
 * from the access endpoint's `me.permissions` (the backend's own decision for
 * this system), read once for all actions of the tab. A finished restore or
 * firmware update restarted the PBX, so everything is read again then.
 */
export function SystemBackups({ system, onSystemChanged }: { system: CccSystem; onSystemChanged: () => void }) {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const roles = useRoleTexts();
  const { value: access, loading, error } = useAsyncRetry(() => api.getAccess(system.id), [api, system.id]);
  // Bumped after a restart so that both sections read the device again.
  const [reloadKey, setReloadKey] = useState(0);

  const onJobFinished = useCallback(
    (job: CccJob) => {
      if (job.kind === 'backup') return;
      setReloadKey(key => key + 1);
      onSystemChanged();
    },
    [onSystemChanged],
  );

  if (loading && !access) return <Progress />;
  if (!access) {
    return <Alert severity="error">{t('backups.permissionsLoadError', { message: errorMessage(error) })}</Alert>;
  }

  const reasonFor = (name: string) => (access.me.permissions.includes(name) ? undefined : roles.needsRole(name));
  const reasons: BackupReasons = {
    create: reasonFor(cccBackupCreatePermission.name),
    restore: reasonFor(cccBackupRestorePermission.name),
    delete: reasonFor(cccBackupDeletePermission.name),
    schedule: reasonFor(cccBackupSchedulePermission.name),
  };
  const readReason = reasonFor(cccBackupReadPermission.name);

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        {readReason ? (
          <InfoCard title={t('backups.title')}>
            <Typography variant="body2" color="textSecondary">
              {readReason}
            </Typography>
          </InfoCard>
        ) : (
          <BackupsSection system={system} reasons={reasons} reloadKey={reloadKey} onJobFinished={onJobFinished} />
        )}
      </Grid>
      <Grid item xs={12}>
        <FirmwareCard
          system={system}
          updateReason={reasonFor(cccFirmwareUpdatePermission.name)}
          reloadKey={reloadKey}
          onJobFinished={onJobFinished}
        />
      </Grid>
    </Grid>
  );
}
