import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccSystem, cccCallDataExportPermission, systemGate } from '@internal/plugin-ccc-common';
import Alert from '@material-ui/lab/Alert';
import { useCallback } from 'react';
import { cccApiRef } from '../../api/CccApi';
import { CallDataExportParams, CallDataListParams } from '../../api/callDataTypes';
import { cccTranslationRef } from '../../translation';
import { useSystemPermission } from '../common/usePermissionWithReason';
import { CallDataBrowser } from './CallDataBrowser';
import { CallDataStatisticsView } from './CallDataStatisticsView';
import { CallDataViews } from './CallDataViews';

/** The call data of one system and their statistics: the shared views on the system's routes. */
export function SystemCallData({ system }: { system: CccSystem }) {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const exportPermission = useSystemPermission(cccCallDataExportPermission, system.id);
  const load = useCallback((params: CallDataListParams) => api.listCallData(system.id, params), [api, system.id]);
  const exportFile = useCallback(
    (params: CallDataExportParams) => api.exportCallData(system.id, params),
    [api, system.id],
  );
  return (
    <CallDataViews
      list={
        <CallDataBrowser
          load={load}
          exportFile={exportFile}
          exportDeniedReason={exportPermission.reason}
          notice={
            !systemGate(system).manageable && (
              <Alert severity="info" style={{ marginBottom: 8 }}>
                {t('callData.notCollecting')}
              </Alert>
            )
          }
        />
      }
      statistics={<CallDataStatisticsView systemId={system.id} />}
    />
  );
}
