import express from 'express';
import { backupJobRunning } from '../backups';
import { availableVersion, startUpdate, updateRunning, updateStatus } from '../firmware';
import type { SimulatedDevice } from '../fleet';
import { sendError } from '../httpErrors';

/**
 * Firmware update (domain §1.8), behind the manageable-device gate, so a
 * device below 2.4.4 cannot be updated remotely (the manual: only locally):
 * `GET /api/v1/firmware`, `POST /api/v1/firmware/update` and
 * `GET /api/v1/firmware/update/status`. Paths, shapes, states and the 409
 * codes are [INVENTED] (domain §3.2).
 */
export function createFirmwareRouter(gate: express.RequestHandler, now: () => Date): express.Router {
  const router = express.Router();

  router.get('/api/v1/firmware', gate, (_req, res) => {
    const device = res.locals.device as SimulatedDevice;
    res.json({
      installed: device.firmwareVersion,
      available: availableVersion(device),
      updateServerReachable: device.firmware.updateServerReachable,
    });
  });

  router.post('/api/v1/firmware/update', gate, (req, res) => {
    const device = res.locals.device as SimulatedDevice;
    const at = now().getTime();
    if (updateRunning(device, at)) {
      sendError(res, 409, 'UPDATE_IN_PROGRESS', 'A firmware update is already running on the COMtrexx');
      return;
    }
    if (backupJobRunning(device, at)) {
      sendError(res, 409, 'BACKUP_IN_PROGRESS', 'A backup or restore is running on the COMtrexx; update when it is done');
      return;
    }
    // Without the update server the device cannot know; it tries, and the update fails while checking.
    if (device.firmware.updateServerReachable && availableVersion(device) === null) {
      sendError(res, 409, 'NO_UPDATE_AVAILABLE', `Firmware ${device.firmwareVersion} is the newest version`);
      return;
    }
    const jobId = startUpdate(device, at);
    res.status(202).setHeader('Location', `${req.baseUrl}/api/v1/firmware/update/status`);
    res.json({ jobId });
  });

  router.get('/api/v1/firmware/update/status', gate, (_req, res) => {
    res.json(updateStatus(res.locals.device as SimulatedDevice, now().getTime()));
  });

  return router;
}
