import { metricsServiceRef } from '@backstage/backend-plugin-api/alpha';
import {
  coreServices,
  createBackendPlugin,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { CCC_PLUGIN_ID, cccBasicPermissions, cccSystemPermissions, isGrantableRole } from '@internal/plugin-ccc-common';
import { CatalogDirectory } from './access/CatalogDirectory';
import { GrantsService } from './access/GrantsService';
import { UserGroupsService } from './access/UserGroupsService';
import { createCccDatabase } from './database/CccDatabase';
import { migrateDatabase } from './database/migrateDatabase';
import { verifyEncryptionKey } from './database/verifyEncryptionKey';
import { seedDemoFleet } from './demo/seedDemoFleet';
import { HttpDeviceClient } from './device/HttpDeviceClient';
import { HealthService } from './health/HealthService';
import { cccSystemResourceRef } from './permissions/resourceRef';
import { cccSystemRules } from './permissions/rules';
import { SystemPermissionGuard } from './permissions/SystemPermissionGuard';
import { SecretBox } from './secrets/SecretBox';
import { SmtpMailer } from './smtp/SmtpMailer';
import { SmtpService } from './smtp/SmtpService';
import { createRouter } from './service/router';
import { SystemsService } from './systems/SystemsService';
import { AlertMailer, AlertMailerOptions } from './warnings/AlertMailer';
import { createAlertRun } from './alerts/createAlertRun';
import { BackupsService } from './backups/BackupsService';
import { FirmwareService } from './firmware/FirmwareService';
import { DeviceJobs } from './jobs/DeviceJobs';
import { scheduleSharded } from './jobs/shards';
import { CccMetrics } from './metrics/CccMetrics';
import { instrumentDeviceClient } from './metrics/instrumentDeviceClient';
import { InventoryService } from './monitoring/InventoryService';
import { MonitoringService } from './monitoring/MonitoringService';
import { ScorecardService } from './scorecard/ScorecardService';
import { DashboardService } from './dashboard/DashboardService';
import { NewsFeed } from './dashboard/NewsFeed';
import { RemoteConfigService } from './remote/RemoteConfigService';
import { REMOTE_LINK_PATH } from './service/remoteRoutes';
import { WarningsService } from './warnings/WarningsService';
import { CallDataService } from './callData/CallDataService';
import { RolloutService } from './rollouts/RolloutService';

const DEFAULT_STATUS_POLL: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 1 },
  timeout: { minutes: 5 },
};
const DEFAULT_WARNINGS_POLL: SchedulerServiceTaskScheduleDefinition = DEFAULT_STATUS_POLL;
const DEFAULT_ALERT_MAIL: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 15 },
  timeout: { minutes: 10 },
};
const DEFAULT_JOBS_FOLLOW: SchedulerServiceTaskScheduleDefinition = {
  frequency: { seconds: 10 },
  timeout: { minutes: 5 },
};
const DEFAULT_MONITORING_POLL: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 10 },
};
const DEFAULT_BACKUP_STATUS: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 15 },
  timeout: { minutes: 10 },
};
// A device keeps 18,000 records; polling every 5 minutes is far within that even for a busy PBX.
const DEFAULT_CALL_DATA_POLL: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 30 },
};
const DEFAULT_CALL_DATA_PURGE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 24 },
  timeout: { hours: 1 },
};
const DEFAULT_ROLLOUTS_ADVANCE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { seconds: 15 },
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
        auditor: coreServices.auditor,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        userInfo: coreServices.userInfo,
        metricsService: metricsServiceRef,
        // Has a default factory (HTTP to the notifications plugin); only used with ccc.notifications.enabled.
        notifications: notificationService,
      },
      async init(deps) {
        const { auditor, auth, catalog, config, database, httpAuth, httpRouter, logger, scheduler } = deps;
        const { discovery, permissions, permissionsRegistry, userInfo, metricsService } = deps;
        const metrics = new CccMetrics(metricsService);
        // Fail at start-up, not at the first secret a user saves.
        const secrets = SecretBox.fromConfig(config);
        const knex = await migrateDatabase(database);
        await verifyEncryptionKey(knex, secrets.keyFingerprint);

        const db = createCccDatabase(knex);
        const store = db.systems;
        const devices = instrumentDeviceClient(
          new HttpDeviceClient({
            timeoutMs: config.getOptionalNumber('ccc.devices.timeoutMs'),
            caCertificate: config.getOptionalString('ccc.devices.caCertificate'),
          }),
          metrics,
        );
        const systems = new SystemsService({
          db,
          secrets,
          logger,
          devices,
          deviceUrlTemplate: config.getOptionalString('ccc.devices.urlTemplate'),
        });
        const health = new HealthService({
          knex,
          deviceHealthUrl: config.getOptionalString('ccc.devices.healthCheckUrl'),
        });

        const guard = new SystemPermissionGuard({
          permissions,
          stores: db,
          ruleset: () => permissionsRegistry.getPermissionRuleset(cccSystemResourceRef),
        });
        permissionsRegistry.addResourceType({
          resourceRef: cccSystemResourceRef,
          permissions: cccSystemPermissions,
          rules: Object.values(cccSystemRules),
          getResources: ids => guard.loadResources(ids),
        });
        permissionsRegistry.addPermissions(cccBasicPermissions);

        const directory = new CatalogDirectory(catalog, auth);
        const mailer = new SmtpMailer({
          secrets,
          caCertificate: config.getOptionalString('ccc.smtp.caCertificate'),
          timeoutMs: config.getOptionalNumber('ccc.smtp.timeoutMs'),
        });
        const smtp = new SmtpService({ db, secrets, mailer });
        const warnings = new WarningsService({ db, systems, devices, logger, metrics });
        const jobs = new DeviceJobs({ db, systems, devices, logger });
        const backups = new BackupsService({
          db,
          systems,
          devices,
          jobs,
          logger,
          fleetRetention: {
            keepLast: config.getOptionalNumber('ccc.backups.retention.keepLast') ?? null,
            keepDays: config.getOptionalNumber('ccc.backups.retention.keepDays') ?? null,
          },
          staleAfterDays: config.getOptionalNumber('ccc.backups.staleAfterDays'),
        });
        jobs.setHooks({ onBackupFinished: job => backups.onBackupFinished(job) });
        const firmware = new FirmwareService({ systems, devices, jobs });
        const rollouts = new RolloutService({ db, systems, devices, jobs, logger });
        const monitoring = new MonitoringService({ db, systems, devices, logger, metrics });
        const inventory = new InventoryService({ db, systems, devices, logger });
        const callData = new CallDataService({
          db,
          systems,
          devices,
          logger,
          masking: config.getOptionalString('ccc.callData.masking'),
          retentionDays: config.getOptionalNumber('ccc.callData.retentionDays'),
          metrics,
        });
        const alerts = new AlertMailer({
          db,
          smtp,
          mailer,
          logger,
          minSeverity: config.getOptionalString('ccc.alerts.minSeverity') as AlertMailerOptions['minSeverity'],
          cooldownHours: config.getOptionalNumber('ccc.alerts.cooldownHours'),
        });
        const alertRun = createAlertRun({ config, db, mailer: alerts, notifications: deps.notifications, logger });
        httpRouter.use(
          await createRouter({
            health,
            systems,
            grants: new GrantsService({ db, directory }),
            groups: new UserGroupsService({ db, directory }),
            guard,
            smtp,
            warnings,
            backups,
            firmware,
            jobs,
            remote: new RemoteConfigService({ db, systems, devices, secrets }),
            monitoring,
            inventory,
            dashboard: new DashboardService(
              systems,
              new NewsFeed(config.getOptionalString('ccc.news.url')),
              (config.getOptionalConfigArray('ccc.links') ?? []).map(link => ({
                title: link.getString('title'),
                url: link.getString('url'),
              })),
            ),
            scorecards: new ScorecardService({
              db,
              systems,
              staleAfterDays: config.getOptionalNumber('ccc.backups.staleAfterDays'),
              thresholds: {
                maintenanceWarnDays: config.getOptionalNumber('ccc.maintenance.warnDays'),
              },
            }),
            callData,
            rollouts,
            discovery,
            audit: db.audit,
            httpAuth,
            userInfo,
            auditor,
            logger,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        httpRouter.addAuthPolicy({ path: '/pairing', allow: 'unauthenticated' });
        // Remote configuration opens in a new window, which sends the user cookie, not a token.
        httpRouter.addAuthPolicy({ path: REMOTE_LINK_PATH, allow: 'user-cookie' });

        // Each periodic device job runs as one global task per slice of the
        // fleet: replicas sharing a database share the slices, and each system
        // is polled once per round.
        const shards = config.getOptionalNumber('ccc.jobs.shards') ?? 4;
        metrics.observePollAge(async () => {
          const oldest = await store.oldestLastSeen();
          return oldest ? Math.max(0, (Date.now() - Date.parse(oldest)) / 1000) : undefined;
        });
        await scheduleSharded(scheduler, metrics, {
          id: 'ccc-status-poll',
          count: shards,
          schedule: readSchedule(config, 'ccc.schedule.statusPoll', DEFAULT_STATUS_POLL),
          fn: async (shard, signal) => {
            return systems.refreshAll(signal, { shard });
          },
        });

        await scheduleSharded(scheduler, metrics, {
          id: 'ccc-warnings-poll',
          count: shards,
          schedule: readSchedule(config, 'ccc.schedule.warningsPoll', DEFAULT_WARNINGS_POLL),
          fn: async (shard, signal) => {
            return warnings.collectAll(signal, { shard });
          },
        });
        // Jobs live in the database, so whichever replica runs this follows them.
        await scheduler.scheduleTask({
          id: 'ccc-jobs-follow',
          scope: 'global',
          ...readSchedule(config, 'ccc.schedule.jobsFollow', DEFAULT_JOBS_FOLLOW),
          fn: async signal => {
            await jobs.followAll(signal);
          },
        });
        // Rollout state lives in the database and each step is claimed there
        // before a device is asked, so overlapping runs never repeat a step.
        await scheduler.scheduleTask({
          id: 'ccc-rollouts-advance',
          scope: 'global',
          ...readSchedule(config, 'ccc.schedule.rolloutsAdvance', DEFAULT_ROLLOUTS_ADVANCE),
          fn: async signal => {
            await rollouts.advanceAll(signal);
          },
        });
        await scheduleSharded(scheduler, metrics, {
          id: 'ccc-backup-status',
          count: shards,
          schedule: readSchedule(config, 'ccc.schedule.backupStatus', DEFAULT_BACKUP_STATUS),
          fn: async (shard, signal) => {
            return backups.refreshAllStatuses(signal, shard);
          },
        });
        await scheduleSharded(scheduler, metrics, {
          id: 'ccc-monitoring-poll',
          count: shards,
          schedule: readSchedule(config, 'ccc.schedule.monitoringPoll', DEFAULT_MONITORING_POLL),
          fn: async (shard, signal) => {
            return monitoring.collectAll(signal, shard);
          },
        });
        await scheduleSharded(scheduler, metrics, {
          id: 'ccc-registration-poll',
          count: shards,
          schedule: readSchedule(config, 'ccc.schedule.registrationPoll', DEFAULT_BACKUP_STATUS),
          fn: async (shard, signal) => {
            return inventory.refreshAll(signal, shard);
          },
        });
        await scheduleSharded(scheduler, metrics, {
          id: 'ccc-calldata-poll',
          count: shards,
          schedule: readSchedule(config, 'ccc.schedule.callDataPoll', DEFAULT_CALL_DATA_POLL),
          fn: async (shard, signal) => {
            return callData.collectAll(signal, { shard });
          },
        });
        // Without a retention nothing is ever purged, so there is nothing to schedule.
        if (config.has('ccc.callData.retentionDays')) {
          await scheduler.scheduleTask({
            id: 'ccc-calldata-purge',
            scope: 'global',
            ...readSchedule(config, 'ccc.schedule.callDataPurge', DEFAULT_CALL_DATA_PURGE),
            fn: async () => {
              await callData.purge();
            },
          });
        }
        // One run is one grouping interval: at most one mail per system. It updates the alert
        // conditions first, then mails, then sends notifications (ccc.notifications.enabled).
        await scheduler.scheduleTask({
          id: 'ccc-alert-mail',
          scope: 'global',
          ...readSchedule(config, 'ccc.schedule.alertMail', DEFAULT_ALERT_MAIL),
          fn: async () => {
            await alertRun.runOnce();
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
                access: db.access,
                grants: (config.getOptionalConfigArray('ccc.demo.grants') ?? []).map(g => ({
                  subjectRef: g.getString('subjectRef'),
                  roles: g.getStringArray('roles').filter(isGrantableRole),
                  systems: g.getOptionalNumber('systems'),
                })),
              });
            },
          });
        }
        logger.info(`CCC backend ready (secrets key ${secrets.keyFingerprint})`);
      },
    });
  },
});
