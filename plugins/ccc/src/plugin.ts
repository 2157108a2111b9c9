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
