import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { CccEntityProvider } from './provider/CccEntityProvider';

/** Catalog module that adds every COMtrexx registered in the CCC to the catalog. */
export const catalogModuleCccEntityProvider = createBackendModule({
  // The extension point belongs to the catalog, so the module must be one of its
  // modules; its scheduler and database are the catalog's, which is why the
  // provider reads the systems over HTTP rather than from the ccc tables.
  pluginId: 'catalog',
  moduleId: 'ccc-entity-provider',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
      },
      async init({ catalog, config, logger, scheduler, auth, discovery }) {
        catalog.addEntityProvider(CccEntityProvider.fromConfig(config, { logger, scheduler, auth, discovery }));
      },
    });
  },
});
