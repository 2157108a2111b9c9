import {
  AuditorService,
  DiscoveryService,
  HttpAuthService,
  LoggerService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  auditQuerySchema,
  cccFleetAuditReadPermission,
  cccSystemAuditReadPermission,
  cccSystemCreatePermission,
  cccSystemDeletePermission,
  cccSystemGrantsManagePermission,
  cccSystemPermissions,
  cccSystemReadPermission,
  cccSystemTransferPermission,
  cccSystemUpdatePermission,
  systemsQuerySchema,
} from '@internal/plugin-ccc-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { GrantsService } from '../access/GrantsService';
import { UserGroupsService } from '../access/UserGroupsService';
import { AuditStore } from '../database/AuditStore';
import { HealthService } from '../health/HealthService';
import { RateLimiter } from '../pairing/RateLimiter';
import { SystemPermissionGuard } from '../permissions/SystemPermissionGuard';
import { BackupsService } from '../backups/BackupsService';
import { FirmwareService } from '../firmware/FirmwareService';
import { DeviceJobs } from '../jobs/DeviceJobs';
import { InventoryService } from '../monitoring/InventoryService';
import { MonitoringService } from '../monitoring/MonitoringService';
import { RemoteConfigService } from '../remote/RemoteConfigService';
import { ScorecardService } from '../scorecard/ScorecardService';
import { DashboardService } from '../dashboard/DashboardService';
import { SmtpService } from '../smtp/SmtpService';
import { WarningsService } from '../warnings/WarningsService';
import { SystemsService } from '../systems/SystemsService';
import { parse } from '../validation';
import { cccErrorHandler } from './errors';
import { createRouteHelpers } from './routeHelpers';
import { addBackupRoutes } from './backupRoutes';
import { CallDataService } from '../callData/CallDataService';
import { addCallDataRoutes } from './callDataRoutes';
import { RolloutService } from '../rollouts/RolloutService';
import { addRolloutRoutes } from './rolloutRoutes';
import { deviceErrorHandler } from './deviceErrors';
import { addMonitoringRoutes } from './monitoringRoutes';
import { addRemoteRoutes } from './remoteRoutes';
import { addScorecardRoutes } from './scorecardRoutes';
import { addDashboardRoutes } from './dashboardRoutes';
import { addSmtpRoutes } from './smtpRoutes';
import { addWarningRoutes } from './warningRoutes';

/** Services the CCC router needs. */
export interface CccRouterOptions {
  health: HealthService;
  systems: SystemsService;
  grants: GrantsService;
  groups: UserGroupsService;
  guard: SystemPermissionGuard;
  smtp: SmtpService;
  warnings: WarningsService;
  backups: BackupsService;
  firmware: FirmwareService;
  jobs: DeviceJobs;
  remote: RemoteConfigService;
  monitoring: MonitoringService;
  inventory: InventoryService;
  scorecards: ScorecardService;
  dashboard: DashboardService;
  callData: CallDataService;
  rollouts: RolloutService;
  discovery: DiscoveryService;
  audit: AuditStore;
  httpAuth: HttpAuthService;
  userInfo: UserInfoService;
  auditor: AuditorService;
  logger: LoggerService;
  /** Limits for the unauthenticated pairing endpoint; injectable for tests. */
  pairingLimits?: { perClient: RateLimiter; perSerial: RateLimiter };
}

const subjectQuery = z.object({ subjectRef: z.string().min(1, 'subjectRef is missing') }).strict();
const memberQuery = z.object({ memberRef: z.string().min(1, 'memberRef is missing') }).strict();

