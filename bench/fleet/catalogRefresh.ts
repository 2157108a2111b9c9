/*
 * Part 4 of the fleet benchmark: one refresh of the catalog entity provider,
 * the provider's own code end to end: a service token, GET /systems from the
 * running CCC backend, an entity per system, one full mutation. The catalog
 * is a connection that keeps the mutation, so what the catalog then does
 * with 10,000 entities (its processing loop, stitching) is not measured.
 * Baseline: reading the same rows with a plain SELECT.
 */
import { mockServices } from '@backstage/backend-test-utils';
import type { EntityProviderConnection, EntityProviderMutation } from '@backstage/plugin-catalog-node';
import { CccEntityProvider } from '@internal/plugin-ccc-backend/src/provider/CccEntityProvider';
import { BenchBackend } from './cccBackend';
import { BenchDatabase } from './databases';

/** Refreshes measured per database (the median is reported). */
const RUNS = 3;

/** One line of the catalog table. */
export interface CatalogRow {
  database: string;
  what: string;
  /** Median of the runs (CPU of the same run). */
  seconds: number;
  cpuSeconds: number;
  entities: number;
  /** Size of the mutation as JSON, in MB. */
  megabytes?: number;
}

const silent = { info() {}, warn() {}, error() {}, debug() {}, child: () => silent } as never;

async function median<T>(fn: () => Promise<T>) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const value = await fn();
    const used = process.cpuUsage(cpu);
    runs.push({ value, seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6 });
  }
  runs.sort((a, b) => a.seconds - b.seconds);
  return runs[Math.floor(RUNS / 2)];
}

/** Times the provider's refresh against the backend and the plain read of the rows. */
export async function benchCatalogRefresh(db: BenchDatabase, backend: BenchBackend, size: number): Promise<CatalogRow[]> {
  const applied: { mutation?: EntityProviderMutation } = {};
  const connection: EntityProviderConnection = {
    async applyMutation(mutation) {
      applied.mutation = mutation;
    },
    async refresh() {},
  };
  const provider = CccEntityProvider.fromConfig(mockServices.rootConfig(), {
    logger: silent,
    // The refresh is run by hand below, not on a schedule.
    scheduler: { scheduleTask: async () => {} } as never,
    auth: mockServices.auth({ pluginId: 'catalog' }),
    discovery: {
      getBaseUrl: async () => backend.baseUrl,
      getExternalBaseUrl: async () => backend.baseUrl,
    },
  });
  await provider.connect(connection);

  const refresh = await median(async () => {
    applied.mutation = undefined;
    await provider.refresh({ logger: silent });
    // (A cast: TypeScript cannot know that refresh() set it.)
    const mutation = applied.mutation as EntityProviderMutation | undefined;
    if (mutation?.type !== 'full') throw new Error('The provider applied no full mutation');
    return mutation.entities.length;
  });
  if (refresh.value !== size) throw new Error(`The provider's mutation holds ${refresh.value} entities, expected ${size}`);
  const read = await median(async () => (await db.knex('systems').select('*')).length);
  return [
    {
      database: db.label,
      what: 'provider refresh (HTTP read, transform, full mutation)',
      seconds: refresh.seconds,
      cpuSeconds: refresh.cpuSeconds,
      entities: refresh.value,
      megabytes: Buffer.byteLength(JSON.stringify(applied.mutation)) / 1e6,
    },
    { database: db.label, what: 'plain SELECT * FROM systems', seconds: read.seconds, cpuSeconds: read.cpuSeconds, entities: read.value },
  ];
}
