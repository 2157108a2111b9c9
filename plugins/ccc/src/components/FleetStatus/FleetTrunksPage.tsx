import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { STUN_STATES, TRUNK_REGISTRATION_STATES } from '@internal/plugin-ccc-common';
import { useCallback, useMemo } from 'react';
import { cccApiRef } from '../../api/CccApi';
import { FleetStatusQuery } from '../../api/monitoringTypes';
import { cccTranslationRef } from '../../translation';
import { TrunksTable, useRegistrationTexts } from '../Registration';
import { FleetStatusView } from './FleetStatusView';

/**
 * The Providers tab of the CCC page: the provider accounts of every system
 * the user sees. The state filter offers the STUN and the registration
 * states; the backend matches either.
 */
export function FleetTrunksPage() {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const texts = useRegistrationTexts();
  const load = useCallback((query: FleetStatusQuery) => api.listFleetTrunks(query), [api]);
  const stateGroups = useMemo(
    () => [
      {
        label: t('fleetStatus.registrationGroup'),
        options: TRUNK_REGISTRATION_STATES.map(state => ({ value: state, label: texts.registration(state).text })),
      },
      {
        label: t('fleetStatus.stunGroup'),
        options: STUN_STATES.map(state => ({ value: state, label: texts.stun(state).text })),
      },
    ],
    [t, texts],
  );
  return (
    <FleetStatusView
      title={t('fleetStatus.trunksTitle')}
      emptyTitle={t('fleetStatus.emptyTrunksTitle')}
      load={load}
      stateGroups={stateGroups}
      renderTable={(trunks, systems, emptyText) => (
        <TrunksTable trunks={trunks} systems={systems} emptyText={emptyText} />
      )}
    />
  );
}
