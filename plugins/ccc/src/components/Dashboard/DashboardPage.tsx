import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Grid from '@material-ui/core/Grid';
import IconButton from '@material-ui/core/IconButton';
import RefreshIcon from '@material-ui/icons/Refresh';
import Alert from '@material-ui/lab/Alert';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { cccApiRef } from '../../api/CccApi';
import { cccTranslationRef } from '../../translation';
import { errorMessage } from '../common/errors';
import { LinksCard } from './LinksCard';
import { NewsCard } from './NewsCard';
import { StatusCard } from './StatusCard';

/**
 * The Dashboard tab of the CCC page: status information for support requests,
 * links to help and legal documents, and news. The backend health is read
 * separately so that a failing health check still leaves the rest visible.
 */
export function DashboardPage() {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const dashboard = useAsyncRetry(() => api.getDashboard(), [api]);
  const health = useAsyncRetry(() => api.getHealth(), [api]);

  const refresh = () => {
    dashboard.retry();
    health.retry();
  };

  if (dashboard.loading && !dashboard.value) {
    return <Progress />;
  }
  if (dashboard.error || !dashboard.value) {
    return (
      <InfoCard
        title={t('dashboard.tabTitle')}
        action={
          <IconButton aria-label={t('common.refresh')} title={t('common.refresh')} onClick={refresh}>
            <RefreshIcon />
          </IconButton>
        }
      >
        <Alert severity="error">{t('dashboard.loadError', { message: errorMessage(dashboard.error) })}</Alert>
      </InfoCard>
    );
  }

  const value = dashboard.value;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={6}>
        <StatusCard
          dashboard={value}
          health={{
            loading: health.loading,
            error: health.error,
            value: health.value,
          }}
          onRefresh={refresh}
          refreshing={dashboard.loading || health.loading}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <LinksCard links={value.links} />
      </Grid>
      <Grid item xs={12}>
        <NewsCard news={value.news} newsError={value.newsError} />
      </Grid>
    </Grid>
  );
}
