import { mockServices } from '@backstage/backend-test-utils';
import { DeviceState } from '@internal/plugin-ccc-common';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { systemRecord } from '../__testUtils__/systemRecord';
import { CccDatabase, createCccDatabase } from './CccDatabase';
import { migrateDatabase } from './migrateDatabase';
import { SystemListQuery, SystemRecord } from './SystemStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const AT = '2026-11-27T08:00:00.000Z';
const ANNA = 'user:default/anna';
const BEN = 'user:default/ben';

function system(
  n: number,
  name: string,
  fields: { owner?: string; state?: DeviceState; registered?: string | null; serial?: string } = {},
): SystemRecord {
  return systemRecord({
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    name,
    serialNumber: fields.serial ?? `CTX${String(n).padStart(7, '0')}`,
    ownerRef: fields.owner ?? ANNA,
    state: fields.state ?? 'paired_ok',
    firstRegisteredAt: fields.registered === undefined ? AT : fields.registered,
  });
}

describe.each(databases.eachSupportedId())('systems list page (%s)', databaseId => {
  let db: CccDatabase;

  beforeEach(async () => {
    const knex = await databases.init(databaseId);
    await migrateDatabase(mockServices.database({ knex }));
    db = createCccDatabase(knex);
    const fleet = [
      system(1, 'berlin Mitte', { state: 'paired_ok', registered: '2026-03-01T00:00:00.000Z' }),
      system(2, 'Aachen', { state: 'error', registered: '2026-01-01T00:00:00.000Z', owner: BEN }),
      system(3, 'Cottbus', { state: 'token_pending', registered: null }),
      system(4, 'Dresden 100%', { state: 'paired_restricted', registered: '2026-02-01T00:00:00.000Z' }),
      system(5, 'Erfurt_Nord', { state: 'unknown', registered: '2026-04-01T00:00:00.000Z', owner: BEN }),
      // Same name as 1 apart from case: the tie is broken by serial number.
      system(6, 'Berlin mitte', { state: 'paired_ok', registered: null, serial: 'CTX0000000' }),
    ];
    for (const s of fleet) await db.systems.insert(s);
  });

  const page = async (query: Partial<SystemListQuery>) => {
    const { records, totalCount } = await db.systems.listPage({ sort: 'name', order: 'asc', ...query });
    return { names: records.map(r => r.name), totalCount };
  };

  it('sorts by name without regard to case, ties by serial number, both ways', async () => {
    expect(await page({})).toEqual({
      names: ['Aachen', 'Berlin mitte', 'berlin Mitte', 'Cottbus', 'Dresden 100%', 'Erfurt_Nord'],
      totalCount: 6,
    });
    expect((await page({ order: 'desc' })).names).toEqual([
      'Erfurt_Nord',
      'Dresden 100%',
      'Cottbus',
      // Ties stay in the same order whichever way the column is sorted.
      'Berlin mitte',
      'berlin Mitte',
      'Aachen',
    ]);
  });

  it('sorts by serial number, by first registration (never registered last) and by state (attention first)', async () => {
    expect((await page({ sort: 'serialNumber' })).names).toEqual([
      'Berlin mitte',
      'berlin Mitte',
      'Aachen',
      'Cottbus',
      'Dresden 100%',
      'Erfurt_Nord',
    ]);
    expect((await page({ sort: 'firstRegisteredAt' })).names).toEqual([
      'Aachen',
      'Dresden 100%',
      'berlin Mitte',
      'Erfurt_Nord',
      'Berlin mitte',
      'Cottbus',
    ]);
    expect((await page({ sort: 'firstRegisteredAt', order: 'desc' })).names).toEqual([
      'Berlin mitte',
      'Cottbus',
      'Erfurt_Nord',
      'berlin Mitte',
      'Dresden 100%',
      'Aachen',
    ]);
    expect((await page({ sort: 'state' })).names).toEqual([
      'Aachen',
      'Cottbus',
      'Dresden 100%',
      'Erfurt_Nord',
      'Berlin mitte',
      'berlin Mitte',
    ]);
  });

  it('pages with limit and offset and counts every match', async () => {
    expect(await page({ limit: 2 })).toEqual({ names: ['Aachen', 'Berlin mitte'], totalCount: 6 });
    expect(await page({ limit: 2, offset: 2 })).toEqual({ names: ['berlin Mitte', 'Cottbus'], totalCount: 6 });
    expect(await page({ limit: 4, offset: 4 })).toEqual({ names: ['Dresden 100%', 'Erfurt_Nord'], totalCount: 6 });
    expect(await page({ limit: 4, offset: 40 })).toEqual({ names: [], totalCount: 6 });
  });

  it('filters by text in name or serial number, literally and without regard to case, and by state', async () => {
    expect(await page({ text: 'BERLIN' })).toEqual({ names: ['Berlin mitte', 'berlin Mitte'], totalCount: 2 });
    expect((await page({ text: 'ctx0000004' })).names).toEqual(['Dresden 100%']);
    // % and _ are text, not wildcards.
    expect((await page({ text: '0%' })).names).toEqual(['Dresden 100%']);
    // As a wildcard, _ would match the space of "Berlin Mitte".
    expect((await page({ text: 'n_m' })).names).toEqual([]);
    expect((await page({ text: 'T_N' })).names).toEqual(['Erfurt_Nord']);
    expect(await page({ state: 'paired_ok', limit: 1 })).toEqual({ names: ['Berlin mitte'], totalCount: 2 });
    expect(await page({ state: 'error', text: 'berlin' })).toEqual({ names: [], totalCount: 0 });
  });

  it('applies the permission criteria before paging and counting', async () => {
    const criteria = { key: 'isOwner' as const, claims: [BEN] };
    expect(await page({ criteria, limit: 1 })).toEqual({ names: ['Aachen'], totalCount: 2 });
    expect(await page({ criteria, limit: 1, offset: 1 })).toEqual({ names: ['Erfurt_Nord'], totalCount: 2 });
    expect(await page({ criteria, text: 'berlin' })).toEqual({ names: [], totalCount: 0 });
  });
});
