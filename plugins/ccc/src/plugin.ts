import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { cccApiRef } from './api/CccApi';
import { CccClient } from './api/CccClient';
import { rootRouteRef } from './routes';

/** The CCC frontend plugin for legacy apps (`createApp` from `@backstage/app-defaults`). */
export const cccPlugin = createPlugin({
  id: 'ccc',
  apis: [
    createApiFactory({
      api: cccApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) => new CccClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: rootRouteRef },
});

/** The CCC fleet page for legacy apps: `<Route path="/ccc" element={<CccPage />} />`. */
export const CccPage = cccPlugin.provide(
  createRoutableExtension({
    name: 'CccPage',
    component: () => import('./components/CccPage').then(m => m.LegacyCccPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The COMtrexx tab of an entity page for legacy apps:
 * `<EntityLayout.Route path="/ccc" title="COMtrexx" if={isCccSystemEntity}><EntityCccOverviewContent /></EntityLayout.Route>`.
 */
export const EntityCccOverviewContent = cccPlugin.provide(
  createComponentExtension({
    name: 'EntityCccOverviewContent',
    component: {
      lazy: () => import('./components/EntityCccOverviewContent').then(m => m.EntityCccOverviewContent),
    },
  }),
);

/**
 * The Access tab of an entity page for legacy apps:
 * `<EntityLayout.Route path="/ccc-access" title="Access" if={isCccSystemEntity}><EntityCccAccessContent /></EntityLayout.Route>`.
 */
export const EntityCccAccessContent = cccPlugin.provide(
  createComponentExtension({
    name: 'EntityCccAccessContent',
    component: { lazy: () => import('./components/Access').then(m => m.EntityCccAccessContent) },
  }),
);

/**
 * The Call data tab of an entity page for legacy apps:
 * `<EntityLayout.Route path="/ccc-calldata" title="Call data" if={isCccSystemEntity}><EntityCccCallDataContent /></EntityLayout.Route>`.
 */
export const EntityCccCallDataContent = cccPlugin.provide(
  createComponentExtension({
    name: 'EntityCccCallDataContent',
    component: { lazy: () => import('./components/CallData').then(m => m.EntityCccCallDataContent) },
  }),
);

/**
 * The Backup tab (remote backups and firmware update) of an entity page for legacy apps:
 * `<EntityLayout.Route path="/ccc-backup" title="Backup" if={isCccSystemEntity}><EntityCccBackupContent /></EntityLayout.Route>`.
 */
export const EntityCccBackupContent = cccPlugin.provide(
  createComponentExtension({
    name: 'EntityCccBackupContent',
    component: { lazy: () => import('./components/Backups').then(m => m.EntityCccBackupContent) },
  }),
);

/**
 * The Warnings tab of an entity page for legacy apps:
 * `<EntityLayout.Route path="/ccc-warnings" title="Warnings" if={isCccSystemEntity}><EntityCccWarningsContent /></EntityLayout.Route>`.
 */
export const EntityCccWarningsContent = cccPlugin.provide(
  createComponentExtension({
    name: 'EntityCccWarningsContent',
    component: { lazy: () => import('./components/Warnings').then(m => m.EntityCccWarningsContent) },
  }),
);

/**
 * The SMTP tab of an entity page for legacy apps:
 * `<EntityLayout.Route path="/ccc-smtp" title="SMTP" if={isCccSystemEntity}><EntityCccSmtpContent /></EntityLayout.Route>`.
 */
export const EntityCccSmtpContent = cccPlugin.provide(
  createComponentExtension({
    name: 'EntityCccSmtpContent',
    component: { lazy: () => import('./components/SystemSmtp').then(m => m.EntityCccSmtpContent) },
  }),
);

/**
 * The Monitoring tab (CPU load, memory use) of an entity page for legacy apps:
 * `<EntityLayout.Route path="/ccc-monitoring" title="Monitoring" if={isCccSystemEntity}><EntityCccMonitoringContent /></EntityLayout.Route>`.
 */
export const EntityCccMonitoringContent = cccPlugin.provide(
  createComponentExtension({
    name: 'EntityCccMonitoringContent',
    component: { lazy: () => import('./components/Monitoring').then(m => m.EntityCccMonitoringContent) },
  }),
);

/**
 * The Registration tab (phones, providers and accounts) of an entity page for legacy apps:
 * `<EntityLayout.Route path="/ccc-registration" title="Registration" if={isCccSystemEntity}><EntityCccRegistrationContent /></EntityLayout.Route>`.
 */
export const EntityCccRegistrationContent = cccPlugin.provide(
  createComponentExtension({
    name: 'EntityCccRegistrationContent',
    component: { lazy: () => import('./components/Registration').then(m => m.EntityCccRegistrationContent) },
  }),
);
