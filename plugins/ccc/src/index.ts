/**
 * Frontend of the COMtrexx Control Center plugins. This entry point serves
 * legacy apps; the new frontend system imports `@internal/plugin-ccc/alpha`.
 *
 * @packageDocumentation
 */

export { cccPlugin, CccPage, EntityCccAccessContent, EntityCccOverviewContent } from './plugin';
export { EntityCccBackupContent } from './plugin';
export { EntityCccCallDataContent } from './plugin';
export type { CallDataExportParams, CallDataFilters, CallDataListParams } from './api/callDataTypes';
export { EntityCccMonitoringContent, EntityCccRegistrationContent } from './plugin';
export type {
  CccRegistrationStatus,
  CccRemoteLink,
  CccRemoteSessionState,
  FleetStatusPage,
  FleetStatusQuery,
} from './api/monitoringTypes';
export { isCccSystemEntity } from './isCccSystemEntity';
export { CccSystemGate } from './components/CccSystemGate';
export type { CccSystemGateProps } from './components/CccSystemGate';
export { cccApiRef } from './api/CccApi';
export type {
  AuditPage,
  CccApi,
  CccSystemAccess,
  CreateUserGroupRequest,
  GrantKey,
  UpdateUserGroupRequest,
} from './api/CccApi';
export { CccClient } from './api/CccClient';
export { EntityCccSmtpContent, EntityCccWarningsContent } from './plugin';
export type {
  CccAlertDelivery,
  CccAlertStatus,
  CccSmtpServerList,
  CccWarningPage,
  CreateSmtpServerRequest,
  UpdateSmtpServerRequest,
  WarningListQuery,
  WarningSortKey,
} from './api/smtpTypes';
export { cccTranslationRef } from './translation';
