import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import userSettingsPlugin from '@backstage/plugin-user-settings/alpha';
import cccPlugin from '@internal/plugin-ccc/alpha';
import { navModule } from './modules/nav';

/** The portal: the catalog, user settings (language switch) and the CCC. */
export default createApp({
  features: [catalogPlugin, userSettingsPlugin, cccPlugin, navModule],
});