/** Builds the `/api/ccc` router. */
export async function createRouter(options: CccRouterOptions): Promise<express.Router> {
  const { health, systems, grants, groups, guard, smtp, warnings, audit, httpAuth, userInfo, auditor, logger } = options;
  const { backups, firmware, jobs, remote, discovery, monitoring, inventory, scorecards, dashboard } = options;
  const limits = options.pairingLimits ?? {
    perClient: new RateLimiter(30, 60_000),
    perSerial: new RateLimiter(10, 10 * 60_000),
  };
  const router = Router();
  router.use(express.json({ limit: '100kb' }));

  const { user, systemFor, audited } = createRouteHelpers({ httpAuth, auditor, guard, systems });

  // Unauthenticated (see plugin.ts): load balancers and the start script poll it.
  router.get('/health', async (_req, res) => {
    const report = await health.check();
    res.status(report.status === 'down' ? 503 : 200).json(report);
  });

  // Users see the systems they hold a role on (filtered in SQL); the catalog
  // module reads all of them with a service token. The systems page asks for
  // one page at a time, filtered and sorted in SQL.
  router.get('/systems', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const query = parse(systemsQuerySchema, req.query);
    res.json(await systems.listPage(await guard.listCriteria(credentials, cccSystemReadPermission), query));
  });

  router.post(
    '/systems',
    audited('ccc-system-register', async (req, res) => {
      const credentials = await user(req);
      await guard.require(credentials, cccSystemCreatePermission, 'register systems');
      res.status(201).json(await systems.register(req.body, credentials.principal.userEntityRef));
    }),
  );

  router.post(
    '/systems/bulk',
    audited('ccc-system-register-bulk', async (req, res) => {
      const credentials = await user(req);
      await guard.require(credentials, cccSystemCreatePermission, 'register systems');
      const results = await systems.registerMany(req.body, credentials.principal.userEntityRef);
      // 207: each row has its own outcome.
      res.status(207).json({ results });
    }),
  );

  router.get('/systems/by-serial/:serial', async (req, res) => {
    const credentials = await user(req);
    const system = await systems.getBySerial(req.params.serial);
    await guard.requireOnSystem(credentials, cccSystemReadPermission, system, 'see this system');
    res.json(system);
  });

  router.get('/systems/:id', async (req, res) => {
    const { system } = await systemFor(req, cccSystemReadPermission, 'see this system');
    res.json(system);
  });

  router.patch(
    '/systems/:id',
    audited('ccc-system-update', async (req, res) => {
      const { system, actor } = await systemFor(req, cccSystemUpdatePermission, 'change this system');
      res.json(await systems.update(system.id, req.body, actor));
    }),
  );

  router.post(
    '/systems/:id/token',
    audited('ccc-system-token-renew', async (req, res) => {
      const { system, actor } = await systemFor(req, cccSystemUpdatePermission, 'renew the confirmation code');
      res.json(await systems.renewToken(system.id, actor));
    }),
  );

  router.delete(
    '/systems/:id/token',
    audited('ccc-system-token-cancel', async (req, res) => {
      const { system, actor } = await systemFor(req, cccSystemUpdatePermission, 'cancel the pairing');
      await systems.cancelToken(system.id, actor);
      res.status(204).end();
    }),
  );

  router.post('/systems/:id/refresh', async (req, res) => {
    const { system } = await systemFor(req, cccSystemReadPermission, 'read the device state');
    res.json(await systems.refresh(system.id));
  });

  router.delete(
    '/systems/:id',
    audited('ccc-system-delete', async (req, res) => {
      const { system, actor } = await systemFor(req, cccSystemDeletePermission, 'delete this system');
      await systems.delete(system.id, actor);
      res.status(204).end();
    }),
  );

  router.post(
    '/systems/:id/owner',
    audited('ccc-system-owner-transfer', async (req, res) => {
      const { system, actor } = await systemFor(req, cccSystemTransferPermission, 'hand this system to someone else');
      res.json(await grants.transferOwnership(system.id, req.body, actor));
    }),
  );

  // Who holds which role, and what the signed-in user may do (for the UI).
  router.get('/systems/:id/access', async (req, res) => {
    const { system, credentials } = await systemFor(req, cccSystemReadPermission, 'see who has access');
    const entries = await grants.accessOf(system.id);
    const claims = new Set((await userInfo.getUserInfo(credentials)).ownershipEntityRefs);
    const allowed = await guard.allowedOf(credentials, cccSystemPermissions, system.id);
    res.json({
      entries,
      me: {
        roles: [...new Set(entries.filter(e => claims.has(e.subjectRef)).map(e => e.role))],
        permissions: cccSystemPermissions.filter((_p, i) => allowed[i]).map(p => p.name),
      },
    });
  });

  router.put(
    '/systems/:id/grants',
    audited('ccc-grant-set', async (req, res) => {
      const { system, actor } = await systemFor(req, cccSystemGrantsManagePermission, 'grant roles');
      res.json(await grants.set(system.id, req.body, actor));
    }),
  );

  router.delete(
    '/systems/:id/grants',
    audited('ccc-grant-delete', async (req, res) => {
      const { system, actor } = await systemFor(req, cccSystemGrantsManagePermission, 'revoke roles');
      const { subjectRef } = parse(subjectQuery, req.query);
      await grants.delete(system.id, subjectRef, actor);
      res.status(204).end();
    }),
  );

  router.get('/grants', async (req, res) => {
    const credentials = await user(req);
    res.json({ items: await grants.listGivenBy(credentials.principal.userEntityRef) });
  });

  router.post(
    '/grants/delete',
    audited('ccc-grant-delete', async (req, res) => {
      const credentials = await user(req);
      const items = grants.parseDeleteMany(req.body);
      for (const systemId of new Set(items.map(i => i.systemId))) {
        const system = await systems.get(systemId);
        await guard.requireOnSystem(credentials, cccSystemGrantsManagePermission, system, 'revoke roles');
      }
      await grants.deleteMany(items, credentials.principal.userEntityRef);
      res.status(204).end();
    }),
  );

  router.get('/systems/:id/audit', async (req, res) => {
    const { system } = await systemFor(req, cccSystemAuditReadPermission, 'read the audit trail');
    const query = parse(auditQuerySchema, req.query);
    res.json({ items: await audit.list({ ...query, systemId: system.id }) });
  });

  router.get('/audit', async (req, res) => {
    await guard.require(await user(req), cccFleetAuditReadPermission, 'read the audit trail of the whole fleet');
    const query = parse(auditQuerySchema, req.query);
    res.json({ items: await audit.list(query) });
  });

  // CCC user groups: who may change a group is decided by group ownership
  // (the service checks it); adding a system needs grant rights on it.
  const actorOf = async (req: express.Request) => (await user(req)).principal.userEntityRef;

  router.get('/groups', async (req, res) => {
    res.json({ items: await groups.list(await actorOf(req)) });
  });

  router.post(
    '/groups',
    audited('ccc-group-create', async (req, res) => {
      res.status(201).json(await groups.create(req.body, await actorOf(req)));
    }),
  );

  router.post(
    '/groups/delete',
    audited('ccc-group-delete', async (req, res) => {
      await groups.deleteMany(req.body, await actorOf(req));
      res.status(204).end();
    }),
  );

  router.get('/groups/:id', async (req, res) => {
    res.json(await groups.get(req.params.id, await actorOf(req)));
  });

  router.patch(
    '/groups/:id',
    audited('ccc-group-update', async (req, res) => {
      res.json(await groups.update(req.params.id, req.body, await actorOf(req)));
    }),
  );

  router.delete(
    '/groups/:id',
    audited('ccc-group-delete', async (req, res) => {
      await groups.delete(req.params.id, await actorOf(req));
      res.status(204).end();
    }),
  );

  router.post(
    '/groups/:id/join',
    audited('ccc-group-join', async (req, res) => {
      res.json(await groups.join(req.params.id, await actorOf(req)));
    }),
  );

  router.post(
    '/groups/:id/leave',
    audited('ccc-group-leave', async (req, res) => {
      await groups.leave(req.params.id, await actorOf(req));
      res.status(204).end();
    }),
  );

  router.put(
    '/groups/:id/members',
    audited('ccc-group-member-set', async (req, res) => {
      res.json(await groups.setMember(req.params.id, req.body, await actorOf(req)));
    }),
  );

  router.delete(
    '/groups/:id/members',
    audited('ccc-group-member-remove', async (req, res) => {
      const { memberRef } = parse(memberQuery, req.query);
      await groups.removeMember(req.params.id, memberRef, await actorOf(req));
      res.status(204).end();
    }),
  );

  router.put(
    '/groups/:id/systems',
    audited('ccc-group-system-add', async (req, res) => {
      const credentials = await user(req);
      const systemId = groups.parseAddSystem(req.body);
      const system = await systems.get(systemId);
      await guard.requireOnSystem(credentials, cccSystemGrantsManagePermission, system, 'add this system to groups');
      res.json(await groups.addSystem(req.params.id, system.id, credentials.principal.userEntityRef));
    }),
  );

  router.delete(
    '/groups/:id/systems/:systemId',
    audited('ccc-group-system-remove', async (req, res) => {
      const credentials = await user(req);
      const systemId = req.params.systemId;
      const mayManage = await guard
        .isAllowed(credentials, cccSystemGrantsManagePermission, systemId)
        .catch(() => false);
      await groups.removeSystem(req.params.id, systemId, credentials.principal.userEntityRef, mayManage);
      res.status(204).end();
    }),
  );

  addSmtpRoutes(router, { helpers: { user, systemFor, audited }, guard, smtp });
  addWarningRoutes(router, { helpers: { user, systemFor, audited }, warnings });
  addBackupRoutes(router, { helpers: { user, systemFor, audited }, guard, backups, firmware, jobs });
  addRemoteRoutes(router, { helpers: { user, systemFor, audited }, remote, discovery });
  addMonitoringRoutes(router, { helpers: { user, systemFor, audited }, guard, monitoring, inventory });
  addScorecardRoutes(router, { helpers: { user, systemFor, audited }, guard, scorecards });
  addDashboardRoutes(router, { helpers: { user, systemFor, audited }, guard, dashboard });
  addCallDataRoutes(router, { helpers: { user, systemFor, audited }, guard, callData: options.callData, userInfo });
  addRolloutRoutes(router, { helpers: { user, systemFor, audited }, guard, rollouts: options.rollouts });

  // Called by the device itself when an admin confirms the token on it:
  // unauthenticated (see plugin.ts), so rate-limited per client and per serial.
  router.post('/pairing', async (req, res) => {
    const client = req.ip ?? 'unknown';
    const serial = typeof req.body?.serialNumber === 'string' ? req.body.serialNumber.trim().toUpperCase() : '';
    const wait = Math.max(limits.perClient.hit(client), serial ? limits.perSerial.hit(serial) : 0);
    if (wait > 0) {
      res.setHeader('Retry-After', String(wait));
      res.status(429).json({
        error: { name: 'TooManyRequestsError', message: `Too many pairing attempts; try again in ${wait} seconds` },
      });
      return;
    }
    const systemId = await systems.pair(req.body);
    res.json({ paired: true });
    // Read the device state once the device has our answer (it waits for it before enabling the API user).
    setTimeout(() => {
      systems.refresh(systemId).catch(error => {
        logger.warn(`First status read after pairing failed: ${(error as Error).message}`);
      });
    }, 500).unref();
  });

  router.use((req, _res, next) => next(new NotFoundError(`No such CCC endpoint: ${req.method} ${req.path}`)));
  router.use(cccErrorHandler);
  router.use(deviceErrorHandler);
  return router;
}
