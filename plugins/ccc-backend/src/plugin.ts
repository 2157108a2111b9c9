import {
  coreServices,
  createBackendPlugin,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CCC_PLUGIN_ID } from '@internal/plugin-ccc-common';
import { DatabaseSystemStore } from './database/DatabaseSystemStore';
import { migrateDatabase } from './database/migrateDatabase';
import { verifyEncryptionKey } from './database/verifyEncryptionKey';
import { seedDemoFleet } from './demo/seedDemoFleet';
import { HttpDeviceClient } from './device/HttpDeviceClient';
import { HealthService } from './health/HealthService';
import { SecretBox } from './secrets/SecretBox';
import { createRouter } from './service/router';
import { SystemsService } from './systems/SystemsService';

const DEFAULT_STATUS_POLL: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 1 },
  timeout: { minutes: 5 },
};

function readSchedule(config: Config, key: string, fallback: SchedulerServiceTaskScheduleDefinition) {
  return config.has(key)
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(config.getConfig(key))
    : fallback;
}

/** The COMtrexx Control Center backend plugin. */
export const cccPlugin = createBackendPlugin({
  pluginId: CCC_PLUGIN_ID,
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
      },
      async init({ config, database, httpAuth, httpRouter, logger, scheduler }) {
        // Fail at start-up, not at the first secret a user saves.
        const secrets = SecretBox.fromConfig(config);
        const knex = await migrateDatabase(database);
        await verifyEncryptionKey(knex, secrets.keyFingerprint);

        const store = new DatabaseSystemStore(knex);
        const systems = new SystemsService({
          store,
          secrets,
          logger,
          devices: new HttpDeviceClient({
            timeoutMs: config.getOptionalNumber('ccc.devices.timeoutMs'),
            caCertificate: config.getOptionalString('ccc.devices.caCertificate'),
          }),
          deviceUrlTemplate: config.getOptionalString('ccc.devices.urlTemplate'),
        });
        const health = new HealthService({
          knex,
          deviceHealthUrl: config.getOptionalString('ccc.devices.healthCheckUrl'),
        });

        httpRouter.use(await createRouter({ health, systems, httpAuth, logger }));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        httpRouter.addAuthPolicy({ path: '/pairing', allow: 'unauthenticated' });

        // Global: replicas sharing a database poll each system once per round.
        await scheduler.scheduleTask({
          id: 'ccc-status-poll',
          scope: 'global',
          ...readSchedule(config, 'ccc.schedule.statusPoll', DEFAULT_STATUS_POLL),
          fn: async signal => {
            await systems.refreshAll(signal);
          },
        });

        if (config.getOptionalBoolean('ccc.demo.enabled')) {
          const simulatorUrl = config.getString('ccc.demo.simulatorUrl');
          await scheduler.scheduleTask({
            id: 'ccc-demo-seed',
            scope: 'global',
            // After start-up: the simulator pairs by calling this backend back.
            initialDelay: { seconds: 3 },
            frequency: { minutes: 5 },
            timeout: { minutes: 5 },
            fn: async () => {
              await seedDemoFleet({
                store,
                systems,
                logger,
                simulatorUrl,
                ownerRef: config.getOptionalString('ccc.demo.ownerRef') ?? 'user:default/guest',
                catalogOwnerRef: config.getOptionalString('ccc.demo.catalogOwnerRef'),
                leaveUnregistered: config.getOptionalNumber('ccc.demo.leaveUnregistered'),
              });
            },
          });
        }
        logger.info(`CCC backend ready (secrets key ${secrets.keyFingerprint})`);
      },
    });
  },
});
