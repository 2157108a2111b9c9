import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { ANNOTATION_COMTREXX_SERIAL_NUMBER } from '@internal/plugin-ccc-common';
import PhoneIcon from '@material-ui/icons/Phone';
import { cccApiRef } from '../api/CccApi';
import { CccClient } from '../api/CccClient';
import { rootRouteRef } from '../routes';
import { cccTranslationRef } from '../translation';

const cccApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: cccApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) => new CccClient({ discoveryApi, fetchApi }),
    }),
});

const cccPage = PageBlueprint.make({
  params: {
    path: '/ccc',
    title: 'COMtrexx',
    icon: <PhoneIcon fontSize="inherit" />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    loader: () => import('../components/CccPage').then(m => <m.CccPageContent />),
  },
});

/** The COMtrexx tab on entity pages of annotated entities (`entity-content:ccc/overview`). */
const cccEntityOverview = EntityContentBlueprint.make({
  name: 'overview',
  params: {
    path: '/ccc',
    title: 'COMtrexx',
    // The filter predicate resolves dotted paths against keys that contain dots themselves.
    filter: { [`metadata.annotations.${ANNOTATION_COMTREXX_SERIAL_NUMBER}`]: { $exists: true } },
    loader: () => import('../components/EntityCccOverviewContent').then(m => <m.EntityCccOverviewContent />),
  },
});

/** The Access tab on entity pages of annotated entities (`entity-content:ccc/access`). */
const cccEntityAccess = EntityContentBlueprint.make({
  name: 'access',
  params: {
    path: '/ccc-access',
    title: cccTranslationRef('access.tabTitle'),
    filter: { [`metadata.annotations.${ANNOTATION_COMTREXX_SERIAL_NUMBER}`]: { $exists: true } },
    loader: () => import('../components/Access').then(m => <m.EntityCccAccessContent />),
  },
});

/** The CCC frontend plugin for the new frontend system. */
export default createFrontendPlugin({
  pluginId: 'ccc',
  title: 'COMtrexx',
  icon: <PhoneIcon fontSize="inherit" />,
  info: { packageJson: () => import('../../package.json') },
  extensions: [cccApi, cccPage, cccEntityOverview, cccEntityAccess],
  routes: { root: convertLegacyRouteRef(rootRouteRef) },
});
