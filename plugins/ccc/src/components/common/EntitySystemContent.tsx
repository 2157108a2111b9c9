import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { MissingAnnotationEmptyState, useEntity } from '@backstage/plugin-catalog-react';
import { ANNOTATION_COMTREXX_SERIAL_NUMBER, CccSystem } from '@internal/plugin-ccc-common';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { ReactNode } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { cccApiRef } from '../../api/CccApi';
import { cccTranslationRef } from '../../translation';
import { errorMessage, hasStatus } from './errors';

/**
 * Finds the COMtrexx of an entity tab by its serial-number annotation and
 * renders `children` with it (and a way to load it again after a change);
 * says what is wrong when the annotation is missing, the system is not
 * registered or cannot be loaded. Every CCC entity tab starts with it.
 */
export function EntitySystemContent({ children }: { children: (system: CccSystem, reload: () => void) => ReactNode }) {
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
  return <>{children(system, retry)}</>;
}
