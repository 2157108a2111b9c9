import authPlugin from '@backstage/plugin-auth-backend';
import guestProviderModule from '@backstage/plugin-auth-backend-module-guest-provider';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogLogsModule from '@backstage/plugin-catalog-backend-module-logs';
import permissionPlugin from '@backstage/plugin-permission-backend';
import allowAllPolicyModule from '@backstage/plugin-permission-backend-module-allow-all-policy';
import cccPlugin, { catalogModuleCccEntityProvider } from '@internal/plugin-ccc-backend';

/**
 * The features this portal's backend runs, in one list, so that the start
 * file and the backend test use the same set. Imported statically: jest
 * cannot follow dynamic imports without experimental VM modules.
 */
export const backendFeatures = [
  authPlugin,
  guestProviderModule,
  catalogPlugin,
  catalogLogsModule,
  permissionPlugin,
  // Replaced by the CCC policy module once roles exist (access-control issue).
  allowAllPolicyModule,
  cccPlugin,
  catalogModuleCccEntityProvider,
];
