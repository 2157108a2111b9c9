import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { MissingAnnotationEmptyState, useEntity } from '@backstage/plugin-catalog-react';
import { ANNOTATION_COMTREXX_SERIAL_NUMBER } from '@internal/plugin-ccc-common';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import useAsync from 'react-use/esm/useAsync';
import { cccApiRef } from '../../api/CccApi';
import { cccTranslationRef } from '../../translation';
import { errorMessage, hasStatus } from '../common/errors';
import { CallDataReadGate } from './CallDataReadGate';
import { SystemCallData } from './SystemCallData';

/**
 * The Call data tab of a catalog entity annotated with `auerswald.de/comtrexx-serial-number` (manual:
 * "Gesprächsdaten"): the calls the CCC collected from the COMtrexx, searched, filtered, sorted and paged by the
 * backend, and their export as gespr_dat.csv. Only for users who may read the system's call data.
 */
export function EntityCccCallDataContent() {
  const { entity } = useEntity();
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const serialNumber = entity.metadata.annotations?.[ANNOTATION_COMTREXX_SERIAL_NUMBER];
  const {
    value: system,
    loading,
    error,
  } = useAsync(async () => (serialNumber ? api.getSystemBySerial(serialNumber) : undefined), [api, serialNumber]);

  if (!serialNumber) {
    return <MissingAnnotationEmptyState annotation={ANNOTATION_COMTREXX_SERIAL_NUMBER} />;
  }
  if (loading) return <Progress />;
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
    <CallDataReadGate systemId={system.id}>
      <SystemCallData system={system} />
    </CallDataReadGate>
  );
}
