import { TabbedLayout } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { cccFleetAuditReadPermission } from '@internal/plugin-ccc-common';
import { cccTranslationRef } from '../../translation';
import { FleetAuditPage } from '../FleetAudit';
import { GrantsPage } from '../Grants';
import { UserGroupsPage } from '../UserGroups';
import { SystemsTab } from './SystemsTab';

/**
 * Content of the CCC page: tabs for the systems, the grants the user gave,
 * the user groups and (for fleet administrators only) the fleet's audit
 * trail, each under its own path below the page (`/ccc/grants`, …). The new
 * frontend system supplies the page header; legacy apps get one from
 * {@link LegacyCccPage}.
 */
export function CccPageContent() {
  const { t } = useTranslationRef(cccTranslationRef);
  const fleetAudit = usePermission({ permission: cccFleetAuditReadPermission });
  return (
    <TabbedLayout>
      <TabbedLayout.Route path="/" title={t('tabs.systems')}>
        <SystemsTab />
      </TabbedLayout.Route>
      <TabbedLayout.Route path="/grants" title={t('tabs.grants')}>
        <GrantsPage />
      </TabbedLayout.Route>
      <TabbedLayout.Route path="/groups" title={t('tabs.groups')}>
        <UserGroupsPage />
      </TabbedLayout.Route>
      {fleetAudit.allowed && (
        <TabbedLayout.Route path="/audit" title={t('tabs.audit')}>
          <FleetAuditPage />
        </TabbedLayout.Route>
      )}
    </TabbedLayout>
  );
}
