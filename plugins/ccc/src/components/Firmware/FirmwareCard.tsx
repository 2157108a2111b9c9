import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccJob, CccSystem } from '@internal/plugin-ccc-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import IconButton from '@material-ui/core/IconButton';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import RefreshIcon from '@material-ui/icons/Refresh';
import SystemUpdateIcon from '@material-ui/icons/SystemUpdate';
import Alert from '@material-ui/lab/Alert';
import { ReactNode, useEffect, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { cccApiRef } from '../../api/CccApi';
import { cccTranslationRef } from '../../translation';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { errorMessage } from '../common/errors';
import { WithReason } from '../common/WithReason';
import { JobProgress, useJobFollower } from '../Jobs';
import { DeviceUpdateStatus } from './DeviceUpdateStatus';
import { FirmwareHistoryTable } from './FirmwareHistoryTable';

/**
 * The firmware of a system (manual: "Update einschließlich Neustart"):
 * installed and available version, "update now including restart" followed
 * through the reboot until the PBX is back, the device's own update status
 * and the updates started in the CCC.
 */
export function FirmwareCard({
  system,
  updateReason,
  reloadKey,
  onJobFinished,
}: {
  system: Pick<CccSystem, 'id' | 'name'>;
  /** Why the update cannot be started (missing permission); undefined when it can. */
  updateReason?: string;
  reloadKey: number;
  onJobFinished: (job: CccJob) => void;
}) {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const {
    value: firmware,
    loading,
    error,
    retry,
  } = useAsyncRetry(() => api.getFirmware(system.id), [api, system.id, reloadKey]);
  const { job, pollError, follow, dismiss } = useJobFollower(system.id, finished => {
    retry();
    onJobFinished(finished);
  });
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);

  // An update started elsewhere (another user, or before a reload) is followed as well.
  const runningJob = firmware?.runningJob;
  const followedId = job?.id;
  useEffect(() => {
    if (runningJob && runningJob.id !== followedId) follow(runningJob);
  }, [runningJob, followedId, follow]);

  const refreshButton = (
    <IconButton aria-label={t('common.refresh')} title={t('common.refresh')} onClick={retry} disabled={loading}>
      <RefreshIcon />
    </IconButton>
  );

  if (!firmware) {
    return (
      <InfoCard title={t('firmware.title')} action={refreshButton}>
        {loading ? (
          <Progress />
        ) : (
          <Alert severity="error">{t('firmware.loadError', { message: errorMessage(error) })}</Alert>
        )}
      </InfoCard>
    );
  }

  const busy = job?.state === 'running';
  let reason = updateReason;
  if (!reason && busy) reason = t('firmware.busy');
  if (!reason && !firmware.available) {
    reason = firmware.updateServerReachable ? t('firmware.noUpdate') : t('firmware.serverUnreachableReason');
  }

  const start = async () => {
    setStarting(true);
    setStartError(null);
    try {
      follow(await api.startFirmwareUpdate(system.id));
      setConfirmOpen(false);
    } catch (e) {
      setStartError(t('firmware.startFailed', { message: errorMessage(e) }));
    } finally {
      setStarting(false);
    }
  };

  let availableText: ReactNode = firmware.available ?? t('firmware.upToDate');
  if (!firmware.updateServerReachable) availableText = t('firmware.serverUnreachable');
  const rows: Array<[string, ReactNode]> = [
    [t('firmware.installed'), firmware.installed],
    [t('firmware.available'), availableText],
    [t('firmware.deviceStatus'), <DeviceUpdateStatus device={firmware.device} />],
  ];

  return (
    <InfoCard
      title={t('firmware.title')}
      action={
        <Box display="flex" alignItems="center">
          {refreshButton}
          <WithReason reason={reason}>
            <Button
              color="primary"
              variant="contained"
              startIcon={<SystemUpdateIcon />}
              title={reason ? undefined : t('firmware.updateHint', { version: firmware.available ?? '' })}
              disabled={!!reason}
              onClick={() => {
                setStartError(null);
                setConfirmOpen(true);
              }}
            >
              {t('firmware.updateNow')}
            </Button>
          </WithReason>
        </Box>
      }
    >
      {error && (
        <Alert severity="error" style={{ marginBottom: 8 }}>
          {t('firmware.loadError', { message: errorMessage(error) })}
        </Alert>
      )}
      {job && <JobProgress job={job} pollError={pollError} onDismiss={dismiss} />}
      <Grid container spacing={3}>
        <Grid item xs={12} md={5}>
          <Table size="small" aria-label={t('firmware.versions')}>
            <TableBody>
              {rows.map(([label, value]) => (
                <TableRow key={label}>
                  <TableCell component="th" scope="row" role="rowheader" style={{ width: '45%', verticalAlign: 'top' }}>
                    {label}
                  </TableCell>
                  <TableCell>{value}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Grid>
        <Grid item xs={12} md={7}>
          <Typography variant="subtitle2" gutterBottom>
            {t('firmware.history')}
          </Typography>
          <FirmwareHistoryTable jobs={firmware.history} />
        </Grid>
      </Grid>
      <ConfirmDialog
        open={confirmOpen}
        title={t('firmware.confirmTitle', { system: system.name, version: firmware.available ?? '' })}
        description={t('firmware.confirmDescription', { version: firmware.available ?? '' })}
        confirmLabel={t('firmware.confirm')}
        busyLabel={t('firmware.starting')}
        busy={starting}
        error={startError}
        onCancel={() => setConfirmOpen(false)}
        onConfirm={start}
      />
    </InfoCard>
  );
}
