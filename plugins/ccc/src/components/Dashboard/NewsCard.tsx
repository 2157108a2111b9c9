import { EmptyState, InfoCard } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccDashboard } from '@internal/plugin-ccc-common';
import Box from '@material-ui/core/Box';
import Link from '@material-ui/core/Link';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { cccTranslationRef } from '../../translation';
import { useDateFormat } from '../common/useDateFormat';

/**
 * The news of the installation's feed (`ccc.news.url`): title (linked when the
 * item has a URL), date and summary. A failed feed is a warning, not an
 * error: the rest of the dashboard works without it.
 */
export function NewsCard({ news, newsError }: Pick<CccDashboard, 'news' | 'newsError'>) {
  const { t } = useTranslationRef(cccTranslationRef);
  const format = useDateFormat();

  return (
    <InfoCard title={t('dashboard.news.title')}>
      {newsError && <Alert severity="warning">{t('dashboard.news.error', { message: newsError })}</Alert>}
      {news.length === 0 && !newsError && (
        <EmptyState
          missing="info"
          title={t('dashboard.news.emptyTitle')}
          description={t('dashboard.news.emptyDescription')}
        />
      )}
      {news.length > 0 && (
        <List aria-label={t('dashboard.news.title')}>
          {news.map((item, index) => (
            // Feed items need neither a URL nor a date, so the position keeps the keys apart.
            <ListItem key={`${index} ${item.title}`} disableGutters divider={index < news.length - 1}>
              <Box>
                <Typography variant="subtitle1" component="h3">
                  {item.url ? (
                    <Link href={item.url} target="_blank" rel="noopener noreferrer" title={t('common.opensInNewTab')}>
                      {item.title}
                    </Link>
                  ) : (
                    item.title
                  )}
                </Typography>
                {item.publishedAt && (
                  <Typography variant="caption" color="textSecondary" component="time" dateTime={item.publishedAt}>
                    {format.date(item.publishedAt)}
                  </Typography>
                )}
                {item.summary && <Typography variant="body2">{item.summary}</Typography>}
              </Box>
            </ListItem>
          ))}
        </List>
      )}
    </InfoCard>
  );
}
