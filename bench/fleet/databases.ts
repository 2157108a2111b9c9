/*
 * The databases of the fleet benchmark: a SQLite file (always) and a
 * PostgreSQL database of its own (when a server answers), both migrated with
 * the CCC's migrations and removed again at the end.
 */
import { migrationsDir } from '@internal/plugin-ccc-backend/src/database/migrateDatabase';
import knexFactory, { Knex } from 'knex';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

/** One benchmark database; `config` is plain data, so child processes open their own pool with it. */
export interface BenchDatabase {
  label: 'SQLite' | 'PostgreSQL';
  config: Knex.Config;
  knex: Knex;
  /**
   * After bulk loading: on PostgreSQL VACUUM ANALYZE, what autovacuum would have done long since on a
   * server in use (measured right after a load, it runs meanwhile and the planner has no statistics yet).
   */
  settle(): Promise<void>;
  /** Closes the pool and deletes the database. */
  remove(): Promise<void>;
}

/** Default server: the local cluster the CI and scripts/replicas.sh use. */
export const DEFAULT_POSTGRES_URL = 'postgresql://ccc_ci:ci_Pg15_k9Tz@127.0.0.1:5432';

/** A migrated SQLite file in a temporary folder. */
export async function createSqliteDatabase(): Promise<BenchDatabase> {
  const dir = mkdtempSync(join(os.tmpdir(), 'ccc-fleet-bench-'));
  const config: Knex.Config = {
    client: 'better-sqlite3',
    connection: { filename: join(dir, 'ccc.sqlite') },
    useNullAsDefault: true,
  };
  const knex = knexFactory(config);
  await knex.migrate.latest({ directory: migrationsDir });
  return {
    label: 'SQLite',
    config,
    knex,
    // Nothing runs by itself on SQLite, and Backstage does not ANALYZE it either.
    async settle() {},
    async remove() {
      await knex.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A migrated PostgreSQL database of its own on the server at `serverUrl`
 * (created here, dropped by `remove`), or the reason why there is none.
 */
export async function createPostgresDatabase(serverUrl: string, name: string): Promise<BenchDatabase | string> {
  const admin = knexFactory({ client: 'pg', connection: withDatabase(serverUrl, 'postgres'), pool: { min: 0, max: 1 } });
  try {
    await admin.raw(`drop database if exists ${name}`);
    await admin.raw(`create database ${name}`);
  } catch (error) {
    await admin.destroy();
    return `PostgreSQL not usable at ${redacted(serverUrl)}: ${(error as Error).message}`;
  }
  const config: Knex.Config = { client: 'pg', connection: withDatabase(serverUrl, name) };
  const knex = knexFactory(config);
  await knex.migrate.latest({ directory: migrationsDir });
  return {
    label: 'PostgreSQL',
    config,
    knex,
    async settle() {
      await knex.raw('vacuum analyze');
    },
    async remove() {
      await knex.destroy();
      try {
        await admin.raw(`drop database if exists ${name} with (force)`);
      } finally {
        await admin.destroy();
      }
    },
  };
}

/** Copies every row of `systems` (registered and paired elsewhere) into another database. */
export async function copySystems(from: Knex, to: Knex): Promise<void> {
  const rows: Array<Record<string, unknown>> = await from('systems').select('*');
  // SQLite hands booleans out as 0/1; PostgreSQL wants true/false.
  const converted = rows.map(row => ({ ...row, allow_self_signed_tls: Boolean(row.allow_self_signed_tls) }));
  await to.batchInsert('systems', converted, 500);
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

// The password never goes into the output.
function redacted(serverUrl: string): string {
  const url = new URL(serverUrl);
  if (url.password) url.password = '***';
  return url.toString();
}
