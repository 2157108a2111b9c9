/**
 * Frontend of the COMtrexx Control Center plugins. This entry point serves
 * legacy apps; the new frontend system imports `@internal/plugin-ccc/alpha`.
 *
 * @packageDocumentation
 */

export { cccPlugin, CccPage, EntityCccAccessContent, EntityCccOverviewContent } from './plugin';
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
export { cccTranslationRef } from './translation';
