import { UserInfoService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { AuthorizeResult, isResourcePermission, PolicyDecision } from '@backstage/plugin-permission-common';
import { PolicyQuery, PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  cccFleetAuditReadPermission,
  cccPermissions,
  cccSmtpManagePermission,
  cccSystemCreatePermission,
  cccSystemReadPermission,
  RESOURCE_TYPE_CCC_SYSTEM,
  rolesAllowing,
} from '@internal/plugin-ccc-common';
import { cccSystemConditions, createCccSystemConditionalDecision } from './conditionExports';

const CCC_PERMISSION_NAMES = new Set(cccPermissions.map(p => p.name));
const FLEET_ADMIN_ONLY = new Set([cccSmtpManagePermission.name, cccFleetAuditReadPermission.name]);

/**
 * Decides the CCC's permissions from the role table in ccc-common. A
 * backend has exactly one permission policy, so an adopter's own policy
 * calls {@link CccPermissionDecider.decide} first and handles everything
 * else itself (see the README's "Permissions" section).
 */
export class CccPermissionDecider {
  readonly #userInfo: UserInfoService;
  readonly #fleetAdmins: ReadonlySet<string>;

  /** Reads `ccc.fleetAdmins` (user and catalog group refs). */
  static fromConfig(config: Config, options: { userInfo: UserInfoService }): CccPermissionDecider {
    return new CccPermissionDecider({
      userInfo: options.userInfo,
      fleetAdmins: config.getOptionalStringArray('ccc.fleetAdmins') ?? [],
    });
  }

  constructor(options: { userInfo: UserInfoService; fleetAdmins?: string[] }) {
    this.#userInfo = options.userInfo;
    this.#fleetAdmins = new Set((options.fleetAdmins ?? []).map(ref => ref.toLocaleLowerCase('en-US')));
  }

  /** Whether this decider is responsible for the request's permission. */
  handles(request: PolicyQuery): boolean {
    return CCC_PERMISSION_NAMES.has(request.permission.name);
  }

  /** The decision for a CCC permission, or undefined when the permission is not the CCC's. */
  async decide(request: PolicyQuery, user?: PolicyQueryUser): Promise<PolicyDecision | undefined> {
    if (!this.handles(request)) return undefined;
    // Only users hold CCC roles; service-to-service calls do not go through the policy.
    if (!user) return { result: AuthorizeResult.DENY };
    const { ownershipEntityRefs } = await this.#userInfo.getUserInfo(user.credentials);
    const claims = [...new Set(ownershipEntityRefs)];
    const fleetAdmin = claims.some(ref => this.#fleetAdmins.has(ref.toLocaleLowerCase('en-US')));
    const { permission } = request;

    if (!isResourcePermission(permission, RESOURCE_TYPE_CCC_SYSTEM)) {
      if (permission.name === cccSystemCreatePermission.name) return { result: AuthorizeResult.ALLOW };
      if (FLEET_ADMIN_ONLY.has(permission.name)) {
        return { result: fleetAdmin ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
      }
      return { result: AuthorizeResult.DENY };
    }
    // Fleet administrators see every system; what they may do on it still comes from roles.
    if (fleetAdmin && permission.name === cccSystemReadPermission.name) return { result: AuthorizeResult.ALLOW };
    const roles = rolesAllowing(permission.name);
    if (roles.length === 0) return { result: AuthorizeResult.DENY };
    return createCccSystemConditionalDecision(permission, cccSystemConditions.hasSystemRole({ roles, claims }));
  }
}
