import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import { ReactNode, useState } from 'react';
import { cccTranslationRef } from '../../translation';

/** The two views of call data, of a system or of the fleet: the calls themselves, and their statistics. */
export function CallDataViews({ list, statistics }: { list: ReactNode; statistics: ReactNode }) {
  const { t } = useTranslationRef(cccTranslationRef);
  const [view, setView] = useState<'list' | 'statistics'>('list');
  return (
    <>
      <Box mb={1}>
        <Tabs value={view} onChange={(_event, next) => setView(next)} indicatorColor="primary">
          <Tab value="list" label={t('callData.views.list')} />
          <Tab value="statistics" label={t('callData.views.statistics')} />
        </Tabs>
      </Box>
      {/* Only the chosen view is mounted: the statistics ask the backend only when someone looks at them. */}
      {view === 'list' ? list : statistics}
    </>
  );
}
