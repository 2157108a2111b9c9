import { CccRole, GrantableRole, RoleSource, UserGroupVisibility } from '@internal/plugin-ccc-common';

/** One role somebody holds on a system, and where it comes from. */
export interface RoleAssignment {
  systemId: string;
  /** The user or catalog group ref that must be among a user's claims. */
  holderRef: string;
  role: CccRole;
  source: RoleSource;
}

/** A stored grant, roles gathered per system and subject. */
export interface GrantRecord {
  systemId: string;
  systemName: string;
  serialNumber: string;
  subjectRef: string;
  roles: GrantableRole[];
  grantedBy: string;
  updatedAt: string;
}

/** A stored CCC user group with its counts. */
export interface UserGroupRecord {
  id: string;
  name: string;
  description: string;
  defaultRole: GrantableRole;
  visibility: UserGroupVisibility;
  ownerRef: string;
  createdAt: string;
  updatedAt: string;
  memberCount: number;
  systemCount: number;
}

/** Persistence of grants, CCC user groups and the role assignments derived from them. */
export interface AccessStore {
  /** Every role assignment on the given systems: owner, direct grants, CCC group memberships. */
  roleAssignments(systemIds: string[]): Promise<RoleAssignment[]>;
  /** Replaces the roles of one subject on one system. */
  setGrant(grant: { systemId: string; subjectRef: string; roles: GrantableRole[]; grantedBy: string; at: string }): Promise<void>;
  /** Removes all roles of one subject on one system; returns whether there were any. */
  deleteGrant(systemId: string, subjectRef: string): Promise<boolean>;
  /** The roles of one subject on one system, if any. */
  getGrant(systemId: string, subjectRef: string): Promise<GrantRecord | undefined>;
  /** Grants last set by `userRef` (the "Berechtigungen" page), by system name then subject. */
  listGrantsBy(userRef: string): Promise<GrantRecord[]>;

  /** Creates a group. */
  insertGroup(group: Omit<UserGroupRecord, 'memberCount' | 'systemCount'>): Promise<void>;
  /** One group with counts. */
  getGroup(id: string): Promise<UserGroupRecord | undefined>;
  /** All groups with counts, by name. */
  listGroups(): Promise<UserGroupRecord[]>;
  /** Ids of the groups `memberRef` belongs to. */
  groupIdsOf(memberRef: string): Promise<string[]>;
  /** Changes name, description, default role or visibility. */
  updateGroup(id: string, patch: Partial<Pick<UserGroupRecord, 'name' | 'description' | 'defaultRole' | 'visibility' | 'updatedAt'>>): Promise<void>;
  /** Deletes a group with its memberships and system assignments. */
  deleteGroup(id: string): Promise<boolean>;
  /** Members and their roles. */
  listMembers(groupId: string): Promise<Array<{ memberRef: string; roles: GrantableRole[] }>>;
  /** Adds a member or replaces their roles. */
  setMember(groupId: string, memberRef: string, roles: GrantableRole[]): Promise<void>;
  /** Removes a member; returns whether they were one. */
  removeMember(groupId: string, memberRef: string): Promise<boolean>;
  /** Systems assigned to a group. */
  listGroupSystems(groupId: string): Promise<Array<{ systemId: string; name: string; serialNumber: string }>>;
  /** Assigns a system to a group (no-op when already assigned). */
  addGroupSystem(groupId: string, systemId: string, addedBy: string, at: string): Promise<void>;
  /** Removes a system from a group; returns whether it was assigned. */
  removeGroupSystem(groupId: string, systemId: string): Promise<boolean>;
}
