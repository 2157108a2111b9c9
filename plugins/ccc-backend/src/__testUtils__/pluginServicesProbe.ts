import { coreServices, createBackendModule, DatabaseService, SchedulerService } from '@backstage/backend-plugin-api';

/** The CCC plugin's own scheduler and database, as a test backend built them. */
export interface PluginServicesProbe {
  /** Install this in the test backend's features. */
  module: ReturnType<typeof createBackendModule>;
  scheduler(): SchedulerService;
  database(): DatabaseService;
  /** Runs every scheduled task of the plugin once, all at the same time, and waits for them. */
  runAllTasks(): Promise<void>;
}

/**
 * A backend module of the `ccc` plugin that keeps the plugin-scoped scheduler
 * and database service, so a test can run the periodic jobs when it wants
 * (with the mock scheduler) and look into the plugin's tables.
 */
export function pluginServicesProbe(): PluginServicesProbe {
  let scheduler: SchedulerService | undefined;
  let database: DatabaseService | undefined;
  const need = <T>(value: T | undefined): T => {
    if (!value) throw new Error('The test backend has not started the ccc plugin yet');
    return value;
  };
  return {
    module: createBackendModule({
      pluginId: 'ccc',
      moduleId: 'test-services-probe',
      register(env) {
        env.registerInit({
          deps: { scheduler: coreServices.scheduler, database: coreServices.database },
          async init(deps) {
            scheduler = deps.scheduler;
            database = deps.database;
          },
        });
      },
    }),
    scheduler: () => need(scheduler),
    database: () => need(database),
    async runAllTasks() {
      const tasks = await need(scheduler).getScheduledTasks();
      await Promise.all(tasks.map(task => need(scheduler).triggerTask(task.id)));
    },
  };
}
