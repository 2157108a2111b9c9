import { cccSystemReadPermission } from '@internal/plugin-ccc-common';
import express from 'express';
import { DashboardService } from '../dashboard/DashboardService';
import { SystemPermissionGuard } from '../permissions/SystemPermissionGuard';
import { RouteHelpers } from './routeHelpers';

/** The dashboard route: every signed-in user, counting only the systems they may see. */
export function addDashboardRoutes(
  router: express.Router,
  options: { helpers: RouteHelpers; guard: SystemPermissionGuard; dashboard: DashboardService },
): void {
  const { helpers, guard, dashboard } = options;
  router.get('/dashboard', async (req, res) => {
    res.json(await dashboard.read(await guard.listCriteria(await helpers.user(req), cccSystemReadPermission)));
  });
}
