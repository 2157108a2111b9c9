import { createTranslationRef } from '@backstage/frontend-plugin-api';

/** English texts of the CCC frontend, the source of every message key. */
export const cccMessages = {
    page: {
      title: 'COMtrexx Control Center',
      subtitle: 'Your fleet of Auerswald COMtrexx PBXs',
    },
    systems: {
      title: 'Systems',
      emptyTitle: 'No COMtrexx registered yet',
      emptyDescription:
        'Register a COMtrexx with its name and serial number to pair it with the portal. Registered systems appear here and in the software catalog.',
    },
    backendStatus: {
      title: 'Backend status',
      loading: 'Checking the CCC backend…',
      loadError: 'The CCC backend could not be reached: {{message}}',
      notInstalled:
        'The CCC backend did not answer. Make sure the @internal/plugin-ccc-backend package is installed in your backend.',
      overall: 'Overall',
      database: 'Database',
      devices: 'Device gateway',
      latency: '{{ms}} ms',
      status: {
        ok: 'OK',
        degraded: 'Degraded',
        down: 'Unreachable',
        notConfigured: 'Not configured',
      },
      refresh: 'Check again',
    },
} as const;

/** Texts of the CCC frontend; English above, German in `translations/de.ts`. Apps may override any of them. */
export const cccTranslationRef = createTranslationRef({
  id: 'plugin.ccc',
  messages: cccMessages,
  translations: {
    de: () => import('./translations/de'),
  },
});
