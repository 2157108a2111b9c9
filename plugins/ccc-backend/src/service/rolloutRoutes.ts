import {
  cccFirmwareUpdatePermission,
  cccSystemReadPermission,
} from '@internal/plugin-ccc-common';
import express from 'express';
import { SystemPermissionGuard } from '../permissions/SystemPermissionGuard';
import { RolloutService, RolloutViewer } from '../rollouts/RolloutService';
import { RouteHelpers } from './routeHelpers';

/**
 * Fleet firmware rollouts. Which systems a caller may see and update comes
 * from the permission policy as SQL criteria; the service applies them to
 * every system of a rollout (starting one needs the firmware update right on
 * every chosen system).
 */
export function addRolloutRoutes(
  router: express.Router,
  options: {
    helpers: RouteHelpers;
    guard: SystemPermissionGuard;
    rollouts: RolloutService;
  },
): void {
  const { helpers, guard, rollouts } = options;
  const { user, audited } = helpers;

  const viewer = async (req: express.Request): Promise<RolloutViewer> => {
    const credentials = await user(req);
    const [readable, updatable] = await Promise.all([
      guard.listCriteria(credentials, cccSystemReadPermission),
      guard.listCriteria(credentials, cccFirmwareUpdatePermission),
    ]);
    return {
      actorRef: credentials.principal.userEntityRef,
      readable,
      updatable,
    };
  };

  router.get('/rollouts', async (req, res) => {
    res.json({ items: await rollouts.list(await viewer(req)) });
  });

  // What a rollout would do, for the create dialog; changes nothing.
  router.post('/rollouts/plan', async (req, res) => {
    res.json(await rollouts.plan(req.body, await viewer(req)));
  });

  router.post(
    '/rollouts',
    audited('ccc-rollout-start', async (req, res) => {
      res.status(201).json(await rollouts.create(req.body, await viewer(req)));
    }),
  );

  router.get('/rollouts/:id', async (req, res) => {
    res.json(await rollouts.get(req.params.id, await viewer(req)));
  });

  router.post(
    '/rollouts/:id/pause',
    audited('ccc-rollout-pause', async (req, res) => {
      res.json(await rollouts.pause(req.params.id, await viewer(req)));
    }),
  );

  router.post(
    '/rollouts/:id/resume',
    audited('ccc-rollout-resume', async (req, res) => {
      res.json(await rollouts.resume(req.params.id, await viewer(req)));
    }),
  );

  router.post(
    '/rollouts/:id/abort',
    audited('ccc-rollout-abort', async (req, res) => {
      res.json(await rollouts.abort(req.params.id, await viewer(req)));
    }),
  );
}
