/*
 * Part 2 of the fleet benchmark: GET /systems under load, as a fleet
 * administrator (the policy allows the whole list, no SQL condition) and as
 * a user holding a role on a few systems (the policy answers with conditions
 * that the store turns into SQL). The systems page asks for one page at a
 * time (CccClient.listSystemsPage: 25 rows, sorted and filtered by the
 * backend), so that is what is asked: the first page by name, a page in the
 * middle by device state, a text filter; the whole list (what pickers and the
 * catalog provider read) is measured too, without a target.
 * Baseline: the same SELECTs (page and count) written by hand, through knex.
 */
import { cccSystemReadPermission, CccSystemsPage, rolesAllowing } from '@internal/plugin-ccc-common';
import { Knex } from 'knex';
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

/** Rows of the systems page. */
const PAGE = 25;
/** Text of the filter scenario: matches ten bench systems by name ("PBX 00010" … "PBX 00019") at every size. */
const FILTER_TEXT = 'PBX 0001';

const STATE_RANK =
  "case state when 'error' then 0 when 'token_pending' then 1 when 'paired_restricted' then 2 " +
  "when 'paired_ok' then 4 else 3 end";

/** A scenario: what is asked over HTTP, and the same by hand (the page and, for paged requests, the count). */
interface Scenario {
  name: string;
  user: string;
  query: string;
  sql(): Promise<{ rows: number; total: number }>;
}

/** Runs a page query and its count by hand, the two statements the route runs. */
async function pageAndCount(page: Knex.QueryBuilder, count: Knex.QueryBuilder) {
  const rows = await page;
  const [{ n }] = await count;
  return { rows: rows.length, total: Number(n) };
}

/** Every scenario of the systems list on one database. */
export async function benchSystemsList(
  db: BenchDatabase,
  backend: BenchBackend,
  client: ChildWorker,
  size: number,
): Promise<LoadRow[]> {
  const { knex } = db;
  const roles = rolesAllowing(cccSystemReadPermission.name);
  const claims = [GRANTED_USER];
  // What the policy's conditions amount to: owner, or a role through a grant or a CCC user group.
  const granted = (q: Knex.QueryBuilder) =>
    q.whereRaw(
      `owner_ref in (?)
       or exists (select 1 from system_grants g
                  where g.system_id = systems.id and g.subject_ref in (?) and g.role in (${roles.map(() => '?').join(', ')}))
       or exists (select 1 from user_group_systems s join user_group_members m on m.group_id = s.group_id
                  where s.system_id = systems.id and m.member_ref in (?) and m.role in (${roles.map(() => '?').join(', ')}))`,
      [...claims, ...claims, ...roles, ...claims, ...roles],
    );
  const byName = (q: Knex.QueryBuilder) => q.orderByRaw('lower(name) asc').orderBy('serial_number').orderBy('id');
  const pattern = `%${FILTER_TEXT.toLowerCase()}%`;
  const text = (q: Knex.QueryBuilder) =>
    q.where(b => b.whereRaw('lower(name) like ?', [pattern]).orWhereRaw('lower(serial_number) like ?', [pattern]));
  const middle = Math.floor(size / 2);

  const scenarios: Scenario[] = [
    {
      name: `fleet admin, first page of ${PAGE} by name`,
      user: FLEET_ADMIN,
      query: `?limit=${PAGE}&offset=0&sort=name&order=asc`,
      sql: () => pageAndCount(byName(knex('systems').select('*')).limit(PAGE), knex('systems').count({ n: '*' })),
    },
    {
      name: `fleet admin, page at row ${middle.toLocaleString('en-US')} by device state`,
      user: FLEET_ADMIN,
      query: `?limit=${PAGE}&offset=${middle}&sort=state&order=asc`,
      sql: () =>
        pageAndCount(
          byName(knex('systems').select('*').orderByRaw(`${STATE_RANK} asc`))
            .limit(PAGE)
            .offset(middle),
          knex('systems').count({ n: '*' }),
        ),
    },
    {
      name: `fleet admin, filter "${FILTER_TEXT}"`,
      user: FLEET_ADMIN,
      query: `?q=${encodeURIComponent(FILTER_TEXT)}&limit=${PAGE}&offset=0&sort=name&order=asc`,
      sql: () => pageAndCount(byName(text(knex('systems').select('*'))).limit(PAGE), text(knex('systems').count({ n: '*' }))),
    },
    {
      name: `fleet admin, whole list of ${size.toLocaleString('en-US')} (pickers, catalog; no target)`,
      user: FLEET_ADMIN,
      query: '',
      sql: async () => {
        const rows = await byName(knex('systems').select('*'));
        return { rows: rows.length, total: rows.length };
      },
    },
    {
      name: `role on ${GRANTED_SYSTEMS} systems (SQL filter), first page`,
      user: GRANTED_USER,
      query: `?limit=${PAGE}&offset=0&sort=name&order=asc`,
      sql: () =>
        pageAndCount(byName(granted(knex('systems').select('*'))).limit(PAGE), granted(knex('systems').count({ n: '*' }))),
    },
  ];
  const rows: LoadRow[] = [];
  for (const scenario of scenarios) {
    const url = `${backend.baseUrl}/systems${scenario.query}`;
    const headers = userHeader(scenario.user);
    // The route and the hand-written SQL must agree before either is timed.
    const { items, totalCount } = await getJson<CccSystemsPage>(url, headers);
    const plain = await scenario.sql();
    if (items.length !== plain.rows || totalCount !== plain.total) {
      throw new Error(
        `"${scenario.name}": the route answered ${items.length} of ${totalCount}, the plain SQL ${plain.rows} of ${plain.total}`,
      );
    }
    const via = `HTTP GET /systems${scenario.query ? ' (page)' : ''}`;
    for (const r of await httpLoad(client, url, headers)) {
      rows.push({ database: db.label, scenario: `${scenario.name}: ${items.length} of ${totalCount}`, via, ...r });
    }
    for (const r of await sqlLoad(scenario.sql)) {
      rows.push({ database: db.label, scenario: `${scenario.name}: ${items.length} of ${totalCount}`, via: 'plain SQL', ...r });
    }
  }
  return rows;
}
