import authPlugin from '@backstage/plugin-auth-backend';
import guestProviderModule from '@backstage/plugin-auth-backend-module-guest-provider';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogLogsModule from '@backstage/plugin-catalog-backend-module-logs';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import signalsPlugin from '@backstage/plugin-signals-backend';
import cccPlugin, { catalogModuleCccEntityProvider, permissionModuleCccPolicy } from '@internal/plugin-ccc-backend';
import { authModuleCccDemoProvider } from './modules/demoAuth';

/**
 * The features this portal's backend runs, in one list, so that the start
 * file and the backend test use the same set. Imported statically: jest
 * cannot follow dynamic imports without experimental VM modules.
 */
export const backendFeatures = [
  authPlugin,
  guestProviderModule,
  // Development only: sign in as a chosen demo user; idle unless auth.providers.ccc-demo is configured.
  authModuleCccDemoProvider,
  catalogPlugin,
  catalogLogsModule,
  permissionPlugin,
  // CCC permissions by role; other plugins' by ccc.permissionPolicy.fallback (allow).
  permissionModuleCccPolicy,
  cccPlugin,
  catalogModuleCccEntityProvider,
  // CCC alerts as notifications to the system owners (ccc.notifications.enabled); signals push them live.
  notificationsPlugin,
  signalsPlugin,
];
