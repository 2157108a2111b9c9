import { CccDependencyHealth, CccHealth, overallHealthStatus } from '@internal/plugin-ccc-common';
import { Knex } from 'knex';

/** Options for {@link HealthService}. */
export interface HealthServiceOptions {
  knex: Knex;
  /** URL whose 2xx answer means the device side (gateway or simulator) is reachable. */
  deviceHealthUrl?: string;
  /** Limit for each probe, so that a hanging dependency cannot hang the health check. */
  timeoutMs?: number;
  /** Injectable for tests; defaults to the global fetch. */
  fetchFn?: typeof fetch;
}

/** Probes the database and the device side for `GET /health`. */
export class HealthService {
  readonly #knex: Knex;
  readonly #deviceHealthUrl?: string;
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch;

  constructor(options: HealthServiceOptions) {
    this.#knex = options.knex;
    this.#deviceHealthUrl = options.deviceHealthUrl;
    this.#timeoutMs = options.timeoutMs ?? 3000;
    this.#fetch = options.fetchFn ?? fetch;
  }

  /** Runs both probes in parallel. */
  async check(): Promise<CccHealth> {
    const [database, devices] = await Promise.all([this.#probeDatabase(), this.#probeDevices()]);
    return {
      status: overallHealthStatus(database, devices),
      checkedAt: new Date().toISOString(),
      database,
      devices,
    };
  }

  async #probeDatabase(): Promise<CccDependencyHealth> {
    const started = Date.now();
    try {
      await withTimeout(this.#knex.raw('select 1'), this.#timeoutMs, 'database');
      return { status: 'ok', latencyMs: Date.now() - started };
    } catch (error) {
      return { status: 'down', latencyMs: Date.now() - started, message: describe(error) };
    }
  }

  async #probeDevices(): Promise<CccDependencyHealth> {
    const target = this.#deviceHealthUrl;
    if (!target) {
      return { status: 'not-configured' };
    }
    const started = Date.now();
    try {
      const res = await this.#fetch(target, { signal: AbortSignal.timeout(this.#timeoutMs) });
      // Read the body so the connection is released.
      await res.arrayBuffer().catch(() => undefined);
      return res.ok
        ? { status: 'ok', target, latencyMs: Date.now() - started }
        : { status: 'down', target, latencyMs: Date.now() - started, message: `HTTP ${res.status}` };
    } catch (error) {
      return { status: 'down', target, latencyMs: Date.now() - started, message: describe(error) };
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    // fetch wraps the interesting part (ECONNREFUSED, timeout) in `cause`.
    const cause = (error as Error & { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
  }
  return String(error);
}
