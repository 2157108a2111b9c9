import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { CccPermissionDecider } from './CccPermissionDecider';
import { CccPermissionPolicy, FallbackDecision } from './CccPermissionPolicy';

/**
 * The permission backend's policy for installations without their own:
 * CCC permissions by role, others by `ccc.permissionPolicy.fallback`
 * (`allow` by default, so other plugins keep working as with allow-all).
 */
export const permissionModuleCccPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'ccc-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, userInfo: coreServices.userInfo, config: coreServices.rootConfig },
      async init({ policy, userInfo, config }) {
        const fallback = config.getOptionalString('ccc.permissionPolicy.fallback') ?? 'allow';
        if (fallback !== 'allow' && fallback !== 'deny') {
          throw new Error(`ccc.permissionPolicy.fallback must be "allow" or "deny", not "${fallback}"`);
        }
        const decider = CccPermissionDecider.fromConfig(config, { userInfo });
        policy.setPolicy(new CccPermissionPolicy(decider, fallback as FallbackDecision));
      },
    });
  },
});
