/*
 * Part 2 of the fleet benchmark: GET /systems under load, as a fleet
 * administrator (the policy allows the whole list, no SQL condition) and as
 * a user holding a role on a few systems (the policy answers with conditions
 * that the store turns into SQL). The UI loads the list in one request
 * (CccClient.listSystems; the route has no paging), so that is what is asked.
 * Baseline: the same SELECT written by hand, through knex.
 */
import { cccSystemReadPermission, CccSystem, rolesAllowing } from '@internal/plugin-ccc-common';
import { ChildWorker } from './childWorker';
import { BenchBackend, FLEET_ADMIN, GRANTED_USER, userHeader } from './cccBackend';
import { BenchDatabase } from './databases';
import { getJson, httpLoad, LoadRow, sqlLoad } from './httpLoad';
import { BENCH_OWNER } from './simulatedFleet';

/** How many systems GRANTED_USER holds the Monitoring role on (and nothing else). */
export const GRANTED_SYSTEMS = 5;

/** Gives {@link GRANTED_USER} the Monitoring role on a few systems spread over the list, through the API. */
export async function grantFewSystems(backend: BenchBackend, systemIds: string[]): Promise<void> {
  const step = Math.max(1, Math.floor(systemIds.length / GRANTED_SYSTEMS));
  for (let i = 0; i < GRANTED_SYSTEMS; i++) {
    const res = await fetch(`${backend.baseUrl}/systems/${systemIds[i * step]}/grants`, {
      method: 'PUT',
      headers: { ...userHeader(BENCH_OWNER), 'Content-Type': 'application/json' },
      body: JSON.stringify({ subjectRef: GRANTED_USER, roles: ['monitoring'] }),
    });
    if (!res.ok) throw new Error(`Granting failed: ${res.status} ${await res.text()}`);
  }
}

/** Every scenario of the systems list on one database. */
export async function benchSystemsList(
  db: BenchDatabase,
  backend: BenchBackend,
  client: ChildWorker,
  size: number,
): Promise<LoadRow[]> {
  const url = `${backend.baseUrl}/systems`;
  const roles = rolesAllowing(cccSystemReadPermission.name);
  const claims = [GRANTED_USER];
  const scenarios = [
    {
      name: `fleet admin, all ${size}`,
      user: FLEET_ADMIN,
      expected: size,
      sql: () => db.knex('systems').select('*').orderBy([{ column: 'name' }, { column: 'serial_number' }]),
    },
    {
      name: `role on ${GRANTED_SYSTEMS} systems (SQL filter)`,
      user: GRANTED_USER,
      expected: GRANTED_SYSTEMS,
      // What the policy's conditions amount to: owner, or a role through a grant or a CCC user group.
      sql: () =>
        db.knex.raw(
          `select * from systems
           where owner_ref in (?)
              or exists (select 1 from system_grants g
                         where g.system_id = systems.id and g.subject_ref in (?) and g.role in (${roles.map(() => '?').join(', ')}))
              or exists (select 1 from user_group_systems s join user_group_members m on m.group_id = s.group_id
                         where s.system_id = systems.id and m.member_ref in (?) and m.role in (${roles.map(() => '?').join(', ')}))
           order by name, serial_number`,
          [...claims, ...claims, ...roles, ...claims, ...roles],
        ),
    },
  ];
  const rows: LoadRow[] = [];
  for (const scenario of scenarios) {
    const headers = userHeader(scenario.user);
    const { items } = await getJson<{ items: CccSystem[] }>(url, headers);
    if (items.length !== scenario.expected) {
      throw new Error(`${scenario.user} sees ${items.length} systems, expected ${scenario.expected}`);
    }
    const sqlRows = await scenario.sql();
    const sqlCount = Array.isArray(sqlRows) ? sqlRows.length : (sqlRows.rows ?? sqlRows).length;
    if (sqlCount !== scenario.expected) throw new Error(`The baseline query of "${scenario.name}" found ${sqlCount} rows`);
    for (const r of await httpLoad(client, url, headers)) {
      rows.push({ database: db.label, scenario: scenario.name, via: 'HTTP GET /systems', ...r });
    }
    for (const r of await sqlLoad(scenario.sql)) {
      rows.push({ database: db.label, scenario: scenario.name, via: 'plain SQL', ...r });
    }
  }
  return rows;
}
