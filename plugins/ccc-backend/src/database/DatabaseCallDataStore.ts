import { CallDataSortColumn, CccCallDataRecord, maskExternalNumber } from '@internal/plugin-ccc-common';
import { Knex } from 'knex';
import {
  CallDataAggregates,
  CallDataListQuery,
  CallDataStatisticsQuery,
  CallDataStore,
  NewCallData,
} from './CallDataStore';
import { applyFilter, applyScope, externalNumberSql, isMasked } from './callDataSql';
import { queryCallDataAggregates } from './callDataAggregates';
import { CALL_DATA_UNIQUE_KEY, callDataRow } from './callDataRows';
import { insertCallDataOnSqlite, isBetterSqlite } from './sqliteCallDataInsert';

const CURSOR_KIND = 'calldata';
// About 20 bindings a row: well below PostgreSQL's bind limit. (SQLite has a path of its own.)
const INSERT_CHUNK = 200;
// Deleting in slices keeps each statement and its locks short on a table with millions of rows.
const DELETE_CHUNK = 5_000;

// Whitelisted sort expressions: the API's column names never reach SQL themselves.
const SORT_COLUMNS: Record<Exclude<CallDataSortColumn, 'externalNumber'>, string> = {
  startAt: 'start_at',
  duration: 'duration_seconds',
  externalName: 'external_name',
  billingNumber: 'user_number',
  billingName: 'user_name',
  realName: 'connected_user_name',
  line: 'msn',
  success: 'success',
  callType: 'call_type',
  direction: 'direction',
};

/** {@link CallDataStore} on knex (SQLite or PostgreSQL). */
export class DatabaseCallDataStore implements CallDataStore {
  constructor(private readonly knex: Knex) {}

  async addRecords(systemId: string, records: NewCallData[], at: string): Promise<number> {
    if (isBetterSqlite(this.knex)) return insertCallDataOnSqlite(this.knex, systemId, records, at);
    let added = 0;
    for (let i = 0; i < records.length; i += INSERT_CHUNK) {
      const rows = records.slice(i, i + INSERT_CHUNK).map(r => callDataRow(systemId, r, at));
      const inserted = await this.knex('call_data')
        .insert(rows)
        .onConflict([...CALL_DATA_UNIQUE_KEY])
        .ignore()
        .returning('id');
      added += inserted.length;
    }
    return added;
  }

  async getCursor(systemId: string): Promise<string | undefined> {
    const row = await this.knex('device_cursors').where({ system_id: systemId, kind: CURSOR_KIND }).first();
    return row?.cursor as string | undefined;
  }

  async setCursor(systemId: string, cursor: string, at: string): Promise<void> {
    await this.knex('device_cursors')
      .insert({ system_id: systemId, kind: CURSOR_KIND, cursor, updated_at: at })
      .onConflict(['system_id', 'kind'])
      .merge();
  }

  async list(query: CallDataListQuery): Promise<{ items: CccCallDataRecord[]; totalCount?: number }> {
    const numberSql = externalNumberSql(query.masking);
    const base = this.knex('call_data');
    applyScope(this.knex, base, query.scope);
    applyFilter(base, query.filter, numberSql);

    const page = base.clone().select('*');
    if (query.after) {
      if (query.sort !== 'startAt') throw new Error('Keyset paging needs the order by start time');
      const { startAt, id } = query.after;
      const cmp = query.order === 'desc' ? '<' : '>';
      // A row value, which both databases read as one range on the (…, start_at, id) indexes; the same condition
      // spelt with OR is not, and PostgreSQL then filters far more index entries than the page needs.
      page.whereRaw(`(start_at, id) ${cmp} (?, ?)`, [startAt, id]);
    }
    // Ties broken by start time and id, so every page of an offset walk sees the same order.
    const primary = query.sort === 'externalNumber' ? numberSql.sql : SORT_COLUMNS[query.sort];
    const order = query.order === 'desc' ? 'desc' : 'asc';
    page.orderByRaw(`${primary} ${order}`, query.sort === 'externalNumber' ? numberSql.bindings : []);
    if (query.sort !== 'startAt') page.orderBy('start_at', order);
    page.orderBy('id', order).limit(query.limit);
    if (query.offset) page.offset(query.offset);

    const rows = await page;
    const items = rows.map(row => toRecord(row, isMasked(query.masking, row.system_id)));
    if (!query.withTotal) return { items };
    const [{ n }] = await base.clone().count({ n: '*' });
    return { items, totalCount: Number(n) };
  }

  statistics(query: CallDataStatisticsQuery): Promise<CallDataAggregates> {
    return queryCallDataAggregates(this.knex, query);
  }

  async deleteStartedBefore(cutoff: string): Promise<number> {
    let deleted = 0;
    for (;;) {
      const ids = this.knex('call_data').select('id').where('start_at', '<', cutoff).limit(DELETE_CHUNK);
      // A derived table around the subquery: PostgreSQL and SQLite both accept LIMIT there.
      const n = await this.knex('call_data')
        .whereIn('id', this.knex.select('id').from(ids.as('old')))
        .delete();
      deleted += n;
      if (n < DELETE_CHUNK) return deleted;
    }
  }
}

function toRecord(row: Record<string, any>, masked: boolean): CccCallDataRecord {
  return {
    id: Number(row.id),
    systemId: row.system_id,
    startAt: row.start_at,
    durationSeconds: Number(row.duration_seconds),
    externalNumber: masked ? maskExternalNumber(row.external_number) : row.external_number,
    externalName: row.external_name,
    billingNumber: row.user_number,
    billingName: row.user_name,
    realNumber: row.connected_user_number,
    realName: row.connected_user_name,
    line: row.msn,
    groupNumber: row.group_number,
    groupName: row.group_name,
    // SQLite gives 0/1.
    success: Boolean(row.success),
    callType: row.call_type,
    direction: row.direction,
    cost: row.cost === null ? null : Number(row.cost),
    costFactor: row.cost_factor === null ? null : Number(row.cost_factor),
  };
}
