import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { MissingAnnotationEmptyState, useEntity } from '@backstage/plugin-catalog-react';
import { ANNOTATION_COMTREXX_SERIAL_NUMBER } from '@internal/plugin-ccc-common';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { cccApiRef } from '../../api/CccApi';
import { cccTranslationRef } from '../../translation';
import { CccSystemGate } from '../CccSystemGate';
import { errorMessage, hasStatus } from '../common/errors';
import { SystemBackups } from './SystemBackups';

/**
 * The Backup tab of a catalog entity annotated with
 * `auerswald.de/comtrexx-serial-number` (manual: "Backup" and "Update
 * einschließlich Neustart"): remote backups with schedule, retention and
 * assurance, and the firmware update, for systems the CCC may manage.
 */
export function EntityCccBackupContent() {
  const { entity } = useEntity();
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const serialNumber = entity.metadata.annotations?.[ANNOTATION_COMTREXX_SERIAL_NUMBER];
  const {
    value: system,
    loading,
    error,
    retry,
  } = useAsyncRetry(async () => (serialNumber ? api.getSystemBySerial(serialNumber) : undefined), [api, serialNumber]);

  if (!serialNumber) {
    return <MissingAnnotationEmptyState annotation={ANNOTATION_COMTREXX_SERIAL_NUMBER} />;
  }
  if (loading && !system) return <Progress />;
  if (error && hasStatus(error, 404)) {
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
  return (
    <CccSystemGate system={system}>
      {/* Keyed by system so that a followed job never carries over to another system. */}
      <SystemBackups key={system.id} system={system} onSystemChanged={retry} />
    </CccSystemGate>
  );
}
