import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import notificationsPlugin from '@backstage/plugin-notifications/alpha';
import signalsPlugin from '@backstage/plugin-signals/alpha';
import userSettingsPlugin from '@backstage/plugin-user-settings/alpha';
import cccPlugin from '@internal/plugin-ccc/alpha';
import { navModule } from './modules/nav';
import { signInModule } from './modules/signIn';

/**
 * The portal: the catalog, user settings (language switch), the CCC, notifications (CCC alerts,
 * pushed live through signals), and sign-in as guest or demo user.
 */
export default createApp({
  features: [catalogPlugin, userSettingsPlugin, cccPlugin, notificationsPlugin, signalsPlugin, navModule, signInModule],
});
