import { HttpAuthService, LoggerService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { HealthService } from '../health/HealthService';
import { RateLimiter } from '../pairing/RateLimiter';
import { SystemsService } from '../systems/SystemsService';
import { cccErrorHandler } from './errors';

/** Services the CCC router needs. */
export interface CccRouterOptions {
  health: HealthService;
  systems: SystemsService;
  httpAuth: HttpAuthService;
  logger: LoggerService;
  /** Limits for the unauthenticated pairing endpoint; injectable for tests. */
  pairingLimits?: { perClient: RateLimiter; perSerial: RateLimiter };
}

/** Builds the `/api/ccc` router. */
export async function createRouter(options: CccRouterOptions): Promise<express.Router> {
  const { health, systems, httpAuth, logger } = options;
  const limits = options.pairingLimits ?? {
    perClient: new RateLimiter(30, 60_000),
    perSerial: new RateLimiter(10, 10 * 60_000),
  };
  const router = Router();
  router.use(express.json({ limit: '100kb' }));

  const userRef = async (req: express.Request) =>
    (await httpAuth.credentials(req, { allow: ['user'] })).principal.userEntityRef;

  // Unauthenticated (see plugin.ts): load balancers and the start script poll it.
  router.get('/health', async (_req, res) => {
    const report = await health.check();
    res.status(report.status === 'down' ? 503 : 200).json(report);
  });

  // The catalog module reads the list with a service token.
  router.get('/systems', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json({ items: await systems.list() });
  });

  router.post('/systems', async (req, res) => {
    res.status(201).json(await systems.register(req.body, await userRef(req)));
  });

  router.get('/systems/by-serial/:serial', async (req, res) => {
    await userRef(req);
    res.json(await systems.getBySerial(req.params.serial));
  });

  router.get('/systems/:id', async (req, res) => {
    await userRef(req);
    res.json(await systems.get(req.params.id));
  });

  router.patch('/systems/:id', async (req, res) => {
    await userRef(req);
    res.json(await systems.update(req.params.id, req.body));
  });

  router.post('/systems/:id/token', async (req, res) => {
    await userRef(req);
    res.json(await systems.renewToken(req.params.id));
  });

  router.delete('/systems/:id/token', async (req, res) => {
    await userRef(req);
    await systems.cancelToken(req.params.id);
    res.status(204).end();
  });

  router.post('/systems/:id/refresh', async (req, res) => {
    await userRef(req);
    res.json(await systems.refresh(req.params.id));
  });

  router.delete('/systems/:id', async (req, res) => {
    await systems.delete(req.params.id, await userRef(req));
    res.status(204).end();
  });

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

  router.use(cccErrorHandler);
  return router;
}
