import express from 'express';
import type { SimulatedDevice } from '../fleet';
import { sendError } from '../httpErrors';
import { monitoringSamples, parseSampleRange } from '../monitoring';

/**
 * `GET /api/v1/monitoring/samples?from&to&step`, behind the manageable-device
 * gate. Path, query and shape are [INVENTED] (domain §3.2): how the CCC pulls
 * monitoring data from a real COMtrexx is not public.
 */
export function createMonitoringRouter(gate: express.RequestHandler, now: () => Date): express.Router {
  const router = express.Router();
  router.get('/api/v1/monitoring/samples', gate, (req, res) => {
    const device = res.locals.device as SimulatedDevice;
    // The device-side opt-in ("Aufzeichnung von Anlagendaten", domain §1.13)
    // is checked before the query: without it there is nothing to ask for.
    if (!device.ccc.monitoringEnabled) {
      sendError(res, 409, 'MONITORING_DISABLED', 'Recording of system data is switched off on the COMtrexx');
      return;
    }
    const range = parseSampleRange(req.query as Record<string, unknown>);
    if (typeof range === 'string') {
      sendError(res, 400, 'BAD_REQUEST', range);
      return;
    }
    const data = monitoringSamples(device, range, now());
    res.json({ _links: { totalCount: data.length }, data });
  });
  return router;
}
