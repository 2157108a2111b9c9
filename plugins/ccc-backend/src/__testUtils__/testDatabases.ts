import { TestDatabases } from '@backstage/backend-test-utils';

/**
 * The databases every store test runs on: SQLite always, PostgreSQL 15 when
 * `BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING` is set (`.ci/run`
 * sets it). Without the variable the PostgreSQL cases are skipped silently,
 * which is why `.ci/run` counts them.
 */
export function createTestDatabases(): TestDatabases {
  return TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
}
