/**
 * The CCC's roles on one system (manual: "Rollen"). A user may hold several.
 * `owner` is the registering user (or whom ownership was transferred to): it
 * is never granted, it is the system's `ownerRef`.
 */
export const CCC_ROLES = ['owner', 'administrator', 'monitoring', 'backup', 'callData'] as const;

/** One CCC role on a system. */
export type CccRole = (typeof CCC_ROLES)[number];

/** Roles that can be granted to users, CCC user groups and catalog groups (all but owner). */
export const GRANTABLE_ROLES = ['administrator', 'monitoring', 'backup', 'callData'] as const;

/** A role that can be granted. */
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

/** Whether a string names a grantable role. */
export function isGrantableRole(value: unknown): value is GrantableRole {
  return typeof value === 'string' && (GRANTABLE_ROLES as readonly string[]).includes(value);
}
