import { LoggerService } from '@backstage/backend-plugin-api';
import { CccPhone, CccTrunk, fleetStatusQuerySchema } from '@internal/plugin-ccc-common';
import { CccDatabase } from '../database/CccDatabase';
import { CccSystemCriteria } from '../database/systemFilter';
import { DeviceClient } from '../device/DeviceClient';
import { runBounded } from '../jobs/runBounded';
import { Shard } from '../jobs/shards';
import { SystemsService } from '../systems/SystemsService';
import { parse } from '../validation';

/**
 * Registration status (manual: "Telefon Status", "Provider und Accounts"):
 * read live for one system's tab, kept as the last known state for the
 * fleet views, which would be too slow to read from every device at once.
 */
export class InventoryService {
  readonly #db: CccDatabase;
  readonly #systems: SystemsService;
  readonly #devices: DeviceClient;
  readonly #logger: LoggerService;
  readonly #now: () => Date;

  constructor(options: {
    db: CccDatabase;
    systems: SystemsService;
    devices: DeviceClient;
    logger: LoggerService;
    now?: () => Date;
  }) {
    this.#db = options.db;
    this.#systems = options.systems;
    this.#devices = options.devices;
    this.#logger = options.logger;
    this.#now = options.now ?? (() => new Date());
  }

  /** Reads phones and trunks from the device now and stores them as the last known state. */
  async refresh(systemId: string): Promise<{ phones: CccPhone[]; trunks: CccTrunk[] }> {
    const { target } = await this.#systems.manageableTarget(systemId);
    const [phones, trunks] = await Promise.all([this.#devices.listPhoneStatus(target), this.#devices.listTrunkStatus(target)]);
    const readAt = this.#now().toISOString();
    const result = {
      phones: phones.map(p => ({ ...p, systemId, readAt })),
      trunks: trunks.map(t => ({ ...t, systemId, readAt, lastChange: t.lastChange ?? null })),
    };
    await this.#db.monitoring.replaceInventory(systemId, result.phones, result.trunks);
    return result;
  }

  /** Refreshes every manageable system, a few at a time. */
  async refreshAll(signal?: AbortSignal, shard?: Shard) {
    const ids = await this.#systems.manageableIds(shard);
    return runBounded(ids, id => this.refresh(id), {
      concurrency: 8,
      itemTimeoutMs: 60_000,
      signal,
      onError: (id, error) => this.#logger.debug(`Registration status of system ${id} not read: ${error.message}`),
    });
  }

  /** Fleet view of phones over the systems the criteria allow. */
  async fleetPhones(criteria: CccSystemCriteria | undefined, query: unknown) {
    return this.#db.monitoring.listPhones({ criteria, ...parse(fleetStatusQuerySchema, query) });
  }

  /** Fleet view of provider accounts over the systems the criteria allow. */
  async fleetTrunks(criteria: CccSystemCriteria | undefined, query: unknown) {
    return this.#db.monitoring.listTrunks({ criteria, ...parse(fleetStatusQuerySchema, query) });
  }
}
