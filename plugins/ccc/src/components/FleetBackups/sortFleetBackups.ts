import { CccFleetBackupRow } from '@internal/plugin-ccc-common';
import { ASSURANCE_RANK, AssuranceStatus } from '../Backups/assuranceTexts';

/** Columns the fleet backups table sorts by. */
export type FleetSortKey = 'name' | 'serialNumber' | 'status' | 'lastSuccessAt' | 'nextRunAt';

/** Sort column and direction of the fleet backups table. */
export interface FleetSortOrder {
  key: FleetSortKey;
  direction: 'asc' | 'desc';
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

// ISO-8601 strings sort chronologically; a missing time sorts first, because
// "never succeeded" is older than any success (and "no next run" needs a look).
function compareTimes(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (!a) return -1;
  if (!b) return 1;
  return a < b ? -1 : 1;
}

function compare(a: CccFleetBackupRow, b: CccFleetBackupRow, key: FleetSortKey): number {
  switch (key) {
    case 'serialNumber':
      return collator.compare(a.serialNumber, b.serialNumber);
    case 'status':
      return (ASSURANCE_RANK[a.assurance.status] ?? 4) - (ASSURANCE_RANK[b.assurance.status] ?? 4);
    case 'lastSuccessAt':
      return compareTimes(a.assurance.lastSuccessAt, b.assurance.lastSuccessAt);
    case 'nextRunAt':
      return compareTimes(a.assurance.nextRunAt, b.assurance.nextRunAt);
    default:
      return collator.compare(a.name, b.name);
  }
}

/** Rows whose name or serial number contains `text` (case-insensitive) and, if given, whose status is `status`. */
export function filterFleetBackups(
  rows: readonly CccFleetBackupRow[],
  text: string,
  status: AssuranceStatus | 'all',
): CccFleetBackupRow[] {
  const needle = text.trim().toLocaleLowerCase();
  return rows.filter(
    row =>
      (status === 'all' || row.assurance.status === status) &&
      (!needle ||
        row.name.toLocaleLowerCase().includes(needle) ||
        row.serialNumber.toLocaleLowerCase().includes(needle)),
  );
}

/** A sorted copy; ties fall back to the name so the order is stable across refreshes. */
export function sortFleetBackups(rows: readonly CccFleetBackupRow[], order: FleetSortOrder): CccFleetBackupRow[] {
  const sign = order.direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => sign * compare(a, b, order.key) || compare(a, b, 'name'));
}
