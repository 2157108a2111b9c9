import { createBackendModule } from '@backstage/backend-plugin-api';
import { authProvidersExtensionPoint, createProxyAuthProviderFactory } from '@backstage/plugin-auth-node';
import { DEMO_PROVIDER_ID, demoUserAuthenticator } from './demoUserAuthenticator';

/**
 * Auth provider `ccc-demo` for development: sign in as one of the demo users
 * listed in `auth.providers.ccc-demo.users`, with the catalog groups of that
 * user as ownership claims. Inactive unless configured; refuses to start
 * outside development (see the README, "Demo users").
 */
export const authModuleCccDemoProvider = createBackendModule({
  pluginId: 'auth',
  moduleId: 'ccc-demo-provider',
  register(reg) {
    reg.registerInit({
      deps: { providers: authProvidersExtensionPoint },
      async init({ providers }) {
        providers.registerProvider({
          providerId: DEMO_PROVIDER_ID,
          factory: createProxyAuthProviderFactory({
            authenticator: demoUserAuthenticator,
            // Only catalog users: no fallback identity, so the claims always carry the user's real groups.
            signInResolver: async ({ result }, ctx) => ctx.signInWithCatalogUser({ entityRef: result.userEntityRef }),
          }),
        });
      },
    });
  },
});
