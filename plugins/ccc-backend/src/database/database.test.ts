import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { HealthService } from '../health/HealthService';
import { migrateDatabase, migrationsDir } from './migrateDatabase';
import { verifyEncryptionKey } from './verifyEncryptionKey';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('CCC database (%s)', databaseId => {
  it('migrates up and down cleanly', async () => {
    const knex = await databases.init(databaseId);
    await migrateDatabase(mockServices.database({ knex }));
    expect(await knex.schema.hasTable('encryption_keys')).toBe(true);

    await knex.migrate.rollback({ directory: migrationsDir }, true);
    expect(await knex.schema.hasTable('encryption_keys')).toBe(false);
  });

  it('skips migrations when configured to', async () => {
    const knex = await databases.init(databaseId);
    await migrateDatabase(mockServices.database({ knex, migrations: { skip: true } }));
    expect(await knex.schema.hasTable('encryption_keys')).toBe(false);
  });

  it('records the first key and accepts it again', async () => {
    const knex = await databases.init(databaseId);
    await migrateDatabase(mockServices.database({ knex }));
    await verifyEncryptionKey(knex, 'aaaa1111aaaa1111', new Date('2026-01-01T00:00:00Z'));
    await verifyEncryptionKey(knex, 'aaaa1111aaaa1111');
    expect(await knex('encryption_keys').select()).toEqual([
      { fingerprint: 'aaaa1111aaaa1111', created_at: '2026-01-01T00:00:00.000Z' },
    ]);
  });

  it('refuses another key with both fingerprints in the message', async () => {
    const knex = await databases.init(databaseId);
    await migrateDatabase(mockServices.database({ knex }));
    await verifyEncryptionKey(knex, 'aaaa1111aaaa1111');
    await expect(verifyEncryptionKey(knex, 'bbbb2222bbbb2222')).rejects.toThrow(
      /bbbb2222bbbb2222.*not the key.*aaaa1111aaaa1111/,
    );
    expect(Number((await knex('encryption_keys').count({ n: '*' }))[0].n)).toBe(1);
  });

  it('reports the database as ok while it answers and as down once it is gone', async () => {
    const knex = await databases.init(databaseId);
    const health = new HealthService({ knex, timeoutMs: 2000 });
    const up = await health.check();
    expect(up.database.status).toBe('ok');
    expect(up.status).toBe('ok');

    const gone = await databases.init(databaseId);
    await gone.destroy();
    const down = await new HealthService({ knex: gone, timeoutMs: 2000 }).check();
    expect(down.database.status).toBe('down');
    expect(down.database.message).toBeTruthy();
    expect(down.status).toBe('down');
  });
});
