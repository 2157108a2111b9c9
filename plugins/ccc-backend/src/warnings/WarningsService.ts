import { LoggerService } from '@backstage/backend-plugin-api';
import { CccWarning, warningQuerySchema } from '@internal/plugin-ccc-common';
import { CccDatabase } from '../database/CccDatabase';
import { AlertDelivery } from '../database/WarningStore';
import { DeviceClient } from '../device/DeviceClient';
import { runBounded } from '../jobs/runBounded';
import { CccMetrics } from '../metrics/CccMetrics';
import { Shard } from '../jobs/shards';
import { SystemsService } from '../systems/SystemsService';
import { parse } from '../validation';

/** Collects warnings (system messages) from the devices and serves the warnings tab. */
export class WarningsService {
  readonly #db: CccDatabase;
  readonly #systems: SystemsService;
  readonly #devices: DeviceClient;
  readonly #logger: LoggerService;
  readonly #now: () => Date;
  readonly #metrics?: CccMetrics;

  constructor(options: {
    db: CccDatabase;
    systems: SystemsService;
    devices: DeviceClient;
    logger: LoggerService;
    now?: () => Date;
    metrics?: CccMetrics;
  }) {
    this.#metrics = options.metrics;
    this.#db = options.db;
    this.#systems = options.systems;
    this.#devices = options.devices;
    this.#logger = options.logger;
    this.#now = options.now ?? (() => new Date());
  }

  /**
   * Reads the messages newer than the stored cursor from one device and
   * stores them with the new cursor in one transaction. Repeating a read (a
   * crash, two replicas) adds nothing twice. Returns how many were new.
   */
  async collect(systemId: string): Promise<number> {
    const { target } = await this.#systems.manageableTarget(systemId);
    const since = Number((await this.#db.warnings.getCursor(systemId, 'warnings')) ?? '0');
    const messages = await this.#devices.listSystemMessages(target, since);
    if (messages.length === 0) return 0;
    const cursor = String(Math.max(since, ...messages.map(m => m.id)));
    const added = await this.#db.warnings.addWarnings(
      systemId,
      messages.map(m => ({ deviceMessageId: m.id, ts: m.ts, severity: m.severity, category: m.category, text: m.text })),
      cursor,
      this.#now().toISOString(),
    );
    this.#metrics?.ingested('warnings', added);
    return added;
  }

  /** Collects from every manageable system, a few at a time, each with its own time limit. */
  async collectAll(signal?: AbortSignal, options: { concurrency?: number; itemTimeoutMs?: number; shard?: Shard } = {}) {
    const ids = await this.#systems.manageableIds(options.shard);
    return runBounded(ids, id => this.collect(id), {
      concurrency: options.concurrency ?? 8,
      itemTimeoutMs: options.itemTimeoutMs ?? 60_000,
      signal,
      // The device may be rebooting or gone; the status poll records that, the next round tries again.
      onError: (id, error) => this.#logger.debug(`Warnings of system ${id} not collected: ${error.message}`),
    });
  }

  /** One page of a system's warnings, filtered and sorted. */
  async list(systemId: string, query: unknown): Promise<{ items: CccWarning[]; totalCount: number }> {
    const q = parse(warningQuerySchema, query);
    return this.#db.warnings.listWarnings({
      systemId,
      severities: q.severity,
      text: q.q,
      sort: q.sort,
      order: q.order,
      limit: q.limit,
      offset: q.offset,
    });
  }

  /** The latest alert mails of a system (sent, failed, suppressed, no server). */
  async deliveries(systemId: string): Promise<AlertDelivery[]> {
    return this.#db.warnings.listDeliveries(systemId, 50);
  }
}
