import { CccSystem, DeviceState } from '@internal/plugin-ccc-common';

/** Columns the systems table sorts by. */
export type SortKey = 'name' | 'serialNumber' | 'firstRegisteredAt' | 'state';

/** Sort column and direction of the systems table. */
export interface SortOrder {
  key: SortKey;
  direction: 'asc' | 'desc';
}

// Ascending puts what needs attention first: errors, then open pairings,
// restricted systems, unknown ones, and the healthy ones last.
const STATE_RANK: Record<DeviceState, number> = {
  error: 0,
  token_pending: 1,
  paired_restricted: 2,
  unknown: 3,
  paired_ok: 4,
};

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function compare(a: CccSystem, b: CccSystem, key: SortKey): number {
  switch (key) {
    case 'serialNumber':
      return collator.compare(a.serialNumber, b.serialNumber);
    case 'firstRegisteredAt': {
      // ISO-8601 strings sort chronologically; never registered sorts after all dates.
      if (a.firstRegisteredAt === b.firstRegisteredAt) return 0;
      if (!a.firstRegisteredAt) return 1;
      if (!b.firstRegisteredAt) return -1;
      return a.firstRegisteredAt < b.firstRegisteredAt ? -1 : 1;
    }
    case 'state':
      return (STATE_RANK[a.state] ?? 3) - (STATE_RANK[b.state] ?? 3);
    default:
      return collator.compare(a.name, b.name);
  }
}

/** Systems whose name or serial number contains the filter text (case-insensitive). */
export function filterSystems(systems: CccSystem[], filter: string): CccSystem[] {
  const needle = filter.trim().toLocaleLowerCase();
  if (!needle) return systems;
  return systems.filter(
    s => s.name.toLocaleLowerCase().includes(needle) || s.serialNumber.toLocaleLowerCase().includes(needle),
  );
}

/** A sorted copy; ties fall back to the name so the order is stable across refreshes. */
export function sortSystems(systems: CccSystem[], order: SortOrder): CccSystem[] {
  const sign = order.direction === 'asc' ? 1 : -1;
  return [...systems].sort((a, b) => sign * compare(a, b, order.key) || compare(a, b, 'name'));
}
