import { Header, Page } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { cccTranslationRef } from '../../translation';
import { CccPageContent } from './CccPage';

/**
 * The CCC page with its own header, for legacy apps (the new frontend system
 * draws page headers itself). core-components' Page/Header are deprecated in
 * favour of the new system's layout, but they are what legacy apps render.
 * The tabs of {@link CccPageContent} bring their own content area.
 */
export function LegacyCccPage() {
  const { t } = useTranslationRef(cccTranslationRef);
  return (
    <Page themeId="tool">
      <Header title={t('page.title')} subtitle={t('page.subtitle')} />
      <CccPageContent />
    </Page>
  );
}
