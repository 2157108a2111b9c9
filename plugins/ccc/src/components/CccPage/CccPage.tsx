import { TabbedLayout } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { cccFleetAuditReadPermission, cccSmtpManagePermission } from '@internal/plugin-ccc-common';
import { cccTranslationRef } from '../../translation';
import { FleetCallData } from '../CallData';
import { DashboardPage } from '../Dashboard';
import { FleetAuditPage } from '../FleetAudit';
import { FleetBackupsPage } from '../FleetBackups';
import { GrantsPage } from '../Grants';
import { HealthPage } from '../Health';
import { RolloutsPage } from '../Rollouts';
import { FleetPhonesPage, FleetTrunksPage } from '../FleetStatus';
import { SmtpServersPage } from '../SmtpServers';
import { UserGroupsPage } from '../UserGroups';
import { SystemsTab } from './SystemsTab';

/**
 * Content of the CCC page: tabs for the systems, the dashboard, the grants the user gave,
 * the user groups and (for fleet administrators only) the SMTP servers and
 * the fleet's audit trail, each under its own path below the page (`/ccc/grants`, …). The new
 * frontend system supplies the page header; legacy apps get one from
 * {@link LegacyCccPage}.
 */
export function CccPageContent() {
  const { t } = useTranslationRef(cccTranslationRef);
  const fleetAudit = usePermission({ permission: cccFleetAuditReadPermission });
  const smtpManage = usePermission({ permission: cccSmtpManagePermission });
  return (
    <TabbedLayout>
      <TabbedLayout.Route path="/" title={t('tabs.systems')}>
        <SystemsTab />
      </TabbedLayout.Route>
      <TabbedLayout.Route path="/dashboard" title={t('dashboard.tabTitle')}>
        <DashboardPage />
      </TabbedLayout.Route>
      <TabbedLayout.Route path="/grants" title={t('tabs.grants')}>
        <GrantsPage />
      </TabbedLayout.Route>
      <TabbedLayout.Route path="/groups" title={t('tabs.groups')}>
        <UserGroupsPage />
      </TabbedLayout.Route>
      <TabbedLayout.Route path="/backups" title={t('fleetBackups.tabTitle')}>
        <FleetBackupsPage />
      </TabbedLayout.Route>
      <TabbedLayout.Route path="/rollouts" title={t('rollouts.tabTitle')}>
        <RolloutsPage />
      </TabbedLayout.Route>
      <TabbedLayout.Route path="/calldata" title={t('callData.fleet.tabTitle')}>
        <FleetCallData />
      </TabbedLayout.Route>
      <TabbedLayout.Route path="/health" title={t('health.tabTitle')}>
        <HealthPage />
      </TabbedLayout.Route>
      <TabbedLayout.Route path="/phones" title={t('fleetStatus.phonesTabTitle')}>
        <FleetPhonesPage />
      </TabbedLayout.Route>
      <TabbedLayout.Route path="/trunks" title={t('fleetStatus.trunksTabTitle')}>
        <FleetTrunksPage />
      </TabbedLayout.Route>
      {smtpManage.allowed && (
        <TabbedLayout.Route path="/smtp" title={t('smtp.tabTitle')}>
          <SmtpServersPage />
        </TabbedLayout.Route>
      )}
      {fleetAudit.allowed && (
        <TabbedLayout.Route path="/audit" title={t('tabs.audit')}>
          <FleetAuditPage />
        </TabbedLayout.Route>
      )}
    </TabbedLayout>
  );
}
