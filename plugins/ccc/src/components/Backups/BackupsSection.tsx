import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccBackup, CccJob, CccSystem } from '@internal/plugin-ccc-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import BackupIcon from '@material-ui/icons/Backup';
import DeleteIcon from '@material-ui/icons/Delete';
import RefreshIcon from '@material-ui/icons/Refresh';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { useEffect, useMemo, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { cccApiRef } from '../../api/CccApi';
import { cccTranslationRef } from '../../translation';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { errorMessage } from '../common/errors';
import { WithReason } from '../common/WithReason';
import { JobProgress, useJobFollower } from '../Jobs';
import { AssuranceSummary } from './AssuranceSummary';
import { BackupsTable } from './BackupsTable';
import { RestoreBackupDialog } from './RestoreBackupDialog';
import { RetentionCard } from './RetentionCard';
import { ScheduleCard } from './ScheduleCard';

/** Why an action is unavailable (a missing permission), per action; undefined when allowed. */
export interface BackupReasons {
  create?: string;
  restore?: string;
  delete?: string;
  schedule?: string;
}

/**
 * The remote backups of a system (manual: "Backup"): assurance, the backups
 * on the backup server with create, restore and delete, the automatic
 * interval and the retention. A backup or restore is followed until it ends;
 * one found running when the tab opens is followed too.
 */
export function BackupsSection({
  system,
  reasons,
  reloadKey,
  onJobFinished,
}: {
  system: CccSystem;
  reasons: BackupReasons;
  reloadKey: number;
  onJobFinished: (job: CccJob) => void;
}) {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const {
    value: overview,
    loading,
    error,
    retry,
  } = useAsyncRetry(() => api.getBackups(system.id), [api, system.id, reloadKey]);
  const { job, pollError, follow, dismiss } = useJobFollower(system.id, finished => {
    // A new backup shows up in the list; after a restore the parent reads everything again.
    retry();
    onJobFinished(finished);
  });

  const [creating, setCreating] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [deleteOpen, setDeleteOpen] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<CccBackup | null>(null);

  // A backup or restore started elsewhere (another user, or before a reload) is followed as well.
  const runningJob = overview?.runningJob;
  const followedId = job?.id;
  useEffect(() => {
    if (runningJob && runningJob.id !== followedId) follow(runningJob);
  }, [runningJob, followedId, follow]);

  const backups = useMemo(
    () => [...(overview?.backups ?? [])].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt)),
    [overview],
  );
  // Only backups still listed count: a deleted one must not stay selected unseen.
  const selectedBackups = backups.filter(b => selected.has(b.id));

  if (loading && !overview) return <Progress />;
  if (!overview) {
    return <Alert severity="error">{t('backups.loadError', { message: errorMessage(error) })}</Alert>;
  }

  const busy = job?.state === 'running';
  const busyReason = busy ? t('backups.busy') : undefined;
  const notConfiguredReason = overview.configured ? undefined : t('backups.notConfiguredTitle');
  const createReason = reasons.create ?? notConfiguredReason ?? busyReason;

  const create = async () => {
    setCreating(true);
    setActionError(null);
    try {
      follow(await api.createBackup(system.id));
    } catch (e) {
      setActionError(t('backups.createFailed', { message: errorMessage(e) }));
    } finally {
      setCreating(false);
    }
  };

  const deleteSelected = async () => {
    setDeleting(true);
    setDeleteError(null);
    try {
      await api.deleteBackups(
        system.id,
        selectedBackups.map(b => b.id),
      );
      setSelected(new Set());
      setDeleteOpen(false);
    } catch (e) {
      // The backend stops at the first refusal and names the ones it deleted before.
      setDeleteError(t('backups.deleteFailed', { message: errorMessage(e) }));
    } finally {
      setDeleting(false);
      retry();
    }
  };

  const toggle = (id: string) =>
    setSelected(prev => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const toggleAll = () =>
    setSelected(selectedBackups.length === backups.length ? new Set() : new Set(backups.map(b => b.id)));

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard
          title={t('backups.title')}
          subheader={
            overview.serverAddress ? t('backups.serverAddress', { address: overview.serverAddress }) : undefined
          }
          action={
            <Box display="flex" alignItems="center">
              <IconButton
                aria-label={t('common.refresh')}
                title={t('common.refresh')}
                onClick={retry}
                disabled={loading}
              >
                <RefreshIcon />
              </IconButton>
              <WithReason reason={createReason}>
                <Button
                  color="primary"
                  variant="contained"
                  startIcon={<BackupIcon />}
                  title={createReason ? undefined : t('backups.createHint')}
                  disabled={!!createReason || creating}
                  onClick={create}
                >
                  {creating ? t('backups.creating') : t('backups.createNow')}
                </Button>
              </WithReason>
            </Box>
          }
        >
          {error && (
            <Alert severity="error" style={{ marginBottom: 8 }}>
              {t('backups.loadError', { message: errorMessage(error) })}
            </Alert>
          )}
          {!overview.configured && (
            <Alert severity="warning" style={{ marginBottom: 8 }}>
              <AlertTitle>{t('backups.notConfiguredTitle')}</AlertTitle>
              {t('backups.notConfigured')}
            </Alert>
          )}
          <AssuranceSummary assurance={overview.assurance} />
          {job && <JobProgress job={job} pollError={pollError} onDismiss={dismiss} />}
          {actionError && (
            <Alert severity="error" onClose={() => setActionError(null)} style={{ marginTop: 8 }}>
              {actionError}
            </Alert>
          )}
          {overview.configured && (
            <>
              <Box display="flex" alignItems="center" minHeight={40} mt={1}>
                <Typography variant="subtitle2">{t('backups.available')}</Typography>
                <Box flexGrow={1} />
                {selectedBackups.length > 0 && (
                  <>
                    <Typography variant="body2" style={{ marginRight: 8 }}>
                      {t('backups.selected', { count: selectedBackups.length })}
                    </Typography>
                    <WithReason reason={reasons.delete ?? busyReason}>
                      <Button
                        color="secondary"
                        variant="outlined"
                        startIcon={<DeleteIcon />}
                        disabled={!!(reasons.delete ?? busyReason)}
                        onClick={() => {
                          setDeleteError(null);
                          setDeleteOpen(true);
                        }}
                      >
                        {t('backups.delete')}
                      </Button>
                    </WithReason>
                  </>
                )}
              </Box>
              <BackupsTable
                backups={backups}
                installedFirmware={system.device?.firmwareVersion ?? null}
                selected={selected}
                onToggle={toggle}
                onToggleAll={toggleAll}
                selectReason={reasons.delete}
                restoreReason={reasons.restore ?? busyReason}
                onRestore={setRestoring}
              />
            </>
          )}
        </InfoCard>
      </Grid>
      {overview.configured && (
        <Grid item xs={12} md={6}>
          <ScheduleCard
            systemId={system.id}
            schedule={overview.schedule}
            reason={reasons.schedule}
            onSaved={retry}
          />
        </Grid>
      )}
      <Grid item xs={12} md={6}>
        <RetentionCard
          systemId={system.id}
          retention={overview.retention}
          reason={reasons.schedule}
          onSaved={retry}
        />
      </Grid>
      <ConfirmDialog
        open={deleteOpen}
        title={t('backups.deleteTitle', { count: selectedBackups.length })}
        description={t('backups.deleteDescription')}
        confirmLabel={t('backups.delete')}
        busyLabel={t('backups.deleting')}
        busy={deleting}
        error={deleteError}
        onCancel={() => setDeleteOpen(false)}
        onConfirm={deleteSelected}
      />
      <RestoreBackupDialog
        system={system}
        backup={restoring}
        onClose={() => setRestoring(null)}
        onStarted={started => {
          setRestoring(null);
          setActionError(null);
          follow(started);
        }}
      />
    </Grid>
  );
}
