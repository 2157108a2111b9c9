import { CccSystem, CccSystemsPage, DeviceState, SystemSortColumn, SystemsQuery } from '@internal/plugin-ccc-common';
import { matchesSystem } from '../components/common/matchesSystem';

// What GET /systems does in SQL, for component tests: the same filters, order and ties.

// Ascending puts what needs attention first: errors, open pairings, restricted, unknown, and the healthy ones last.
const STATE_RANK: Record<DeviceState, number> = {
  error: 0,
  token_pending: 1,
  paired_restricted: 2,
  unknown: 3,
  paired_ok: 4,
};

function byText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function compare(a: CccSystem, b: CccSystem, key: SystemSortColumn): number {
  switch (key) {
    case 'serialNumber':
      return byText(a.serialNumber, b.serialNumber);
    case 'firstRegisteredAt': {
      // Never registered sorts after every date (and first when descending).
      if (!a.firstRegisteredAt || !b.firstRegisteredAt) {
        return Number(!a.firstRegisteredAt) - Number(!b.firstRegisteredAt);
      }
      return byText(a.firstRegisteredAt, b.firstRegisteredAt);
    }
    case 'state':
      return STATE_RANK[a.state] - STATE_RANK[b.state];
    default:
      return byText(a.name.toLowerCase(), b.name.toLowerCase());
  }
}

/** The page `GET /systems` answers for `query` over `systems`. */
export function systemsPage(systems: CccSystem[], query: SystemsQuery): CccSystemsPage {
  const matching = systems.filter(s => (!query.state || s.state === query.state) && matchesSystem(s, query.q ?? ''));
  const sign = query.order === 'desc' ? -1 : 1;
  const sorted = [...matching].sort(
    (a, b) =>
      sign * compare(a, b, query.sort ?? 'name') ||
      compare(a, b, 'name') ||
      byText(a.serialNumber, b.serialNumber) ||
      byText(a.id, b.id),
  );
  const offset = query.offset ?? 0;
  const items = query.limit === undefined ? sorted : sorted.slice(offset, offset + query.limit);
  return { items, totalCount: matching.length };
}
