import { CccRole } from '@internal/plugin-ccc-common';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';

/**
 * What the CCC's permission rules turn into: conditions on a system that the
 * store evaluates in SQL, so lists are filtered before they are loaded.
 */
export type CccSystemFilter =
  /** The user holds one of `roles` on the system, through any of `claims` (user and catalog group refs). */
  | { key: 'hasRole'; roles: CccRole[]; claims: string[] }
  /** One of `claims` owns the system. */
  | { key: 'isOwner'; claims: string[] };

/** Criteria built from {@link CccSystemFilter}s with allOf / anyOf / not. */
export type CccSystemCriteria = PermissionCriteria<CccSystemFilter>;

/** Adds `criteria` as a WHERE clause to a query on `systems`. */
export function applySystemFilter(knex: Knex, query: Knex.QueryBuilder, criteria: CccSystemCriteria): void {
  if ('allOf' in criteria) {
    query.where(b => {
      for (const c of criteria.allOf) b.andWhere(inner => applySystemFilter(knex, inner, c));
    });
  } else if ('anyOf' in criteria) {
    query.where(b => {
      for (const c of criteria.anyOf) b.orWhere(inner => applySystemFilter(knex, inner, c));
    });
  } else if ('not' in criteria) {
    query.whereNot(b => applySystemFilter(knex, b, criteria.not));
  } else if (criteria.key === 'isOwner') {
    query.whereIn('systems.owner_ref', criteria.claims);
  } else {
    const { roles, claims } = criteria;
    const granted = roles.filter(r => r !== 'owner');
    query.where(b => {
      // whereIn with an empty list is "false" in knex, so no claims match nothing.
      if (roles.includes('owner')) b.orWhereIn('systems.owner_ref', claims);
      if (granted.length === 0) {
        // No role at all can never match.
        if (!roles.includes('owner')) b.whereRaw('1 = 0');
        return;
      }
      b.orWhereExists(
        knex('system_grants')
          .select(knex.raw('1'))
          .whereRaw('system_grants.system_id = systems.id')
          .whereIn('system_grants.subject_ref', claims)
          .whereIn('system_grants.role', granted),
      );
      b.orWhereExists(
        knex('user_group_systems')
          .join('user_group_members', 'user_group_members.group_id', 'user_group_systems.group_id')
          .select(knex.raw('1'))
          .whereRaw('user_group_systems.system_id = systems.id')
          .whereIn('user_group_members.member_ref', claims)
          .whereIn('user_group_members.role', granted),
      );
    });
  }
}
