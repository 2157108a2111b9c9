import express from 'express';
import type { SimulatedDevice } from '../fleet';
import { openApiYaml } from '../openapi';

/** `GET /api/system/api`: the simulator's OpenAPI document (domain §2.1 path). */
export function createOpenApiRouter(): express.Router {
  const router = express.Router();
  router.get('/api/system/api', (_req, res) => {
    const { serialNumber } = res.locals.device as SimulatedDevice;
    res.type('application/yaml').send(openApiYaml(serialNumber));
  });
  return router;
}
