import { Knex } from 'knex';
import { NewCallData } from './CallDataStore';
import { CALL_DATA_INSERT_COLUMNS, CALL_DATA_UNIQUE_KEY, callDataRowValues } from './callDataRows';

// Rows per statement: 20 bindings a row, far below SQLite's limit of 32,766.
const ROWS_PER_STATEMENT = 500;

/** The part of a better-sqlite3 statement used here. */
interface SqliteStatement {
  run(values: unknown[]): { changes: number };
}

/** The part of a better-sqlite3 connection used here. */
interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
}

// Statements by connection and row count. A connection that is closed is dropped with its statements.
const statements = new WeakMap<SqliteConnection, Map<number, SqliteStatement>>();

function insertSql(rows: number): string {
  const row = `(${CALL_DATA_INSERT_COLUMNS.map(() => '?').join(', ')})`;
  return (
    `insert into call_data (${CALL_DATA_INSERT_COLUMNS.join(', ')}) values ${new Array(rows).fill(row).join(', ')} ` +
    `on conflict (${CALL_DATA_UNIQUE_KEY.join(', ')}) do nothing`
  );
}

function statementFor(connection: SqliteConnection, rows: number): SqliteStatement {
  let byRows = statements.get(connection);
  if (!byRows) {
    byRows = new Map();
    statements.set(connection, byRows);
  }
  let statement = byRows.get(rows);
  if (!statement) {
    statement = connection.prepare(insertSql(rows));
    byRows.set(rows, statement);
  }
  return statement;
}

function bindings(systemId: string, records: NewCallData[], at: string): unknown[] {
  const values: unknown[] = [];
  for (const record of records) {
    for (const value of callDataRowValues(systemId, record, at)) {
      // better-sqlite3 binds no booleans; knex stores them as 1 and 0 on SQLite too.
      values.push(typeof value === 'boolean' ? Number(value) : value);
    }
  }
  return values;
}

/** Whether `knex` talks to SQLite through better-sqlite3, where {@link insertCallDataOnSqlite} applies. */
export function isBetterSqlite(knex: Knex): boolean {
  return (knex.client as { driverName?: string }).driverName === 'better-sqlite3';
}

/**
 * Adds call-data records on better-sqlite3, skipping those already stored (same system, start and fingerprint);
 * returns how many were new. The same insert through knex builds and SQLite parses a statement with thousands of
 * placeholders for every chunk, which made the collection's ingest less than half as fast as a plain insert (issue
 * #9's benchmark); prepared once per connection, the statements are only run. Inside a knex transaction the
 * transaction's own connection is used (knex hands it out and does not release it here).
 */
export async function insertCallDataOnSqlite(
  knex: Knex,
  systemId: string,
  records: NewCallData[],
  at: string,
): Promise<number> {
  const client = knex.client as Knex.Client;
  const connection = (await client.acquireConnection()) as SqliteConnection;
  try {
    let added = 0;
    let i = 0;
    for (; i + ROWS_PER_STATEMENT <= records.length; i += ROWS_PER_STATEMENT) {
      const chunk = records.slice(i, i + ROWS_PER_STATEMENT);
      added += statementFor(connection, ROWS_PER_STATEMENT).run(bindings(systemId, chunk, at)).changes;
    }
    // The rest one by one: one more cached statement instead of one per remainder size.
    for (; i < records.length; i++) {
      added += statementFor(connection, 1).run(bindings(systemId, [records[i]], at)).changes;
    }
    return added;
  } finally {
    await client.releaseConnection(connection);
  }
}
