import { createApiRef } from '@backstage/core-plugin-api';
import {
  CccAccessEntry,
  CccAuditEvent,
  CccGrant,
  CccHealth,
  CccMyAccess,
  CccSystem,
  CccUserGroup,
  CccUserGroupDetails,
  GrantableRole,
  PairingToken,
  RegisterSystemRequest,
  RegisterSystemResponse,
  UpdateSystemRequest,
  UserGroupVisibility,
} from '@internal/plugin-ccc-common';

/** Who holds which role on a system, and what the signed-in user may do there. */
export interface CccSystemAccess {
  entries: CccAccessEntry[];
  me: CccMyAccess;
}

/** Paging of the audit trail: newest first, `before` an event id to continue after. */
export interface AuditPage {
  limit?: number;
  before?: number;
}

/** A grant to remove: one subject on one system. */
export interface GrantKey {
  systemId: string;
  subjectRef: string;
}

/** Fields of a new CCC user group. */
export interface CreateUserGroupRequest {
  name: string;
  description: string;
  defaultRole: GrantableRole;
  visibility: UserGroupVisibility;
}

/** Changed fields of a CCC user group. */
export type UpdateUserGroupRequest = Partial<CreateUserGroupRequest>;

/** What the CCC frontend asks of the CCC backend. */
export interface CccApi {
  /** The backend's view of its database and of the device side. */
  getHealth(): Promise<CccHealth>;
  /** Systems the user may see. */
  listSystems(): Promise<CccSystem[]>;
  /** One system by id. */
  getSystem(id: string): Promise<CccSystem>;
  /** One system by serial number (entity pages know the serial from the annotation). */
  getSystemBySerial(serialNumber: string): Promise<CccSystem>;
  /** Registers a system and returns its first pairing token. */
  registerSystem(request: RegisterSystemRequest): Promise<RegisterSystemResponse>;
  /** Renames a system or changes how the device is reached. */
  updateSystem(id: string, request: UpdateSystemRequest): Promise<CccSystem>;
  /** Issues a new pairing token (the old one stops working); also re-pairs a system whose link was lost. */
  renewToken(id: string): Promise<PairingToken>;
  /** Cancels a pending pairing. */
  cancelToken(id: string): Promise<void>;
  /** Reads the device's state now instead of waiting for the next poll. */
  refreshSystem(id: string): Promise<CccSystem>;
  /** Deletes a system and all its data (owner only). */
  deleteSystem(id: string): Promise<void>;

  /** Who holds which role on a system and through what, plus the signed-in user's roles and permissions. */
  getAccess(systemId: string): Promise<CccSystemAccess>;
  /** Sets the roles of a user or catalog group on a system (replacing earlier ones). */
  setGrant(systemId: string, request: { subjectRef: string; roles: GrantableRole[] }): Promise<CccGrant>;
  /** Removes every role granted directly to a user or catalog group on a system. */
  revokeGrant(systemId: string, subjectRef: string): Promise<void>;
  /** The grants the signed-in user gave. */
  listMyGrants(): Promise<CccGrant[]>;
  /** Removes several grants at once (all or nothing). */
  deleteGrants(items: GrantKey[]): Promise<void>;
  /** Hands a system to another catalog user (owner only). */
  transferOwnership(systemId: string, ownerRef: string): Promise<{ ownerRef: string }>;
  /** A system's audit trail, newest first. */
  listSystemAudit(systemId: string, page?: AuditPage): Promise<CccAuditEvent[]>;
  /** The audit trail of the whole fleet, newest first (fleet administrators). */
  listFleetAudit(page?: AuditPage): Promise<CccAuditEvent[]>;

  /** All CCC user groups, each marked whether the signed-in user is a member. */
  listUserGroups(): Promise<CccUserGroup[]>;
  /** Creates a group owned by the signed-in user. */
  createUserGroup(request: CreateUserGroupRequest): Promise<CccUserGroup>;
  /** A group with its members and systems (owner and members only). */
  getUserGroup(id: string): Promise<CccUserGroupDetails>;
  /** Changes a group's name, description, default role or type (owner only). */
  updateUserGroup(id: string, request: UpdateUserGroupRequest): Promise<CccUserGroup>;
  /** Deletes a group (owner only). */
  deleteUserGroup(id: string): Promise<void>;
  /** Deletes several groups at once (owner only; all or nothing). */
  deleteUserGroups(ids: string[]): Promise<void>;
  /** The signed-in user joins a public group with its default role. */
  joinUserGroup(id: string): Promise<CccUserGroup>;
  /** The signed-in user leaves a group. */
  leaveUserGroup(id: string): Promise<void>;
  /** Adds a member or sets their roles; without roles the group's default role (owner only). */
  setUserGroupMember(id: string, request: { memberRef: string; roles?: GrantableRole[] }): Promise<CccUserGroupDetails>;
  /** Removes a member (owner only). */
  removeUserGroupMember(id: string, memberRef: string): Promise<void>;
  /** Assigns a system to a group (group owner with grant rights on the system). */
  addUserGroupSystem(id: string, systemId: string): Promise<CccUserGroupDetails>;
  /** Removes a system from a group. */
  removeUserGroupSystem(id: string, systemId: string): Promise<void>;
  // <backups> new entries of the backups work go above this line
  // <smtp> new entries of the smtp work go above this line
  // <monitoring> new entries of the monitoring work go above this line
  // <calldata> new entries of the calldata work go above this line
}

/**
 * Reference to the {@link CccApi}. Created with core-plugin-api so that the
 * same ref serves legacy apps and the new frontend system.
 */
export const cccApiRef = createApiRef<CccApi>({ id: 'plugin.ccc.client' });
