import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccAuditEvent } from '@internal/plugin-ccc-common';
import { useCallback } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { AuditPage, cccApiRef } from '../../api/CccApi';
import { cccTranslationRef } from '../../translation';
import { AuditTrail } from '../AuditTrail';

/**
 * The audit trail of the whole fleet (fleet administrators; the CCC page
 * shows this tab only to them). Systems and groups are named where the
 * user still sees them; deleted ones keep their id.
 */
export function FleetAuditPage() {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  // Names are a convenience: the trail stays readable with ids when these lists fail.
  const names = useAsync(async () => {
    const [systems, groups] = await Promise.all([
      api.listSystems().catch(() => []),
      api.listUserGroups().catch(() => []),
    ]);
    return {
      systems: new Map(systems.map(s => [s.id, `${s.name} (${s.serialNumber})`])),
      groups: new Map(groups.map(g => [g.id, g.name])),
    };
  }, [api]);

  const load = useCallback((page: AuditPage) => api.listFleetAudit(page), [api]);
  // Group events about a system (added, removed) name both.
  const targetName = (event: CccAuditEvent) => {
    const parts = [
      event.groupId && (names.value?.groups.get(event.groupId) ?? t('audit.group', { id: event.groupId })),
      event.systemId && (names.value?.systems.get(event.systemId) ?? t('audit.system', { id: event.systemId })),
    ].filter(Boolean);
    return parts.length > 0 ? parts.join(' · ') : null;
  };

  return (
    <InfoCard title={t('audit.fleetTitle')}>
      <AuditTrail load={load} targetName={targetName} ariaLabel={t('audit.fleetTitle')} />
    </InfoCard>
  );
}
