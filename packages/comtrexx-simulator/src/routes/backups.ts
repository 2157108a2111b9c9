import express from 'express';
import {
  BACKUP_INTERVALS,
  BackupInterval,
  backupJobRunning,
  deleteBackup,
  jobView,
  listBackups,
  scheduleView,
  setScheduleInterval,
  startBackup,
  startRestore,
} from '../backups';
import { updateRunning } from '../firmware';
import type { SimulatedDevice } from '../fleet';
import { sendError } from '../httpErrors';
import { pageEnvelope, parsePage } from '../paging';

const BASE = '/api/v1/backups';

/**
 * Remote backup (domain §1.7), behind the manageable-device gate:
 * `GET /api/v1/backups/config`, `GET|POST /api/v1/backups`,
 * `GET /api/v1/backups/jobs/{jobId}`, `POST /api/v1/backups/{id}/restore`,
 * `DELETE /api/v1/backups/{id}` and `GET|PUT /api/v1/backups/schedule`.
 * Paths, shapes, job states and the 409 codes are [INVENTED] (domain §3.2):
 * how the CCC drives backups on a real COMtrexx is not public.
 */
export function createBackupRouter(gate: express.RequestHandler, now: () => Date): express.Router {
  const router = express.Router();

  // The setup itself is readable on every manageable device; it says whether the rest works.
  router.get(`${BASE}/config`, gate, (_req, res) => {
    res.json({ ...(res.locals.device as SimulatedDevice).backup.config });
  });

  // Backup server and password are set on the device by an admin (domain §1.7); without them nothing else works.
  const configured: express.RequestHandler = (_req, res, next) => {
    if (!(res.locals.device as SimulatedDevice).backup.config.configured) {
      sendError(
        res,
        409,
        'BACKUP_NOT_CONFIGURED',
        'Remote backup is not set up on the COMtrexx; enter the backup server and password in its web interface first',
      );
      return;
    }
    next();
  };

  // One job at a time: a backup, restore or firmware update must not overlap another. Answers 409 when busy.
  const refusedAsBusy = (res: express.Response): boolean => {
    const device = res.locals.device as SimulatedDevice;
    const at = now().getTime();
    if (updateRunning(device, at)) {
      sendError(res, 409, 'UPDATE_IN_PROGRESS', 'A firmware update is running on the COMtrexx; try again when it is done');
      return true;
    }
    if (backupJobRunning(device, at)) {
      sendError(res, 409, 'BACKUP_IN_PROGRESS', 'A backup or restore is already running on the COMtrexx');
      return true;
    }
    return false;
  };

  router.get(`${BASE}/schedule`, gate, configured, (_req, res) => {
    res.json(scheduleView(res.locals.device as SimulatedDevice, now().getTime()));
  });

  router.put(`${BASE}/schedule`, gate, configured, (req, res) => {
    const problem = validateScheduleUpdate(req.body);
    if (problem) {
      sendError(res, 400, 'BAD_REQUEST', problem);
      return;
    }
    const device = res.locals.device as SimulatedDevice;
    const at = now().getTime();
    const { interval } = req.body as { interval?: BackupInterval | null };
    // COMtrexx PUT semantics: omitted = unchanged, null = back to the default (off).
    if (interval !== undefined) setScheduleInterval(device, interval ?? 'off', at);
    res.json(scheduleView(device, at));
  });

  router.get(`${BASE}/jobs/:jobId`, gate, configured, (req, res) => {
    const device = res.locals.device as SimulatedDevice;
    const job = device.backup.jobs.find(j => j.jobId === req.params.jobId);
    if (!job) {
      sendError(res, 404, 'NOT_FOUND', `No backup job ${req.params.jobId} on this COMtrexx`);
      return;
    }
    res.json(jobView(job, now().getTime()));
  });

  router.get(BASE, gate, configured, (req, res) => {
    const page = parsePage(req.query as Record<string, unknown>);
    if (typeof page === 'string') {
      sendError(res, 400, 'BAD_REQUEST', page);
      return;
    }
    res.json(pageEnvelope(listBackups(res.locals.device as SimulatedDevice), page, BASE));
  });

  router.post(BASE, gate, configured, (req, res) => {
    if (refusedAsBusy(res)) return;
    const jobId = startBackup(res.locals.device as SimulatedDevice, now().getTime());
    res.status(202).setHeader('Location', `${req.baseUrl}${BASE}/jobs/${jobId}`);
    res.json({ jobId });
  });

  router.post(`${BASE}/:id/restore`, gate, configured, (req, res) => {
    // The password valid when the backup was made (domain §1.7); the simulator accepts any. [INVENTED]
    const password = (req.body as { password?: unknown } | undefined)?.password;
    if (password !== undefined && typeof password !== 'string') {
      sendError(res, 400, 'BAD_REQUEST', 'password must be a string');
      return;
    }
    const device = res.locals.device as SimulatedDevice;
    const backup = device.backup.backups.find(b => b.id === req.params.id);
    if (!backup) {
      sendError(res, 404, 'NOT_FOUND', `No backup ${req.params.id} on the backup server`);
      return;
    }
    if (refusedAsBusy(res)) return;
    const jobId = startRestore(device, backup, now().getTime());
    res.status(202).setHeader('Location', `${req.baseUrl}${BASE}/jobs/${jobId}`);
    res.json({ jobId });
  });

  router.delete(`${BASE}/:id`, gate, configured, (req, res) => {
    if (!deleteBackup(res.locals.device as SimulatedDevice, req.params.id)) {
      sendError(res, 404, 'NOT_FOUND', `No backup ${req.params.id} on the backup server`);
      return;
    }
    res.status(204).end();
  });

  return router;
}

// Strict, as the fault admin: a misspelt property silently ignored would look like a change that did not happen.
function validateScheduleUpdate(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'Body must be a JSON object';
  const unknown = Object.keys(body).filter(key => key !== 'interval');
  if (unknown.length > 0) return `Unknown properties: ${unknown.join(', ')}; allowed is interval`;
  const { interval } = body as { interval?: unknown };
  if (interval !== undefined && interval !== null && !(BACKUP_INTERVALS as readonly unknown[]).includes(interval)) {
    return `interval must be one of ${BACKUP_INTERVALS.join(', ')}`;
  }
  return undefined;
}
