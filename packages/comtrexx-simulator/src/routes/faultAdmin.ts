import express from 'express';
import { applyFaultUpdate, clearFaults, FaultContext, FaultUpdate, faultView, validateFaultUpdate } from '../faults';
import type { SimulatedDevice } from '../fleet';
import { sendError } from '../httpErrors';

/**
 * Simulator-only admin endpoints under `/fleet/:serial/faults`: read (GET),
 * change (PUT, partial) and clear (DELETE) a device's faults and state
 * switches. They have no counterpart on a real COMtrexx.
 */
export function createFaultAdminRouter(fleet: SimulatedDevice[], context: FaultContext): express.Router {
  const router = express.Router({ mergeParams: true });

  router.use((req, res, next) => {
    const device = fleet.find(d => d.serialNumber === (req.params as { serial?: string }).serial);
    if (!device) {
      sendError(res, 404, 'NOT_FOUND', `No simulated COMtrexx with serial number ${(req.params as { serial?: string }).serial}`);
      return;
    }
    res.locals.device = device;
    next();
  });

  router.get('/', (_req, res) => {
    res.json(faultView(res.locals.device as SimulatedDevice, context));
  });

  router.put('/', (req, res) => {
    // Without a JSON Content-Type express leaves the body empty, which would
    // look like a valid "change nothing"; refuse it instead.
    if (!req.is('application/json')) {
      sendError(res, 400, 'BAD_REQUEST', 'Send a JSON object with Content-Type: application/json');
      return;
    }
    const problem = validateFaultUpdate(req.body);
    if (problem) {
      sendError(res, 400, 'BAD_REQUEST', problem);
      return;
    }
    const device = res.locals.device as SimulatedDevice;
    applyFaultUpdate(device, req.body as FaultUpdate, context);
    res.json(faultView(device, context));
  });

  router.delete('/', (_req, res) => {
    const device = res.locals.device as SimulatedDevice;
    clearFaults(device, context);
    res.json(faultView(device, context));
  });

  return router;
}
