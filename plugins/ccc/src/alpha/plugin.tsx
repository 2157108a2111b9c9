import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import PhoneIcon from '@material-ui/icons/Phone';
import { cccApiRef } from '../api/CccApi';
import { CccClient } from '../api/CccClient';
import { rootRouteRef } from '../routes';

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

/** The CCC frontend plugin for the new frontend system. */
export default createFrontendPlugin({
  pluginId: 'ccc',
  title: 'COMtrexx',
  icon: <PhoneIcon fontSize="inherit" />,
  info: { packageJson: () => import('../../package.json') },
  extensions: [cccApi, cccPage],
  routes: { root: convertLegacyRouteRef(rootRouteRef) },
});

