import { EmptyState, InfoCard } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccDashboard } from '@internal/plugin-ccc-common';
import Link from '@material-ui/core/Link';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import OpenInNewIcon from '@material-ui/icons/OpenInNew';
import { cccTranslationRef } from '../../translation';

/** Links to the installation's help and legal documents (`ccc.links`), each opening in a new tab. */
export function LinksCard({ links }: { links: CccDashboard['links'] }) {
  const { t } = useTranslationRef(cccTranslationRef);
  return (
    <InfoCard title={t('dashboard.links.title')}>
      {links.length === 0 ? (
        <EmptyState
          missing="info"
          title={t('dashboard.links.emptyTitle')}
          description={t('dashboard.links.emptyDescription')}
        />
      ) : (
        <List dense aria-label={t('dashboard.links.title')}>
          {links.map(link => (
            <ListItem key={`${link.title} ${link.url}`} disableGutters>
              <Link href={link.url} target="_blank" rel="noopener noreferrer" title={t('common.opensInNewTab')}>
                {link.title}
              </Link>
              <OpenInNewIcon fontSize="inherit" color="action" style={{ marginLeft: 4 }} />
            </ListItem>
          ))}
        </List>
      )}
    </InfoCard>
  );
}
