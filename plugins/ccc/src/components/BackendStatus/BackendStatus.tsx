import { InfoCard, Progress, StatusError, StatusOK, StatusWarning } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccDependencyHealth, CccHealth } from '@internal/plugin-ccc-common';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Alert from '@material-ui/lab/Alert';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { cccApiRef } from '../../api/CccApi';
import { cccTranslationRef } from '../../translation';

type AnyStatus = CccHealth['status'] | CccDependencyHealth['status'];

function StatusText({ status }: { status: AnyStatus }) {
  const { t } = useTranslationRef(cccTranslationRef);
  switch (status) {
    case 'ok':
      return <StatusOK>{t('backendStatus.status.ok')}</StatusOK>;
    case 'degraded':
      return <StatusWarning>{t('backendStatus.status.degraded')}</StatusWarning>;
    case 'not-configured':
      return <StatusWarning>{t('backendStatus.status.notConfigured')}</StatusWarning>;
    default:
      return <StatusError>{t('backendStatus.status.down')}</StatusError>;
  }
}

function DependencyRow({ label, health }: { label: string; health: CccDependencyHealth }) {
  const { t } = useTranslationRef(cccTranslationRef);
  return (
    <TableRow>
      <TableCell component="th" scope="row">
        {label}
      </TableCell>
      <TableCell>
        <StatusText status={health.status} />
        {health.message ? ` (${health.message})` : null}
      </TableCell>
      <TableCell align="right">
        {health.latencyMs !== undefined ? t('backendStatus.latency', { ms: String(health.latencyMs) }) : ''}
      </TableCell>
    </TableRow>
  );
}

/** Card that shows whether the CCC backend, its database and the device side answer. */
export function BackendStatus() {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const { value, loading, error, retry } = useAsyncRetry(() => api.getHealth(), [api]);

  let body;
  if (loading) {
    body = (
      <>
        <Progress />
        <span>{t('backendStatus.loading')}</span>
      </>
    );
  } else if (error) {
    const notInstalled = (error as { response?: { status?: number } }).response?.status === 404;
    body = (
      <Alert severity="error">
        {notInstalled ? t('backendStatus.notInstalled') : t('backendStatus.loadError', { message: error.message })}
      </Alert>
    );
  } else if (value) {
    body = (
      <Table size="small" aria-label={t('backendStatus.title')}>
        <TableBody>
          <TableRow>
            <TableCell component="th" scope="row">
              {t('backendStatus.overall')}
            </TableCell>
            <TableCell>
              <StatusText status={value.status} />
            </TableCell>
            <TableCell />
          </TableRow>
          <DependencyRow label={t('backendStatus.database')} health={value.database} />
          <DependencyRow label={t('backendStatus.devices')} health={value.devices} />
        </TableBody>
      </Table>
    );
  }

  return (
    <InfoCard
      title={t('backendStatus.title')}
      action={
        <Button size="small" onClick={retry} disabled={loading}>
          {t('backendStatus.refresh')}
        </Button>
      }
    >
      {body}
    </InfoCard>
  );
}
