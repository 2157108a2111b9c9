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

/** The SMTP tab on entity pages of annotated entities (`entity-content:ccc/smtp`). */
const cccEntitySmtp = EntityContentBlueprint.make({
  name: 'smtp',
  params: {
    path: '/ccc-smtp',
    title: cccTranslationRef('systemSmtp.tabTitle'),
    filter: { [`metadata.annotations.${ANNOTATION_COMTREXX_SERIAL_NUMBER}`]: { $exists: true } },
    loader: () => import('../components/SystemSmtp').then(m => <m.EntityCccSmtpContent />),
  },
});

/** The Warnings tab on entity pages of annotated entities (`entity-content:ccc/warnings`). */
const cccEntityWarnings = EntityContentBlueprint.make({
  name: 'warnings',
  params: {
    path: '/ccc-warnings',
    title: cccTranslationRef('warnings.tabTitle'),
    filter: { [`metadata.annotations.${ANNOTATION_COMTREXX_SERIAL_NUMBER}`]: { $exists: true } },
    loader: () => import('../components/Warnings').then(m => <m.EntityCccWarningsContent />),
  },
});

/** The Backup tab (backups and firmware) on entity pages of annotated entities (`entity-content:ccc/backup`). */
const cccEntityBackup = EntityContentBlueprint.make({
  name: 'backup',
  params: {
    path: '/ccc-backup',
    title: cccTranslationRef('backups.tabTitle'),
    filter: { [`metadata.annotations.${ANNOTATION_COMTREXX_SERIAL_NUMBER}`]: { $exists: true } },
    loader: () => import('../components/Backups').then(m => <m.EntityCccBackupContent />),
  },
});

/** The Call data tab on entity pages of annotated entities (`entity-content:ccc/calldata`). */
const cccEntityCallData = EntityContentBlueprint.make({
  name: 'calldata',
  params: {
    path: '/ccc-calldata',
    title: cccTranslationRef('callData.tabTitle'),
    filter: { [`metadata.annotations.${ANNOTATION_COMTREXX_SERIAL_NUMBER}`]: { $exists: true } },
    loader: () => import('../components/CallData').then(m => <m.EntityCccCallDataContent />),
  },
});

/** The Monitoring tab (CPU and memory) on entity pages of annotated entities (`entity-content:ccc/monitoring`). */
const cccEntityMonitoring = EntityContentBlueprint.make({
  name: 'monitoring',
  params: {
    path: '/ccc-monitoring',
    title: cccTranslationRef('monitoring.tabTitle'),
    filter: { [`metadata.annotations.${ANNOTATION_COMTREXX_SERIAL_NUMBER}`]: { $exists: true } },
    loader: () => import('../components/Monitoring').then(m => <m.EntityCccMonitoringContent />),
  },
});

/** The Registration tab (phones, providers) on entity pages of annotated entities (`entity-content:ccc/registration`). */
const cccEntityRegistration = EntityContentBlueprint.make({
  name: 'registration',
  params: {
    path: '/ccc-registration',
    title: cccTranslationRef('registration.tabTitle'),
    filter: { [`metadata.annotations.${ANNOTATION_COMTREXX_SERIAL_NUMBER}`]: { $exists: true } },
    loader: () => import('../components/Registration').then(m => <m.EntityCccRegistrationContent />),
  },
});

/** The CCC frontend plugin for the new frontend system. */
export default createFrontendPlugin({
  pluginId: 'ccc',
  title: 'COMtrexx',
  icon: <PhoneIcon fontSize="inherit" />,
  info: { packageJson: () => import('../../package.json') },
  extensions: [
    cccApi,
    cccPage,
    cccEntityOverview,
    cccEntityAccess,
    cccEntityBackup,
    cccEntityMonitoring,
    cccEntityRegistration,
    cccEntityWarnings,
    cccEntitySmtp,
    cccEntityCallData,
  ],
  routes: { root: convertLegacyRouteRef(rootRouteRef) },
});
