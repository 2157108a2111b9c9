import { configApiRef, useApiHolder } from '@backstage/core-plugin-api';
import { DEFAULT_MAINTENANCE_WARN_DAYS } from './maintenanceWarning';

/**
 * `ccc.maintenance.warnDays` from the app config (visible to the frontend,
 * see ccc-backend's config.d.ts), or 30. The config API is looked up
 * optionally so a test app without one still renders.
 */
export function useMaintenanceWarnDays(): number {
  const config = useApiHolder().get(configApiRef);
  const days = config?.getOptionalNumber('ccc.maintenance.warnDays');
  return typeof days === 'number' && days >= 0 ? days : DEFAULT_MAINTENANCE_WARN_DAYS;
}
