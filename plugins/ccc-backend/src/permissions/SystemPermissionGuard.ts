import { BackstageCredentials, PermissionsService } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { createConditionAuthorizer, createConditionTransformer, PermissionRuleset } from '@backstage/plugin-permission-node';
import { CccRole, CccSystem, RESOURCE_TYPE_CCC_SYSTEM, rolesAllowing } from '@internal/plugin-ccc-common';
import { CccStores } from '../database/CccDatabase';
import { CccSystemCriteria, CccSystemFilter } from '../database/systemFilter';
import { CccSystemResource } from './resourceRef';

// An owner condition without claims: `whereIn` with an empty list is false in SQL.
const NOTHING: CccSystemCriteria = { key: 'isOwner', claims: [] };

/** A CCC permission on one system. */
export type SystemPermission = ResourcePermission<typeof RESOURCE_TYPE_CCC_SYSTEM>;

const ROLE_NAMES: Record<CccRole, string> = {
  owner: 'Owner',
  administrator: 'Administrator',
  monitoring: 'Monitoring',
  backup: 'Backup',
  callData: 'Call data',
};

/**
 * Asks the permission framework about CCC permissions, the kubernetes
 * plugin's `requirePermission` grown to resources: single systems are
 * checked against their roles in memory, lists become SQL conditions.
 */
export class SystemPermissionGuard {
  readonly #permissions: PermissionsService;
  readonly #stores: Pick<CccStores, 'systems' | 'access'>;
  readonly #ruleset: () => PermissionRuleset<CccSystemResource, CccSystemFilter>;

  constructor(options: {
    permissions: PermissionsService;
    stores: Pick<CccStores, 'systems' | 'access'>;
    /** Read lazily: the registry hands out the ruleset only after the resource type is added. */
    ruleset: () => PermissionRuleset<CccSystemResource, CccSystemFilter>;
  }) {
    this.#permissions = options.permissions;
    this.#stores = options.stores;
    this.#ruleset = options.ruleset;
  }

  /** Throws 403 unless a basic permission is allowed. */
  async require(credentials: BackstageCredentials, permission: BasicPermission, what: string): Promise<void> {
    if (!(await this.isAllowedBasic(credentials, permission))) throw new NotAllowedError(`You are not allowed to ${what}`);
  }

  /** Whether a basic permission is allowed. */
  async isAllowedBasic(credentials: BackstageCredentials, permission: BasicPermission): Promise<boolean> {
    const [decision] = await this.#permissions.authorize([{ permission }], { credentials });
    return decision.result === AuthorizeResult.ALLOW;
  }

  /** Throws 403 unless `permission` is allowed on `system`; the message names the roles that would allow it. */
  async requireOnSystem(
    credentials: BackstageCredentials,
    permission: SystemPermission,
    system: Pick<CccSystem, 'id' | 'name'>,
    what: string,
  ): Promise<void> {
    if (await this.isAllowed(credentials, permission, system.id)) return;
    const roles = rolesAllowing(permission.name).map(r => ROLE_NAMES[r]);
    throw new NotAllowedError(
      `You are not allowed to ${what} on ${system.name}: that needs the role ${roles.join(' or ')} on this system`,
    );
  }

  /** Whether `permission` is allowed on the system with id `systemId`. */
  async isAllowed(credentials: BackstageCredentials, permission: SystemPermission, systemId: string): Promise<boolean> {
    return (await this.allowedOf(credentials, [permission], systemId))[0];
  }

  /** For each permission, whether it is allowed on the system (one policy round trip for all). */
  async allowedOf(credentials: BackstageCredentials, permissions: SystemPermission[], systemId: string): Promise<boolean[]> {
    const decisions = await this.#permissions.authorizeConditional(
      permissions.map(permission => ({ permission })),
      { credentials },
    );
    let resource: CccSystemResource | undefined | null = null;
    const results: boolean[] = [];
    for (const decision of decisions) {
      if (decision.result !== AuthorizeResult.CONDITIONAL) {
        results.push(decision.result === AuthorizeResult.ALLOW);
        continue;
      }
      // Conditions are evaluated here against the system's roles, as the
      // permission backend would do through getResources, minus a round trip.
      if (resource === null) resource = (await this.loadResources([systemId]))[0];
      results.push(resource !== undefined && createConditionAuthorizer(this.#ruleset())(decision, resource));
    }
    return results;
  }

  /**
   * Which systems a list may show, as SQL criteria: undefined for all, a
   * criterion that matches nothing for none, else the policy's conditions.
   */
  async listCriteria(credentials: BackstageCredentials, permission: SystemPermission): Promise<CccSystemCriteria | undefined> {
    const [decision] = await this.#permissions.authorizeConditional([{ permission }], { credentials });
    if (decision.result !== AuthorizeResult.CONDITIONAL) {
      return decision.result === AuthorizeResult.ALLOW ? undefined : NOTHING;
    }
    return createConditionTransformer(this.#ruleset())(decision.conditions);
  }

  /** The permission resources for `ids`, in order; undefined for unknown systems (for `getResources`). */
  async loadResources(ids: string[]): Promise<Array<CccSystemResource | undefined>> {
    const systems = await this.#stores.systems.getMany(ids);
    const assignments = await this.#stores.access.roleAssignments(ids);
    return systems.map(system =>
      system
        ? {
            id: system.id,
            ownerRef: system.ownerRef,
            roles: assignments.filter(a => a.systemId === system.id).map(a => ({ holderRef: a.holderRef, role: a.role })),
          }
        : undefined,
    );
  }
}
