import express from 'express';
import Router from 'express-promise-router';
import { HealthService } from '../health/HealthService';

/** Services the CCC router needs. */
export interface CccRouterOptions {
  health: HealthService;
}

/** Builds the `/api/ccc` router; route groups are added here as features arrive. */
export async function createRouter(options: CccRouterOptions): Promise<express.Router> {
  const router = Router();
  router.use(express.json());

  // Unauthenticated (see plugin.ts): load balancers and the start script poll it.
  router.get('/health', async (_req, res) => {
    const health = await options.health.check();
    res.status(health.status === 'down' ? 503 : 200).json(health);
  });

  return router;
}
