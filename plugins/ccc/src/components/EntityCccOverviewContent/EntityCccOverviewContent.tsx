import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { MissingAnnotationEmptyState, useEntity } from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_COMTREXX_SERIAL_NUMBER,
  CccSystem,
  cccSystemUpdatePermission,
  licencePageUrl,
} from '@internal/plugin-ccc-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import EditIcon from '@material-ui/icons/Edit';
import OpenInNewIcon from '@material-ui/icons/OpenInNew';
import RefreshIcon from '@material-ui/icons/Refresh';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { ReactNode, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { cccApiRef } from '../../api/CccApi';
import { cccTranslationRef } from '../../translation';
import { CccSystemGate } from '../CccSystemGate';
import { errorMessage, hasStatus } from '../common/errors';
import { useDateFormat } from '../common/useDateFormat';
import { useSystemPermission } from '../common/usePermissionWithReason';
import { WithReason } from '../common/WithReason';
import { DeviceStateDisplay } from '../DeviceState';
import { EditSystemDialog } from '../EditSystemDialog';
import { HealthSummary, MaintenanceWarning } from '../Health';
import { PairingControls } from '../Pairing';
import { RemoteConfigCard } from '../RemoteConfig';

function MaintenanceText({ system }: { system: CccSystem }) {
  const { t } = useTranslationRef(cccTranslationRef);
  const format = useDateFormat();
  const maintenance = system.device?.maintenance;
  if (!maintenance) return <>{t('overview.notReadYet')}</>;
  const date = format.date(maintenance.validUntil);
  if (maintenance.active) {
    return <>{date ? t('overview.maintenanceActiveUntil', { date }) : t('overview.maintenanceActive')}</>;
  }
  return <>{date ? t('overview.maintenanceEnded', { date }) : t('overview.maintenanceInactive')}</>;
}

function DeviceAddressText({ system }: { system: CccSystem }) {
  const { t } = useTranslationRef(cccTranslationRef);
  const { url, allowSelfSignedTls } = system.deviceAddress;
  return (
    <>
      {url ? <span style={{ fontFamily: 'monospace' }}>{url}</span> : t('overview.deviceAddressGateway')}
      {allowSelfSignedTls && (
        <Typography variant="body2" color="textSecondary" component="span" style={{ display: 'block' }}>
          {t('overview.selfSignedAccepted')}
        </Typography>
      )}
    </>
  );
}

function SystemDetails({ system, onChanged }: { system: CccSystem; onChanged: () => void }) {
  const { t } = useTranslationRef(cccTranslationRef);
  const format = useDateFormat();
  const none = t('common.none');
  const rows: Array<[string, ReactNode]> = [
    [t('overview.fields.name'), system.name],
    [
      t('overview.fields.state'),
      <>
        <DeviceStateDisplay system={system} />
        <PairingControls system={system} onChanged={onChanged} />
      </>,
    ],
    [t('overview.fields.model'), system.device?.model ?? none],
    [t('overview.fields.firmware'), system.device?.firmwareVersion ?? none],
    [t('overview.fields.serialNumber'), <span style={{ fontFamily: 'monospace' }}>{system.serialNumber}</span>],
    [t('overview.fields.maintenance'), <MaintenanceText system={system} />],
    [t('overview.fields.deviceAddress'), <DeviceAddressText system={system} />],
    [t('overview.fields.firstRegistration'), format.date(system.firstRegisteredAt) ?? none],
    [t('overview.fields.lastSeen'), format.dateTime(system.lastSeenAt) ?? none],
  ];
  return (
    <Table size="small" aria-label={t('overview.title')}>
      <TableBody>
        {rows.map(([label, value]) => (
          <TableRow key={label}>
            {/* MUI v4 would give this th the role "cell"; it labels the value next to it. */}
            <TableCell component="th" scope="row" role="rowheader" style={{ width: '35%', verticalAlign: 'top' }}>
              {label}
            </TableCell>
            <TableCell>{value}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Opens the edit dialog; needs the update permission on the system and says so when it is missing. */
function EditButton({ systemId, onClick }: { systemId: string; onClick: () => void }) {
  const { t } = useTranslationRef(cccTranslationRef);
  const update = useSystemPermission(cccSystemUpdatePermission, systemId);
  return (
    <WithReason reason={update.reason}>
      <Button
        onClick={onClick}
        disabled={!update.allowed}
        title={update.reason ? undefined : t('overview.editHint')}
        startIcon={<EditIcon />}
      >
        {t('overview.edit')}
      </Button>
    </WithReason>
  );
}

/**
 * The COMtrexx tab of a catalog entity annotated with
 * `auerswald.de/comtrexx-serial-number`: device state, system information,
 * licences, and which CCC functions the system's state allows.
 */
export function EntityCccOverviewContent() {
  const { entity } = useEntity();
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const serialNumber = entity.metadata.annotations?.[ANNOTATION_COMTREXX_SERIAL_NUMBER];
  const [refreshing, setRefreshing] = useState(false);
  const [refreshError, setRefreshError] = useState<string | null>(null);
  const [editOpen, setEditOpen] = useState(false);

  const {
    value: system,
    loading,
    error,
    retry,
  } = useAsyncRetry(async () => (serialNumber ? api.getSystemBySerial(serialNumber) : undefined), [api, serialNumber]);

  if (!serialNumber) {
    return <MissingAnnotationEmptyState annotation={ANNOTATION_COMTREXX_SERIAL_NUMBER} />;
  }
  if (loading && !system) {
    return <Progress />;
  }
  if (error && hasStatus(error, 404)) {
    // The entity outlived its system (deleted in the CCC, or the annotation was copied by hand).
    return (
      <Alert severity="info">
        <AlertTitle>{t('overview.notRegisteredTitle')}</AlertTitle>
        {t('overview.notRegistered', { serialNumber, annotation: ANNOTATION_COMTREXX_SERIAL_NUMBER })}
      </Alert>
    );
  }
  if (!system) {
    return <Alert severity="error">{t('overview.loadError', { message: errorMessage(error) })}</Alert>;
  }

  const refresh = async () => {
    setRefreshing(true);
    setRefreshError(null);
    try {
      // The answer is the fresh state; loading again keeps one source of truth for the view.
      await api.refreshSystem(system.id);
      retry();
    } catch (e) {
      setRefreshError(errorMessage(e));
    } finally {
      setRefreshing(false);
    }
  };

  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={8}>
        <InfoCard
          title={t('overview.title')}
          action={
            <Box display="flex" alignItems="center">
              <Button
                href={licencePageUrl(system.serialNumber)}
                target="_blank"
                rel="noopener noreferrer"
                title={`${t('overview.licencesHint')} ${t('common.opensInNewTab')}`}
                endIcon={<OpenInNewIcon fontSize="small" />}
              >
                {t('overview.licences')}
              </Button>
              <Button
                onClick={refresh}
                disabled={refreshing || loading}
                title={t('overview.refreshHint')}
                startIcon={<RefreshIcon />}
              >
                {refreshing ? t('overview.refreshing') : t('common.refresh')}
              </Button>
              <EditButton systemId={system.id} onClick={() => setEditOpen(true)} />
            </Box>
          }
        >
          {refreshError && (
            <Alert severity="error" style={{ marginBottom: 8 }}>
              {t('overview.refreshFailed', { message: refreshError })}
            </Alert>
          )}
          <SystemDetails system={system} onChanged={retry} />
          {/* Saving reloads the system, so the card shows what the backend stored. */}
          <EditSystemDialog system={system} open={editOpen} onClose={() => setEditOpen(false)} onSaved={retry} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={4}>
        <MaintenanceWarning system={system} />
        <CccSystemGate system={system}>
          <Alert severity="success">{t('overview.allAvailable')}</Alert>
        </CccSystemGate>
      </Grid>
      <Grid item xs={12} md={6}>
        <HealthSummary systemId={system.id} />
      </Grid>
      <Grid item xs={12} md={6}>
        <RemoteConfigCard system={system} />
      </Grid>
    </Grid>
  );
}
