import { coreServices, createBackendPlugin } from '@backstage/backend-plugin-api';
import { CCC_PLUGIN_ID } from '@internal/plugin-ccc-common';
import { migrateDatabase } from './database/migrateDatabase';
import { verifyEncryptionKey } from './database/verifyEncryptionKey';
import { HealthService } from './health/HealthService';
import { SecretBox } from './secrets/SecretBox';
import { createRouter } from './service/router';

/** The COMtrexx Control Center backend plugin. */
export const cccPlugin = createBackendPlugin({
  pluginId: CCC_PLUGIN_ID,
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
      },
      async init({ config, database, httpRouter, logger }) {
        // Fail at start-up, not at the first secret a user saves.
        const secrets = SecretBox.fromConfig(config);
        const knex = await migrateDatabase(database);
        await verifyEncryptionKey(knex, secrets.keyFingerprint);

        const health = new HealthService({
          knex,
          deviceHealthUrl: config.getOptionalString('ccc.devices.healthCheckUrl'),
        });
        httpRouter.use(await createRouter({ health }));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        logger.info(`CCC backend ready (secrets key ${secrets.keyFingerprint})`);
      },
    });
  },
});
