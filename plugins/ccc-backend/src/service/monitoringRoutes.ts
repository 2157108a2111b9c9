import { cccMonitoringReadPermission, cccSystemReadPermission } from '@internal/plugin-ccc-common';
import express from 'express';
import { InventoryService } from '../monitoring/InventoryService';
import { MonitoringService } from '../monitoring/MonitoringService';
import { SystemPermissionGuard } from '../permissions/SystemPermissionGuard';
import { RouteHelpers } from './routeHelpers';

/** Routes of the monitoring and registration-status tabs and of the fleet phone and trunk views. */
export function addMonitoringRoutes(
  router: express.Router,
  options: {
    helpers: RouteHelpers;
    guard: SystemPermissionGuard;
    monitoring: MonitoringService;
    inventory: InventoryService;
  },
): void {
  const { helpers, guard, monitoring, inventory } = options;
  const { user, systemFor } = helpers;

  router.get('/systems/:id/monitoring', async (req, res) => {
    const { system } = await systemFor(req, cccMonitoringReadPermission, 'see the monitoring');
    res.json(await monitoring.series(system.id, req.query));
  });

  // Registration status needs only access to the system (manual: "Funktionen").
  router.get('/systems/:id/registration', async (req, res) => {
    const { system } = await systemFor(req, cccSystemReadPermission, 'see the registration status');
    res.json(await inventory.refresh(system.id));
  });

  const fleet = (list: 'fleetPhones' | 'fleetTrunks') => async (req: express.Request, res: express.Response) => {
    res.json(await inventory[list](await guard.listCriteria(await user(req), cccSystemReadPermission), req.query));
  };
  router.get('/phones', fleet('fleetPhones'));
  router.get('/trunks', fleet('fleetTrunks'));
}
