/*
 * Part 3 of the fleet benchmark: a system's call-data page under load, as
 * the Call data tab asks for it (50 rows, newest first, with the total), on
 * a system with many stored records: the first page, a page further on by
 * the keyset cursor, and a free-text search. Baseline: the page's SELECT and
 * COUNT written by hand, through knex.
 */
import { CccCallDataPage } from '@internal/plugin-ccc-common';
import { toNewCallData } from '@internal/plugin-ccc-backend/src/callData/fingerprint';
import { createCccDatabase } from '@internal/plugin-ccc-backend/src/database/CccDatabase';
import { DeviceCallData } from '@internal/plugin-ccc-backend/src/device/DeviceClient';
import { Knex } from 'knex';
import { ChildWorker } from './childWorker';
import { BenchBackend, userHeader } from './cccBackend';
import { BenchDatabase } from './databases';
import { getJson, httpLoad, LoadRow, sqlLoad } from './httpLoad';
import { BENCH_OWNER } from './simulatedFleet';

/** Rows per page, as the Call data tab asks (CALL_DATA_PAGE_SIZE of the frontend). */
const PAGE = 50;
/** The page reached through the cursor in the "further on" scenario. */
const LATER_PAGE = 20;
/** What the free-text scenario searches for: one name in seven. */
const SEARCH = 'Müller';
const NAMES = ['Müller GmbH', 'Schmidt KG', 'Schneider AG', 'Fischer', 'Weber & Co', 'Meyer', 'Wagner OHG'];
const PEOPLE = ['Anna', 'Ben', 'Carla', 'Dirk', 'Eva'];
const CALL_TYPES = ['Normal', 'Normal', 'Normal', 'CfIntern', 'CfExtern', 'Voicemailbox'];
const START_MS = Date.parse('2026-01-05T07:00:00Z');

/** A device record; `i` varies every field, a call every 3 minutes or so. */
function record(i: number): DeviceCallData {
  return {
    CallDataId: i + 1,
    startDate: new Date(START_MS + i * 180_000 + (i % 7) * 1000).toISOString(),
    length: (i * 37) % 900,
    externalName: NAMES[i % NAMES.length],
    externalPhoneNumber: `0301234${String(i % 10_000).padStart(4, '0')}`,
    msn: `0301234500${i % 3}`,
    userNumber: String(200 + (i % 40)),
    userName: PEOPLE[i % PEOPLE.length],
    connectedUserNumber: String(200 + ((i + 3) % 40)),
    connectedUserName: PEOPLE[(i + 2) % PEOPLE.length],
    groupNumber: i % 5 === 0 ? '600' : '',
    groupName: i % 5 === 0 ? 'Zentrale' : '',
    cost: null,
    costFactor: null,
    direction: i % 2 === 0 ? 'Incoming' : 'Outgoing',
    callType: CALL_TYPES[i % CALL_TYPES.length],
    success: i % 6 !== 0,
  };
}

/** Stores `count` records for one system through the call-data store (fingerprints included); returns seconds. */
export async function ingestCallData(db: BenchDatabase, systemId: string, count: number): Promise<number> {
  const store = createCccDatabase(db.knex).callData;
  const at = new Date().toISOString();
  const started = performance.now();
  for (let from = 0; from < count; from += 5_000) {
    const batch = Array.from({ length: Math.min(5_000, count - from) }, (_, k) => toNewCallData(record(from + k)));
    await store.addRecords(systemId, batch, at);
  }
  return (performance.now() - started) / 1000;
}

// The page query by hand: rows of one system, optionally after a keyset position or matching a text, plus the count.
function plainPage(knex: Knex, systemId: string, options: { after?: { startAt: string; id: number }; text?: string }) {
  const where = (q: Knex.QueryBuilder) => {
    q.where('system_id', systemId);
    if (options.text) {
      const pattern = `%${options.text.toLocaleLowerCase('de-DE')}%`;
      q.where(b => {
        for (const column of ['external_number', 'external_name', 'msn', 'user_number', 'user_name', 'connected_user_number', 'connected_user_name']) {
          b.orWhereRaw(`lower(${column}) like ?`, [pattern]);
        }
      });
    }
    return q;
  };
  return async () => {
    const page = where(callDataTable(knex)).select('*').orderBy([{ column: 'start_at', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(PAGE + 1);
    const after = options.after;
    if (after) page.where(b => b.where('start_at', '<', after.startAt).orWhere(i => i.where('start_at', after.startAt).andWhere('id', '<', after.id)));
    await Promise.all([page, where(callDataTable(knex)).count({ n: '*' })]);
  };
}

function callDataTable(knex: Knex) {
  return knex('call_data');
}

/** The three page scenarios on one database, HTTP and plain SQL. */
export async function benchCallDataPage(
  database: BenchDatabase,
  backend: BenchBackend,
  client: ChildWorker,
  systemId: string,
  records: number,
): Promise<LoadRow[]> {
  const headers = userHeader(BENCH_OWNER);
  const base = `${backend.baseUrl}/systems/${systemId}/calldata?sort=startAt&order=desc&limit=${PAGE}`;
  // Walk to the later page as the tab's "next" button does, to get a real cursor.
  let page = await getJson<CccCallDataPage>(base, headers);
  if (page.totalCount !== records) throw new Error(`The call data page counts ${page.totalCount} records, expected ${records}`);
  for (let i = 1; i < LATER_PAGE; i++) {
    page = await getJson<CccCallDataPage>(`${base}&cursor=${encodeURIComponent(page.nextCursor!)}`, headers);
  }
  const last = page.items[page.items.length - 1];
  const searched = await getJson<CccCallDataPage>(`${base}&q=${encodeURIComponent(SEARCH)}`, headers);
  if (searched.items.length !== PAGE || searched.totalCount === records) throw new Error('The search scenario finds the wrong records');

  const scenarios = [
    { name: `first page of ${records.toLocaleString('en-US')}`, url: base, sql: plainPage(database.knex, systemId, {}) },
    {
      name: `page ${LATER_PAGE + 1} by cursor`,
      url: `${base}&cursor=${encodeURIComponent(page.nextCursor!)}`,
      sql: plainPage(database.knex, systemId, { after: { startAt: last.startAt, id: last.id } }),
    },
    {
      name: `search "${SEARCH}" (${searched.totalCount.toLocaleString('en-US')} hits)`,
      url: `${base}&q=${encodeURIComponent(SEARCH)}`,
      sql: plainPage(database.knex, systemId, { text: SEARCH }),
    },
  ];
  const rows: LoadRow[] = [];
  for (const scenario of scenarios) {
    for (const r of await httpLoad(client, scenario.url, headers)) {
      rows.push({ database: database.label, scenario: scenario.name, via: 'HTTP GET …/calldata', ...r });
    }
    for (const r of await sqlLoad(scenario.sql)) {
      rows.push({ database: database.label, scenario: scenario.name, via: 'plain SQL', ...r });
    }
  }
  return rows;
}
