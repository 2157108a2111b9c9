import { Knex } from 'knex';
import { CallDataAggregates, CallDataStatisticsQuery } from './CallDataStore';
import { allowedSystems, applyFilter, applyScope, externalNumberSql } from './callDataSql';

/*
 * The statistics of the call data as SQL aggregates that SQLite (≥ 3.25, for window functions) and PostgreSQL
 * both run: every figure is computed where the records are, and what comes back is bounded by the range
 * (quarter hours), by `top`, or by the number of systems, never by the number of records.
 */

// Success is a boolean in PostgreSQL and 0/1 in SQLite; `case when` reads both.
const ANSWERED = 'sum(case when call_data.success then 1 else 0 end)';
const TALK = 'sum(case when call_data.success then call_data.duration_seconds else 0 end)';

/** Start of the call in milliseconds since 1970, exactly (start_at is ISO 8601 UTC with milliseconds). */
function startMsSql(knex: Knex): string {
  return knex.client.dialect === 'postgresql'
    ? 'cast(round(extract(epoch from cast(call_data.start_at as timestamptz)) * 1000) as bigint)'
    : "(cast(strftime('%s', call_data.start_at) as integer) * 1000 + cast(substr(call_data.start_at, 21, 3) as integer))";
}

const num = (value: unknown) => Number(value ?? 0);
const numOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/** Runs the aggregates of {@link CallDataAggregates}, a handful of queries, each one pass over the matching records. */
export async function queryCallDataAggregates(knex: Knex, query: CallDataStatisticsQuery): Promise<CallDataAggregates> {
  const numberSql = externalNumberSql(query.masking);
  const matching = () => {
    const q = knex('call_data');
    applyScope(knex, q, query.scope);
    applyFilter(q, query.filter, numberSql);
    return q;
  };
  const top = query.top;

  const totalsQuery = matching()
    .select(
      knex.raw('count(*) as calls'),
      knex.raw(`coalesce(${ANSWERED}, 0) as answered`),
      knex.raw(`coalesce(${TALK}, 0) as talk`),
      knex.raw('avg(case when call_data.success then call_data.duration_seconds end) as average'),
    )
    .first();

  // The median of the answered durations: the middle row (or the two middle rows) of the sorted durations.
  const medianQuery = knex
    .from(
      matching()
        .where('call_data.success', true)
        .select(
          'call_data.duration_seconds as d',
          knex.raw('row_number() over (order by call_data.duration_seconds) as rn'),
          knex.raw('count(*) over () as n'),
        )
        .as('ranked'),
    )
    .whereRaw('rn in ((n + 1) / 2, (n + 2) / 2)')
    .avg({ median: 'd' })
    .first();

  // Quarter hours in UTC: every time zone in use is a whole number of quarter hours off UTC, so the caller can
  // count local days and hours from them exactly.
  const quartersQuery = matching()
    .select(
      knex.raw('substr(call_data.start_at, 1, 13) as hour'),
      knex.raw('cast(substr(call_data.start_at, 15, 2) as integer) / 15 as quarter'),
      knex.raw('count(*) as calls'),
      knex.raw(`${ANSWERED} as answered`),
    )
    .groupByRaw('1, 2')
    .orderByRaw('1, 2');

  // Each call as two events, +1 at its start and -1 at its end; the running sum in time order is the number of
  // calls in progress. At the same moment ends come first: a call that starts as another ends does not overlap it.
  const startMs = startMsSql(knex);
  const peakQuery = knex
    .with(
      'spans',
      matching().select(
        knex.raw(`${startMs} as t0`),
        knex.raw(`${startMs} + call_data.duration_seconds * 1000 as t1`),
      ),
    )
    .with('events', knex.raw('select t0 as t, 1 as d from spans union all select t1 as t, -1 as d from spans'))
    .with(
      'running',
      knex.raw('select t, sum(d) over (order by t, d rows between unbounded preceding and current row) as n from events'),
    )
    .select('t', 'n')
    .from('running')
    .orderBy([
      { column: 'n', order: 'desc' },
      { column: 't', order: 'asc' },
    ])
    .first();

  // The real (connected) party took the call; the billing number stands in where there is none.
  const extensionsQuery = knex
    .from(
      matching()
        .select(
          'call_data.system_id as system_id',
          knex.raw(
            "case when call_data.connected_user_number <> '' then call_data.connected_user_number else call_data.user_number end as extension",
          ),
          knex.raw(
            "case when call_data.connected_user_number <> '' then call_data.connected_user_name else call_data.user_name end as name",
          ),
          'call_data.success as success',
          'call_data.duration_seconds as duration_seconds',
        )
        .as('call_data'),
    )
    .whereRaw("extension <> ''")
    .select(
      'system_id',
      'extension',
      knex.raw('max(name) as name'),
      knex.raw('count(*) as calls'),
      knex.raw(`${ANSWERED} as answered`),
      knex.raw(`${TALK} as talk`),
    )
    .groupBy('system_id', 'extension')
    .orderByRaw('count(*) desc, system_id, extension')
    .limit(top);

  const linesQuery = matching()
    .where('call_data.msn', '<>', '')
    .select(
      'call_data.system_id as system_id',
      'call_data.msn as line',
      knex.raw('count(*) as calls'),
      knex.raw(`${ANSWERED} as answered`),
      knex.raw(`${TALK} as talk`),
    )
    .groupBy('call_data.system_id', 'call_data.msn')
    .orderByRaw('count(*) desc, call_data.system_id, call_data.msn')
    .limit(top);

  // Grouped by the number as the caller sees it: masked numbers that differ in the hidden digits count as one,
  // so the table cannot tell them apart either.
  const externalQuery = knex
    .from(
      matching()
        .where('call_data.external_number', '<>', '')
        .select(
          knex.raw(`${numberSql.sql} as external_number`, numberSql.bindings),
          'call_data.success as success',
          'call_data.duration_seconds as duration_seconds',
        )
        .as('call_data'),
    )
    .select(
      'external_number',
      knex.raw('count(*) as calls'),
      knex.raw(`${ANSWERED} as answered`),
      knex.raw(`${TALK} as talk`),
    )
    .groupBy('external_number')
    .orderByRaw('count(*) desc, external_number')
    .limit(top);

  const perSystem = matching()
    .select('call_data.system_id', knex.raw('count(*) as calls'), knex.raw(`${ANSWERED} as answered`))
    .groupBy('call_data.system_id')
    .as('counts');
  const systemsQuery = knex('systems')
    .leftJoin(perSystem, 'counts.system_id', 'systems.id')
    .whereIn('systems.id', allowedSystems(knex, query.scope))
    .select('systems.id', 'systems.name', 'counts.calls', 'counts.answered')
    .orderBy([{ column: 'systems.name' }, { column: 'systems.id' }]);

  // Side by side: PostgreSQL runs them on several connections; SQLite's one connection takes them in turn.
  const [totals, median, quarters, peak, extensions, lines, external, systems] = await Promise.all([
    totalsQuery,
    medianQuery,
    quartersQuery,
    peakQuery,
    extensionsQuery,
    linesQuery,
    externalQuery,
    systemsQuery,
  ]);

  const peakCalls = num(peak?.n);
  return {
    totals: {
      calls: num(totals?.calls),
      answered: num(totals?.answered),
      talkSeconds: num(totals?.talk),
      averageDurationSeconds: numOrNull(totals?.average),
      medianDurationSeconds: numOrNull(median?.median),
    },
    peakConcurrent: {
      calls: Math.max(0, peakCalls),
      at: peakCalls > 0 ? new Date(Number(peak!.t)).toISOString() : null,
    },
    quarterHours: quarters.map((row: any) => ({
      start: `${row.hour}:${String(Number(row.quarter) * 15).padStart(2, '0')}:00.000Z`,
      calls: num(row.calls),
      answered: num(row.answered),
    })),
    topExtensions: extensions.map((row: any) => ({
      systemId: row.system_id,
      extension: row.extension,
      name: row.name ?? '',
      calls: num(row.calls),
      answered: num(row.answered),
      talkSeconds: num(row.talk),
    })),
    topLines: lines.map((row: any) => ({
      systemId: row.system_id,
      line: row.line,
      calls: num(row.calls),
      answered: num(row.answered),
      talkSeconds: num(row.talk),
    })),
    topExternalNumbers: external.map((row: any) => ({
      externalNumber: row.external_number,
      calls: num(row.calls),
      answered: num(row.answered),
      talkSeconds: num(row.talk),
    })),
    systems: systems.map((row: any) => ({
      systemId: row.id,
      name: row.name,
      calls: num(row.calls),
      answered: num(row.answered),
    })),
  };
}
