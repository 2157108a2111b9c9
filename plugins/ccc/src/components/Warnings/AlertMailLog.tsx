import { InfoCard, Progress, StatusAborted, StatusError, StatusOK, StatusWarning } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import IconButton from '@material-ui/core/IconButton';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import RefreshIcon from '@material-ui/icons/Refresh';
import Alert from '@material-ui/lab/Alert';
import { ReactElement } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { cccApiRef } from '../../api/CccApi';
import { CccAlertStatus } from '../../api/smtpTypes';
import { cccTranslationRef } from '../../translation';
import { errorMessage } from '../common/errors';
import { useDateFormat } from '../common/useDateFormat';

// The status components are aria-hidden icons; the status is written next to them.
const STATUS_ICONS: Record<CccAlertStatus, ReactElement> = {
  sent: <StatusOK />,
  failed: <StatusError />,
  no_server: <StatusWarning />,
  suppressed: <StatusAborted />,
};

const STATUS_KEYS = {
  sent: 'alertMails.status.sent',
  failed: 'alertMails.status.failed',
  no_server: 'alertMails.status.noServer',
  suppressed: 'alertMails.status.suppressed',
} as const;

/**
 * What alerting did with a system's warnings, newest first: mails sent,
 * failed (with the mail server's error), no server to send through, or left
 * out because the same warnings went out within the cooldown.
 */
export function AlertMailLog({ systemId }: { systemId: string }) {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const format = useDateFormat();
  const { value: deliveries, loading, error, retry } = useAsyncRetry(
    () => api.listAlertDeliveries(systemId),
    [api, systemId],
  );

  let body;
  if (loading && !deliveries) {
    body = <Progress />;
  } else if (error && !deliveries) {
    body = <Alert severity="error">{t('alertMails.loadError', { message: errorMessage(error) })}</Alert>;
  } else if (!deliveries || deliveries.length === 0) {
    body = (
      <Typography variant="body2" color="textSecondary">
        {t('alertMails.empty')}
      </Typography>
    );
  } else {
    body = (
      <Table size="small" aria-label={t('alertMails.title')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('alertMails.columns.time')}</TableCell>
            <TableCell>{t('alertMails.columns.status')}</TableCell>
            <TableCell>{t('alertMails.columns.warnings')}</TableCell>
            <TableCell>{t('alertMails.columns.recipient')}</TableCell>
            <TableCell>{t('alertMails.columns.subject')}</TableCell>
            <TableCell>{t('alertMails.columns.error')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {deliveries.map(delivery => (
            <TableRow key={delivery.id}>
              <TableCell component="th" scope="row" role="rowheader" style={{ whiteSpace: 'nowrap' }}>
                {format.dateTime(delivery.at) ?? delivery.at}
              </TableCell>
              <TableCell style={{ whiteSpace: 'nowrap' }}>
                {STATUS_ICONS[delivery.status]}
                {t(STATUS_KEYS[delivery.status])}
              </TableCell>
              <TableCell>
                {[
                  delivery.warningCount > 0 ? t('alertMails.mailed', { count: delivery.warningCount }) : null,
                  delivery.suppressedCount > 0 ? t('alertMails.leftOut', { count: delivery.suppressedCount }) : null,
                ]
                  .filter(Boolean)
                  .join(', ') || t('common.none')}
              </TableCell>
              <TableCell>{delivery.recipient ?? t('common.none')}</TableCell>
              <TableCell>{delivery.subject ?? t('common.none')}</TableCell>
              <TableCell>
                {delivery.error ? (
                  <Typography variant="body2" color="error">
                    {delivery.error}
                  </Typography>
                ) : (
                  t('common.none')
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    );
  }

  return (
    <InfoCard
      title={t('alertMails.title')}
      subheader={t('alertMails.description')}
      action={
        <IconButton aria-label={t('common.refresh')} title={t('common.refresh')} onClick={retry} disabled={loading}>
          <RefreshIcon />
        </IconButton>
      }
    >
      {error && deliveries && (
        <Alert severity="error" style={{ marginBottom: 8 }}>
          {t('alertMails.loadError', { message: errorMessage(error) })}
        </Alert>
      )}
      {body}
    </InfoCard>
  );
}
