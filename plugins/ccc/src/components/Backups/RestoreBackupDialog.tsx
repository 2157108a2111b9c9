import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccBackup, CccJob, CccSystem } from '@internal/plugin-ccc-common';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { useEffect, useId, useState } from 'react';
import { cccApiRef } from '../../api/CccApi';
import { cccTranslationRef } from '../../translation';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { errorMessage } from '../common/errors';
import { useDateFormat } from '../common/useDateFormat';
import { madeOnOlderFirmware } from './BackupsTable';

/**
 * Asks before restoring a backup (manual: the current configuration is
 * overwritten, the PBX restarts, older firmware may lack newer settings) and
 * starts the restore; `onStarted` gets the job to follow. The backup password
 * is only asked for when it changed since the backup was made.
 */
export function RestoreBackupDialog({
  system,
  backup,
  onClose,
  onStarted,
}: {
  system: Pick<CccSystem, 'id' | 'name' | 'device'>;
  /** The backup to restore; null closes the dialog. */
  backup: CccBackup | null;
  onClose: () => void;
  onStarted: (job: CccJob) => void;
}) {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const format = useDateFormat();
  const passwordId = useId();
  // The last backup stays shown while the dialog fades out.
  const [shown, setShown] = useState<CccBackup | null>(backup);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!backup) return;
    setShown(backup);
    setPassword('');
    setBusy(false);
    setError(null);
  }, [backup]);

  const date = shown ? format.dateTime(shown.createdAt) ?? shown.createdAt : '';
  const installed = system.device?.firmwareVersion ?? null;

  const confirm = async () => {
    if (!shown) return;
    setBusy(true);
    setError(null);
    try {
      const job = await api.restoreBackup(system.id, shown.id, password ? { password } : {});
      setBusy(false);
      onStarted(job);
    } catch (e) {
      setError(t('backups.restoreFailed', { message: errorMessage(e) }));
      setBusy(false);
    }
  };

  return (
    <ConfirmDialog
      open={backup !== null}
      title={t('backups.restoreTitle', { date })}
      description={t('backups.restoreDescription', { system: system.name })}
      confirmLabel={t('backups.restoreConfirm')}
      busyLabel={t('backups.restoring')}
      busy={busy}
      error={error}
      onCancel={onClose}
      onConfirm={confirm}
    >
      <Alert severity="info" style={{ marginBottom: 8 }}>
        {shown && madeOnOlderFirmware(shown, installed)
          ? t('backups.restoreOlderFirmware', { backup: shown.firmwareVersion, installed: installed ?? '' })
          : t('backups.restoreFirmwareNote')}
      </Alert>
      <TextField
        id={passwordId}
        type="password"
        label={t('backups.restorePassword')}
        helperText={t('backups.restorePasswordHelp')}
        value={password}
        onChange={e => setPassword(e.target.value)}
        disabled={busy}
        fullWidth
        margin="dense"
        variant="outlined"
        autoComplete="off"
      />
    </ConfirmDialog>
  );
}
