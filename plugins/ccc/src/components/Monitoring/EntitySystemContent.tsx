import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { MissingAnnotationEmptyState, useEntity } from '@backstage/plugin-catalog-react';
import { ANNOTATION_COMTREXX_SERIAL_NUMBER, CccSystem } from '@internal/plugin-ccc-common';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { ReactNode } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { cccApiRef } from '../../api/CccApi';
import { cccTranslationRef } from '../../translation';
import { errorMessage, hasStatus } from '../common/errors';

/**
 * Finds the system of the entity on an entity tab (by its serial-number
 * annotation) and renders `children` with it; says what is wrong when the
 * annotation is missing, the system is not registered or cannot be loaded,
 * the same way the overview and Access tabs do.
 */
export function EntitySystemContent({ children }: { children: (system: CccSystem) => ReactNode }) {
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
  return <>{children(system)}</>;
}
