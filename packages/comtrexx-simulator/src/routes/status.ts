import express from 'express';
import type { SimulatedDevice } from '../fleet';
import { sendError } from '../httpErrors';
import { pageEnvelope, parsePage } from '../paging';

/**
 * `GET /api/v1/phones/status` and `GET /api/v1/trunks/status`, behind the
 * manageable-device gate. The paths are [INVENTED] (domain §3.2): the real
 * COMtrexx API reads phone and trunk status, but its paths are not public.
 */
export function createStatusRouter(gate: express.RequestHandler): express.Router {
  const router = express.Router();
  const list =
    (path: string, rows: (device: SimulatedDevice) => readonly unknown[]): express.RequestHandler =>
    (req, res) => {
      const page = parsePage(req.query as Record<string, unknown>);
      if (typeof page === 'string') {
        sendError(res, 400, 'BAD_REQUEST', page);
        return;
      }
      res.json(pageEnvelope(rows(res.locals.device as SimulatedDevice), page, path));
    };
  router.get('/api/v1/phones/status', gate, list('/api/v1/phones/status', d => d.phones));
  router.get('/api/v1/trunks/status', gate, list('/api/v1/trunks/status', d => d.trunks));
  return router;
}
