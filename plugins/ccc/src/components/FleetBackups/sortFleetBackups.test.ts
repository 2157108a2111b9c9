import { makeAssurance, makeFleetRow } from '../../__testUtils__/backupFakes';
import { filterFleetBackups, sortFleetBackups } from './sortFleetBackups';

const ok = makeFleetRow({ systemId: 'a', name: 'Alpha' });
const never = makeFleetRow({
  systemId: 'b',
  name: 'Bravo',
  assurance: makeAssurance({ status: 'never', lastSuccessAt: null }),
});
const failed = makeFleetRow({ systemId: 'c', name: 'Charlie', assurance: makeAssurance({ status: 'failed' }) });
const unknown = makeFleetRow({ systemId: 'd', name: 'Delta', assurance: makeAssurance({ status: 'unknown' }) });

describe('sortFleetBackups', () => {
  it('puts what needs attention first when sorting by status', () => {
    const sorted = sortFleetBackups([ok, unknown, never, failed], { key: 'status', direction: 'asc' });
    expect(sorted.map(r => r.name)).toEqual(['Charlie', 'Bravo', 'Delta', 'Alpha']);
  });

  it('counts a system that never succeeded as the oldest success', () => {
    const sorted = sortFleetBackups([ok, never], { key: 'lastSuccessAt', direction: 'asc' });
    expect(sorted.map(r => r.name)).toEqual(['Bravo', 'Alpha']);
  });

  it('breaks ties by name in both directions', () => {
    const sorted = sortFleetBackups([unknown, ok], { key: 'nextRunAt', direction: 'desc' });
    expect(sorted.map(r => r.name)).toEqual(['Alpha', 'Delta']);
  });
});

describe('filterFleetBackups', () => {
  it('matches name or serial number, case-insensitive, within the chosen status', () => {
    expect(filterFleetBackups([ok, never], 'BRA', 'all').map(r => r.name)).toEqual(['Bravo']);
    expect(filterFleetBackups([ok, never], 'a1b2', 'all')).toHaveLength(2);
    expect(filterFleetBackups([ok, never, failed], '', 'failed').map(r => r.name)).toEqual(['Charlie']);
  });
});
