import { cccSystemReadPermission } from '@internal/plugin-ccc-common';
import express from 'express';
import { SystemPermissionGuard } from '../permissions/SystemPermissionGuard';
import { ScorecardService } from '../scorecard/ScorecardService';
import { RouteHelpers } from './routeHelpers';

/** Routes of the fleet health overview and of one system's health score. */
export function addScorecardRoutes(
  router: express.Router,
  options: { helpers: RouteHelpers; guard: SystemPermissionGuard; scorecards: ScorecardService },
): void {
  const { helpers, guard, scorecards } = options;

  router.get('/scorecards', async (req, res) => {
    const criteria = await guard.listCriteria(await helpers.user(req), cccSystemReadPermission);
    res.json({ items: await scorecards.fleet(criteria) });
  });

  router.get('/systems/:id/scorecard', async (req, res) => {
    const { system } = await helpers.systemFor(req, cccSystemReadPermission, 'see the health score');
    res.json(await scorecards.forSystem(system.id));
  });
}
