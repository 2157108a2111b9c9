import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import userSettingsPlugin from '@backstage/plugin-user-settings/alpha';
import cccPlugin from '@internal/plugin-ccc/alpha';
import { navModule } from './modules/nav';
import { signInModule } from './modules/signIn';

/** The portal: the catalog, user settings (language switch), the CCC, and sign-in as guest or demo user. */
export default createApp({
  features: [catalogPlugin, userSettingsPlugin, cccPlugin, navModule, signInModule],
});
