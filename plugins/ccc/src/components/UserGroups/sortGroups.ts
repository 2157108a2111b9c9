import { CccUserGroup, GRANTABLE_ROLES } from '@internal/plugin-ccc-common';

/** Columns the groups table sorts by. */
export type GroupSortKey =
  | 'name'
  | 'defaultRole'
  | 'ownerRef'
  | 'memberCount'
  | 'systemCount'
  | 'visibility'
  | 'createdAt';

/** Sort column and direction. */
export interface GroupOrder {
  key: GroupSortKey;
  direction: 'asc' | 'desc';
}

/** Which groups the table shows. */
export type GroupView = 'all' | 'member' | 'owned';

/** Groups of the view whose name, description or owner contains the filter text (case-insensitive). */
export function filterGroups(
  groups: readonly CccUserGroup[],
  options: { filter: string; view: GroupView; userRef?: string },
): CccUserGroup[] {
  const needle = options.filter.trim().toLocaleLowerCase();
  return groups.filter(group => {
    if (options.view === 'member' && !group.member) return false;
    if (options.view === 'owned' && group.ownerRef !== options.userRef) return false;
    if (!needle) return true;
    return [group.name, group.description, group.ownerRef].some(text => text.toLocaleLowerCase().includes(needle));
  });
}

function compare(a: CccUserGroup, b: CccUserGroup, key: GroupSortKey): number {
  switch (key) {
    case 'memberCount':
    case 'systemCount':
      return a[key] - b[key];
    case 'defaultRole':
      // In the role table's order (administrator first), not alphabetically by a translated name.
      return GRANTABLE_ROLES.indexOf(a.defaultRole) - GRANTABLE_ROLES.indexOf(b.defaultRole);
    case 'createdAt':
      return Date.parse(a.createdAt) - Date.parse(b.createdAt);
    default:
      return a[key].localeCompare(b[key], undefined, { sensitivity: 'base' });
  }
}

/** A sorted copy; ties keep name order so the table does not jump. */
export function sortGroups(groups: readonly CccUserGroup[], order: GroupOrder): CccUserGroup[] {
  const sign = order.direction === 'asc' ? 1 : -1;
  return [...groups].sort(
    (a, b) => sign * compare(a, b, order.key) || a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }),
  );
}
