import { cccWarningsReadPermission } from '@internal/plugin-ccc-common';
import express from 'express';
import { WarningsService } from '../warnings/WarningsService';
import { RouteHelpers } from './routeHelpers';

/** Routes of a system's warnings tab. */
export function addWarningRoutes(
  router: express.Router,
  options: { helpers: RouteHelpers; warnings: WarningsService },
): void {
  const { helpers, warnings } = options;

  router.get('/systems/:id/warnings', async (req, res) => {
    const { system } = await helpers.systemFor(req, cccWarningsReadPermission, 'read the warnings');
    res.json(await warnings.list(system.id, req.query));
  });

  // What alerting did with the warnings: mails sent, failed, left out, or no server.
  router.get('/systems/:id/alerts', async (req, res) => {
    const { system } = await helpers.systemFor(req, cccWarningsReadPermission, 'read the warnings');
    res.json({ items: await warnings.deliveries(system.id) });
  });
}
