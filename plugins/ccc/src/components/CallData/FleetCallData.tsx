import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useCallback } from 'react';
import { cccApiRef } from '../../api/CccApi';
import { CallDataExportParams, CallDataListParams } from '../../api/callDataTypes';
import { cccTranslationRef } from '../../translation';
import { CallDataBrowser } from './CallDataBrowser';
import { CallDataStatisticsView } from './CallDataStatisticsView';
import { CallDataViews } from './CallDataViews';

/**
 * The CCC page's call data tab: the calls of every system whose call data the user may read, and their
 * statistics. The backend filters by the user's roles; a user without any sees the empty state.
 */
export function FleetCallData() {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const load = useCallback((params: CallDataListParams) => api.listFleetCallData(params), [api]);
  const exportFile = useCallback((params: CallDataExportParams) => api.exportFleetCallData(params), [api]);
  return (
    <CallDataViews
      list={<CallDataBrowser load={load} exportFile={exportFile} showSystem subheader={t('callData.fleet.subheader')} />}
      statistics={<CallDataStatisticsView systemId={null} />}
    />
  );
}
