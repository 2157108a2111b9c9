import { randomUUID } from 'node:crypto';
import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type AuthService,
  type DiscoveryService,
  type LoggerService,
  type SchedulerService,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { stringifyError } from '@backstage/errors';
import type { DeferredEntity, EntityProvider, EntityProviderConnection } from '@backstage/plugin-catalog-node';
import { readCccSystems } from './readCccSystems';
import { transformSystem } from './transformSystem';

/** Name of the provider; entities are tied to it, so it must never change. */
export const CCC_ENTITY_PROVIDER_NAME = 'ccc-entity-provider';

/** Config key of the provider's settings. */
const CONFIG_KEY = 'catalog.providers.ccc';

/** Refresh cadence when `catalog.providers.ccc.schedule` is not set. */
export const CCC_ENTITY_PROVIDER_DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 1 },
};

/** Dependencies of {@link CccEntityProvider.fromConfig}. */
export interface CccEntityProviderDeps {
  logger: LoggerService;
  scheduler: SchedulerService;
  auth: AuthService;
  discovery: DiscoveryService;
  /** Overrides the schedule from config. */
  schedule?: SchedulerServiceTaskScheduleDefinition;
}

/** Puts every COMtrexx registered in the CCC into the catalog as a `Resource` of type `pbx`. */
export class CccEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;

  /** Creates the provider with the schedule from `catalog.providers.ccc.schedule`, or the default. */
  static fromConfig(config: Config, deps: CccEntityProviderDeps): CccEntityProvider {
    const scheduleConfig = config.getOptionalConfig(`${CONFIG_KEY}.schedule`);
    const schedule =
      deps.schedule ??
      (scheduleConfig
        ? readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig)
        : CCC_ENTITY_PROVIDER_DEFAULT_SCHEDULE);
    return new CccEntityProvider(deps, schedule);
  }

  private constructor(
    private readonly deps: Omit<CccEntityProviderDeps, 'schedule'>,
    private readonly schedule: SchedulerServiceTaskScheduleDefinition,
  ) {}

  /** {@inheritDoc @backstage/plugin-catalog-node#EntityProvider.getProviderName} */
  getProviderName(): string {
    return CCC_ENTITY_PROVIDER_NAME;
  }

  /** Keeps the connection and schedules the periodic refresh. */
  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    const taskId = `${this.getProviderName()}:refresh`;
    await this.deps.scheduler.scheduleTask({
      id: taskId,
      ...this.schedule,
      // One run per cadence across replicas (when they share the catalog
      // database): every run replaces the whole set, so more would only add load.
      scope: this.schedule.scope ?? 'global',
      fn: async (signal?: AbortSignal) => {
        const logger = this.deps.logger.child({ taskId, taskInstanceId: randomUUID() });
        try {
          await this.refresh({ logger, signal });
        } catch (error) {
          // refresh() already handles a failed read; this is the catalog refusing
          // the mutation. Log it so the scheduler keeps to its cadence.
          logger.error(`Refreshing the COMtrexx entities failed: ${stringifyError(error)}`);
        }
      },
    });
  }

  /**
   * Reads all systems from the ccc backend and replaces the provider's
   * entities with them; on a failed read it logs a warning and changes nothing.
   */
  async refresh(options: { logger?: LoggerService; signal?: AbortSignal } = {}): Promise<void> {
    const { logger = this.deps.logger, signal } = options;
    const connection = this.connection;
    if (!connection) {
      throw new Error(`${this.getProviderName()} is not connected to the catalog yet`);
    }

    let entities: DeferredEntity[];
    try {
      const { baseUrl, systems } = await readCccSystems({
        auth: this.deps.auth,
        discovery: this.deps.discovery,
        signal,
      });
      entities = systems.map(system => ({
        locationKey: this.getProviderName(),
        entity: transformSystem(system, baseUrl),
      }));
    } catch (error) {
      // A full mutation replaces everything this provider owns, so applying one
      // after a failed read would remove every COMtrexx from the catalog.
      // Keeping the last known set until the next successful read is safer.
      logger.warn(
        `Could not read the COMtrexx systems from the ccc backend, catalog left unchanged: ${stringifyError(error)}`,
      );
      return;
    }

    // A cancelled run (timeout, shutdown, cancelTask) must not write even if the
    // read finished: a timeout releases the task lock, so a newer run may
    // already have written fresher data that this one would overwrite.
    if (signal?.aborted) {
      logger.info('Refresh of the COMtrexx entities was cancelled, catalog left unchanged');
      return;
    }

    await connection.applyMutation({ type: 'full', entities });
    logger.info(`Provided ${entities.length} COMtrexx entities to the catalog`);
  }
}
