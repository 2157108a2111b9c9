import { CCC_ROLES } from '@internal/plugin-ccc-common';
import { createPermissionRule } from '@backstage/plugin-permission-node';
import { z } from 'zod';
import { cccSystemResourceRef } from './resourceRef';

const claims = z
  .array(z.string())
  .describe('Entity refs of the user and of the catalog groups they belong to (their ownership claims)');

/** Allows when the user holds one of the given CCC roles on the system (owner, direct grant, CCC group, catalog group). */
export const hasSystemRole = createPermissionRule({
  name: 'HAS_SYSTEM_ROLE',
  description: 'Allow users who hold one of the given CCC roles on the COMtrexx system',
  resourceRef: cccSystemResourceRef,
  paramsSchema: z.object({
    roles: z.array(z.enum(CCC_ROLES)).describe('CCC roles, any of which suffices'),
    claims,
  }),
  apply: (system, { roles, claims: userClaims }) =>
    (roles.includes('owner') && userClaims.includes(system.ownerRef)) ||
    system.roles.some(r => roles.includes(r.role) && userClaims.includes(r.holderRef)),
  toQuery: ({ roles, claims: userClaims }) => ({ key: 'hasRole' as const, roles, claims: userClaims }),
});

/** Allows the owner of the system (the registering user, or whom it was handed to). */
export const isSystemOwner = createPermissionRule({
  name: 'IS_SYSTEM_OWNER',
  description: 'Allow the owner of the COMtrexx system',
  resourceRef: cccSystemResourceRef,
  paramsSchema: z.object({ claims }),
  apply: (system, { claims: userClaims }) => userClaims.includes(system.ownerRef),
  toQuery: ({ claims: userClaims }) => ({ key: 'isOwner' as const, claims: userClaims }),
});

/** The CCC's permission rules, for the registry and for condition exports. */
export const cccSystemRules = { hasSystemRole, isSystemOwner };
