import {
  cccBackupCreatePermission,
  cccBackupDeletePermission,
  cccBackupReadPermission,
  cccBackupRestorePermission,
  cccBackupSchedulePermission,
  cccFirmwareUpdatePermission,
  cccSystemReadPermission,
} from '@internal/plugin-ccc-common';
import express from 'express';
import { z } from 'zod';
import { BackupsService } from '../backups/BackupsService';
import { FirmwareService } from '../firmware/FirmwareService';
import { DeviceJobs } from '../jobs/DeviceJobs';
import { SystemPermissionGuard } from '../permissions/SystemPermissionGuard';
import { parse } from '../validation';
import { RouteHelpers } from './routeHelpers';

const jobsQuery = z
  .object({ kind: z.enum(['backup', 'restore', 'firmware'], { message: 'kind is backup, restore or firmware' }).optional() })
  .strict();

/** Routes of the backup tab, the firmware part of it, the jobs they start and the fleet backups view. */
export function addBackupRoutes(
  router: express.Router,
  options: {
    helpers: RouteHelpers;
    guard: SystemPermissionGuard;
    backups: BackupsService;
    firmware: FirmwareService;
    jobs: DeviceJobs;
  },
): void {
  const { helpers, guard, backups, firmware, jobs } = options;
  const { user, systemFor, audited } = helpers;

  // Every system whose backups the user may see, filtered in SQL.
  router.get('/backups', async (req, res) => {
    res.json({ items: await backups.fleet(await guard.listCriteria(await user(req), cccBackupReadPermission)) });
  });

  router.get('/systems/:id/backups', async (req, res) => {
    const { system } = await systemFor(req, cccBackupReadPermission, 'see the backups');
    res.json(await backups.overview(system.id));
  });

  router.post(
    '/systems/:id/backups',
    audited('ccc-backup-create', async (req, res) => {
      const { system, actor } = await systemFor(req, cccBackupCreatePermission, 'create backups');
      res.status(202).json(await backups.startBackup(system.id, actor));
    }),
  );

  router.post(
    '/systems/:id/backups/delete',
    audited('ccc-backup-delete', async (req, res) => {
      const { system, actor } = await systemFor(req, cccBackupDeletePermission, 'delete backups');
      res.json(await backups.deleteBackups(system.id, req.body, actor));
    }),
  );

  router.post(
    '/systems/:id/backups/:backupId/restore',
    audited('ccc-backup-restore', async (req, res) => {
      const { system, actor } = await systemFor(req, cccBackupRestorePermission, 'restore backups');
      res.status(202).json(await backups.restore(system.id, req.params.backupId, req.body, actor));
    }),
  );

  router.put(
    '/systems/:id/backups/schedule',
    audited('ccc-backup-schedule', async (req, res) => {
      const { system, actor } = await systemFor(req, cccBackupSchedulePermission, 'change automatic backups');
      res.json(await backups.setSchedule(system.id, req.body, actor));
    }),
  );

  router.put(
    '/systems/:id/backups/retention',
    audited('ccc-backup-retention', async (req, res) => {
      const { system, actor } = await systemFor(req, cccBackupSchedulePermission, 'change backup retention');
      res.json(await backups.setRetention(system.id, req.body, actor));
    }),
  );

  router.get('/systems/:id/jobs', async (req, res) => {
    const { system } = await systemFor(req, cccSystemReadPermission, 'see backup and update jobs');
    const { kind } = parse(jobsQuery, req.query);
    res.json({ items: await jobs.list(system.id, kind ? [kind] : undefined) });
  });

  router.get('/systems/:id/jobs/:jobId', async (req, res) => {
    const { system } = await systemFor(req, cccSystemReadPermission, 'see backup and update jobs');
    res.json(await jobs.get(system.id, req.params.jobId));
  });

  router.get('/systems/:id/firmware', async (req, res) => {
    const { system } = await systemFor(req, cccSystemReadPermission, 'see the firmware');
    res.json(await firmware.overview(system.id));
  });

  router.post(
    '/systems/:id/firmware/update',
    audited('ccc-firmware-update', async (req, res) => {
      const { system, actor } = await systemFor(req, cccFirmwareUpdatePermission, 'update the firmware');
      res.status(202).json(await firmware.startUpdate(system.id, req.body, actor));
    }),
  );
}
