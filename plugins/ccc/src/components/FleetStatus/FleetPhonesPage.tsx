import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { PHONE_STATES } from '@internal/plugin-ccc-common';
import { useCallback, useMemo } from 'react';
import { cccApiRef } from '../../api/CccApi';
import { FleetStatusQuery } from '../../api/monitoringTypes';
import { cccTranslationRef } from '../../translation';
import { PhonesTable, useRegistrationTexts } from '../Registration';
import { FleetStatusView } from './FleetStatusView';

/** The Phones tab of the CCC page: the phones of every system the user sees, by system and state. */
export function FleetPhonesPage() {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const texts = useRegistrationTexts();
  const load = useCallback((query: FleetStatusQuery) => api.listFleetPhones(query), [api]);
  const stateGroups = useMemo(
    () => [{ options: PHONE_STATES.map(state => ({ value: state, label: texts.phone(state).text })) }],
    [texts],
  );
  return (
    <FleetStatusView
      title={t('fleetStatus.phonesTitle')}
      emptyTitle={t('fleetStatus.emptyPhonesTitle')}
      load={load}
      stateGroups={stateGroups}
      renderTable={(phones, systems, emptyText) => (
        <PhonesTable phones={phones} systems={systems} emptyText={emptyText} />
      )}
    />
  );
}
