import { EmptyState, InfoCard } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Grid from '@material-ui/core/Grid';
import { cccTranslationRef } from '../../translation';
import { BackendStatus } from '../BackendStatus';

/**
 * Content of the CCC page. The new frontend system supplies the page header;
 * legacy apps get one from {@link LegacyCccPage}.
 */
export function CccPageContent() {
  const { t } = useTranslationRef(cccTranslationRef);
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={8}>
        <InfoCard title={t('systems.title')}>
          <EmptyState
            missing="data"
            title={t('systems.emptyTitle')}
            description={t('systems.emptyDescription')}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={4}>
        <BackendStatus />
      </Grid>
    </Grid>
  );
}
