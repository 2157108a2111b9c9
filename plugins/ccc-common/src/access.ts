import { z } from 'zod';
import { CccRole, GRANTABLE_ROLES, GrantableRole } from './roles';

// A catalog entity ref of a user or group in its full form, e.g.
// `user:default/anna`; the kind decides whether a grant goes to one person
// or to everyone in a catalog group.
const ENTITY_REF = /^(user|group):[a-z0-9._-]+\/[a-zA-Z0-9._-]+$/;

const userOrGroupRef = z
  .string()
  .trim()
  .regex(ENTITY_REF, 'Give a user or group as a full entity reference, e.g. user:default/anna or group:default/ops');

const userRef = z
  .string()
  .trim()
  .regex(/^user:[a-z0-9._-]+\/[a-zA-Z0-9._-]+$/, 'Give a user as a full entity reference, e.g. user:default/anna');

const roleList = z
  .array(z.enum(GRANTABLE_ROLES, { message: `Roles are ${GRANTABLE_ROLES.join(', ')}` }))
  .min(1, 'Choose at least one role')
  .max(GRANTABLE_ROLES.length)
  .transform(roles => [...new Set(roles)]);

/** Where a person's role on a system comes from. */
export type RoleSource =
  | { kind: 'owner' }
  | { kind: 'grant'; subjectRef: string }
  | { kind: 'userGroup'; groupId: string; groupName: string };

/** One line of a system's "Access" tab: who holds which role, and through what. */
export interface CccAccessEntry {
  /** The user or catalog group that holds the role. */
  subjectRef: string;
  role: CccRole;
  source: RoleSource;
}

/** What the signed-in user may do on a system, for the UI. */
export interface CccMyAccess {
  roles: CccRole[];
  /** Names of the system permissions the user's roles allow. */
  permissions: string[];
}

/** A grant: roles on one system for a user or a catalog group. */
export interface CccGrant {
  systemId: string;
  systemName: string;
  serialNumber: string;
  subjectRef: string;
  roles: GrantableRole[];
  grantedBy: string;
  updatedAt: string;
}

/** Body of `PUT /systems/:id/grants`: sets the roles of one user or catalog group on the system. */
export const setGrantRequestSchema = z.object({ subjectRef: userOrGroupRef, roles: roleList }).strict();

/** Validated {@link setGrantRequestSchema}. */
export type SetGrantRequest = z.output<typeof setGrantRequestSchema>;

/** Body of `POST /grants/delete`: removes several grants at once. */
export const deleteGrantsRequestSchema = z
  .object({
    items: z
      .array(z.object({ systemId: z.string().uuid('systemId must be a system id'), subjectRef: userOrGroupRef }).strict())
      .min(1, 'Select at least one grant')
      .max(500, 'At most 500 grants at once'),
  })
  .strict();

/** Body of `POST /systems/:id/owner`. */
export const transferOwnershipRequestSchema = z.object({ ownerRef: userRef }).strict();

/** Whether others can join a CCC user group by themselves. */
export type UserGroupVisibility = 'public' | 'private';

/** A CCC user group as listed (manual: "Benutzergruppen > Gruppen"). */
export interface CccUserGroup {
  id: string;
  name: string;
  description: string;
  /** Role given to members who join. */
  defaultRole: GrantableRole;
  visibility: UserGroupVisibility;
  ownerRef: string;
  memberCount: number;
  systemCount: number;
  createdAt: string;
  /** Whether the signed-in user is a member. */
  member: boolean;
}

/** A member of a CCC user group with the roles the group gives them. */
export interface CccUserGroupMember {
  memberRef: string;
  roles: GrantableRole[];
}

/** A system assigned to a CCC user group. */
export interface CccUserGroupSystem {
  systemId: string;
  name: string;
  serialNumber: string;
}

/** A group with its members and systems (for its owner and members). */
export interface CccUserGroupDetails extends CccUserGroup {
  members: CccUserGroupMember[];
  systems: CccUserGroupSystem[];
}

const groupFields = {
  name: z.string().trim().min(1, 'Enter a name for the group').max(100, 'The name may have at most 100 characters'),
  description: z.string().trim().max(1000, 'The description may have at most 1000 characters'),
  defaultRole: z.enum(GRANTABLE_ROLES, { message: `The default role is one of ${GRANTABLE_ROLES.join(', ')}` }),
  visibility: z.enum(['public', 'private'], { message: 'The type is public or private' }),
};

/** Body of `POST /groups`. */
export const createUserGroupRequestSchema = z
  .object({ ...groupFields, description: groupFields.description.default('') })
  .strict();

/** Body of `PATCH /groups/:id` (every field optional). */
export const updateUserGroupRequestSchema = z
  .object(groupFields)
  .partial()
  .strict()
  .refine(body => Object.keys(body).length > 0, 'Change at least one of name, description, defaultRole, visibility');

/** Body of `PUT /groups/:id/members`: adds a member or sets their roles. */
export const setGroupMemberRequestSchema = z
  .object({ memberRef: userRef, roles: roleList.optional() })
  .strict();

/** Body of `PUT /groups/:id/systems`: assigns a system to the group. */
export const addGroupSystemRequestSchema = z
  .object({ systemId: z.string().uuid('systemId must be a system id') })
  .strict();

/** One entry of the audit trail. */
export interface CccAuditEvent {
  id: number;
  at: string;
  /** Entity ref of the user, or `device:<serial>` / `service:...` for non-users. */
  actorRef: string;
  action: string;
  systemId: string | null;
  groupId: string | null;
  /** What changed, in a few fields; never secrets. */
  details: Record<string, unknown>;
}

/** Query of the audit views. */
export const auditQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(100),
    /** Only events older than this id (paging backwards in time). */
    before: z.coerce.number().int().min(1).optional(),
  })
  .strict();
