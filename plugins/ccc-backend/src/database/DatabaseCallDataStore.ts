import { CallDataSortColumn, CccCallDataRecord, maskExternalNumber } from '@internal/plugin-ccc-common';
import { Knex } from 'knex';
import { CallDataListQuery, CallDataMasking, CallDataStore, NewCallData } from './CallDataStore';
import { applySystemFilter } from './systemFilter';

const CURSOR_KIND = 'calldata';
// About 20 bindings a row: well below the bind limits of SQLite and PostgreSQL.
const INSERT_CHUNK = 200;
// Deleting in slices keeps each statement and its locks short on a table with millions of rows.
const DELETE_CHUNK = 5_000;

// What a masked external number looks like, in SQL; the same rule as maskExternalNumber.
const MASKED_NUMBER = `case when external_number = '' then ''
  when length(external_number) > 3 then substr(external_number, 1, length(external_number) - 3) || '***'
  else '***' end`;

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

// Columns the free text looks into, besides the (possibly masked) external number.
const TEXT_COLUMNS = [
  'external_name',
  'msn',
  'user_number',
  'user_name',
  'connected_user_number',
  'connected_user_name',
];

/** {@link CallDataStore} on knex (SQLite or PostgreSQL). */
export class DatabaseCallDataStore implements CallDataStore {
  constructor(private readonly knex: Knex) {}

  async addRecords(systemId: string, records: NewCallData[], at: string): Promise<number> {
    let added = 0;
    for (let i = 0; i < records.length; i += INSERT_CHUNK) {
      const rows = records.slice(i, i + INSERT_CHUNK).map(r => toRow(systemId, r, at));
      const inserted = await this.knex('call_data')
        .insert(rows)
        .onConflict(['system_id', 'fingerprint'])
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
    this.#applyScope(base, query);
    applyFilter(base, query, numberSql);

    const page = base.clone().select('*');
    if (query.after) {
      if (query.sort !== 'startAt') throw new Error('Keyset paging needs the order by start time');
      const { startAt, id } = query.after;
      const cmp = query.order === 'desc' ? '<' : '>';
      page.where(b =>
        b.where('start_at', cmp, startAt).orWhere(inner => inner.where('start_at', startAt).andWhere('id', cmp, id)),
      );
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

  #applyScope(q: Knex.QueryBuilder, query: CallDataListQuery): void {
    const { systemIds, criteria } = query.scope;
    if (systemIds) q.whereIn('call_data.system_id', systemIds);
    if (criteria) {
      const allowed = this.knex('systems')
        .select('systems.id')
        .where(b => applySystemFilter(this.knex, b, criteria));
      q.whereIn('call_data.system_id', allowed);
    }
  }
}

/** The external number as the caller may see it, as SQL with bindings (for search and sort). */
function externalNumberSql(masking: CallDataMasking): { sql: string; bindings: string[] } {
  if (masking === 'none') return { sql: 'external_number', bindings: [] };
  if (masking === 'all' || masking.allBut.length === 0) return { sql: `(${MASKED_NUMBER})`, bindings: [] };
  const marks = masking.allBut.map(() => '?').join(', ');
  return {
    sql: `(case when call_data.system_id in (${marks}) then external_number else ${MASKED_NUMBER} end)`,
    bindings: masking.allBut,
  };
}

function isMasked(masking: CallDataMasking, systemId: string): boolean {
  if (masking === 'none') return false;
  if (masking === 'all') return true;
  return !masking.allBut.includes(systemId);
}

function applyFilter(q: Knex.QueryBuilder, query: CallDataListQuery, numberSql: { sql: string; bindings: string[] }) {
  const f = query.filter;
  if (f.from) q.where('start_at', '>=', f.from);
  if (f.to) q.where('start_at', '<', f.to);
  if (f.direction) q.where('direction', f.direction);
  if (f.success !== undefined) q.where('success', f.success);
  if (f.extension) {
    const ext = f.extension;
    q.where(b => b.where('user_number', ext).orWhere('connected_user_number', ext));
  }
  if (f.text) {
    // The text is a value, never SQL; %, _ and \ in it are matched literally.
    const pattern = `%${f.text.toLocaleLowerCase('de-DE').replace(/[\\%_]/g, c => `\\${c}`)}%`;
    q.where(b => {
      b.whereRaw(`lower(${numberSql.sql}) like ? escape '\\'`, [...numberSql.bindings, pattern]);
      for (const column of TEXT_COLUMNS) b.orWhereRaw(`lower(${column}) like ? escape '\\'`, [pattern]);
    });
  }
}

function toRow(systemId: string, r: NewCallData, at: string) {
  return {
    system_id: systemId,
    fingerprint: r.fingerprint,
    device_id: r.deviceId,
    start_at: r.startAt,
    duration_seconds: r.durationSeconds,
    external_number: r.externalNumber,
    external_name: r.externalName,
    msn: r.line,
    user_number: r.billingNumber,
    user_name: r.billingName,
    connected_user_number: r.realNumber,
    connected_user_name: r.realName,
    group_number: r.groupNumber,
    group_name: r.groupName,
    cost: r.cost,
    cost_factor: r.costFactor,
    direction: r.direction,
    call_type: r.callType,
    success: r.success,
    collected_at: at,
  };
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
