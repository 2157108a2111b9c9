import { Knex } from 'knex';
import { CallDataFilter, CallDataMasking, CallDataScope } from './CallDataStore';
import { applySystemFilter } from './systemFilter';

/*
 * The WHERE clauses and expressions that the call-data list, export and statistics share, so that every view
 * of the call data sees the same records and the same masked numbers.
 */

// What a masked external number looks like, in SQL; the same rule as maskExternalNumber.
const MASKED_NUMBER = `case when external_number = '' then ''
  when length(external_number) > 3 then substr(external_number, 1, length(external_number) - 3) || '***'
  else '***' end`;

// Columns the free text looks into, besides the (possibly masked) external number.
const TEXT_COLUMNS = [
  'external_name',
  'msn',
  'user_number',
  'user_name',
  'connected_user_number',
  'connected_user_name',
];

/** An SQL expression with its bindings. */
export interface SqlExpression {
  sql: string;
  bindings: string[];
}

/** The external number as the caller may see it, as SQL with bindings (for search, sort and grouping). */
export function externalNumberSql(masking: CallDataMasking): SqlExpression {
  if (masking === 'none') return { sql: 'external_number', bindings: [] };
  if (masking === 'all' || masking.allBut.length === 0) return { sql: `(${MASKED_NUMBER})`, bindings: [] };
  const marks = masking.allBut.map(() => '?').join(', ');
  return {
    sql: `(case when call_data.system_id in (${marks}) then external_number else ${MASKED_NUMBER} end)`,
    bindings: masking.allBut,
  };
}

/** Whether the external numbers of a system come back masked. */
export function isMasked(masking: CallDataMasking, systemId: string): boolean {
  if (masking === 'none') return false;
  if (masking === 'all') return true;
  return !masking.allBut.includes(systemId);
}

/** Narrows a query on call_data to the systems of the scope; the permission criteria become a subquery. */
export function applyScope(knex: Knex, q: Knex.QueryBuilder, scope: CallDataScope): void {
  const { systemIds, criteria } = scope;
  if (systemIds) q.whereIn('call_data.system_id', systemIds);
  if (criteria) q.whereIn('call_data.system_id', allowedSystems(knex, { criteria }));
}

/** `select id from systems` narrowed to the scope. */
export function allowedSystems(knex: Knex, scope: CallDataScope): Knex.QueryBuilder {
  const q = knex('systems').select('systems.id');
  if (scope.systemIds) q.whereIn('systems.id', scope.systemIds);
  const { criteria } = scope;
  if (criteria) q.where(b => applySystemFilter(knex, b, criteria));
  return q;
}

/** Adds the filters of the list, export and statistics; the free text searches the number as the caller sees it. */
export function applyFilter(q: Knex.QueryBuilder, f: CallDataFilter, numberSql: SqlExpression): void {
  if (f.from) q.where('call_data.start_at', '>=', f.from);
  if (f.to) q.where('call_data.start_at', '<', f.to);
  if (f.direction) q.where('call_data.direction', f.direction);
  if (f.success !== undefined) q.where('call_data.success', f.success);
  if (f.extension) {
    const ext = f.extension;
    q.where(b => b.where('call_data.user_number', ext).orWhere('call_data.connected_user_number', ext));
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
