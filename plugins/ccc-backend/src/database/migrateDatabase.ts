import { DatabaseService, resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

/** Folder of the plain-JS knex migrations shipped with the package. */
export const migrationsDir = resolvePackagePath('@internal/plugin-ccc-backend', 'migrations');

/** Gets the plugin's database client and brings its schema up to date, unless migrations are skipped by config. */
export async function migrateDatabase(database: DatabaseService): Promise<Knex> {
  const knex = await database.getClient();
  if (!database.migrations?.skip) {
    await knex.migrate.latest({ directory: migrationsDir });
  }
  return knex;
}
